// Screens are looked at after a run: screenshots and axe results go to one folder.
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, type TestInfo } from '@playwright/test';
import { mkdirSync, writeFileSync } from 'node:fs';

export const SCREENS_DIR = 'test-results/screens';

/** A full-page screenshot of the page as it is, into SCREENS_DIR, to be looked at after the run. */
export async function saveScreenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENS_DIR, { recursive: true });
  await page.screenshot({ path: `${SCREENS_DIR}/${name}.png`, fullPage: true });
}

/** Runs axe on the page; critical violations fail the test, all violations are recorded beside the screenshots. */
export async function expectNoCriticalViolations(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const summary = results.violations.map((violation) => ({
    id: violation.id,
    impact: violation.impact,
    help: violation.help,
    targets: violation.nodes.map((node) => node.target.join(' ')).slice(0, 5),
  }));
  const body = JSON.stringify(summary, null, 2);
  mkdirSync(SCREENS_DIR, { recursive: true });
  writeFileSync(`${SCREENS_DIR}/axe-${name}.json`, body);
  await testInfo.attach(`axe-${name}.json`, { body, contentType: 'application/json' });
  const critical = summary.filter((violation) => violation.impact === 'critical');
  expect(critical, `critical axe violations on ${name}`).toEqual([]);
}
