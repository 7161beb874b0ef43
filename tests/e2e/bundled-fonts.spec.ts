// The screen's fonts come with the app (fonts.ts), so a patient's name never renders as boxes on a PC without CJK or
// Arabic system fonts. Asserted through the page's own FontFaceSet: the bundled faces covering the Korean and the
// Arabic letters on screen were downloaded and used, whatever fonts this machine happens to have.
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { PatientListPage } from './support/patient-list-page';
import { callService } from './support/services';

/** The families of the bundled faces the page has loaded, without CSS quotes. */
async function loadedFamilies(page: Page): Promise<string[]> {
  // Evaluated as text: the tests' type checking has no DOM library, and this runs in the page.
  return page.evaluate<string[]>(`document.fonts.ready.then(() =>
    [...document.fonts].filter((face) => face.status === 'loaded').map((face) => face.family.replace(/^["']|["']$/g, '')))`);
}

test('Korean and Arabic names render with the bundled fonts', async ({ page, app }) => {
  const { created } = await callService(app, 'seedDemoPatients', {});
  const list = new PatientListPage(page, app);
  await list.goto();
  await expect(list.rows).toHaveCount(created);
  const arabicName = page
    .locator('[role="row"]')
    .filter({ hasText: /[\u0600-\u06FF]/ })
    .first();
  await expect(arabicName).toBeVisible();
  const koreanName = page
    .locator('[role="row"]')
    .filter({ hasText: /[\uAC00-\uD7A3]/ })
    .first();
  await expect(koreanName).toBeVisible();

  const families = await loadedFamilies(page);
  expect(families).toContain('Noto Sans KR Variable');
  expect(families).toContain('Noto Sans Arabic Variable');
  // Only the subsets the page needs were fetched: no Thai text is on this list, so no Thai face was loaded.
  const thaiOnScreen = await page.evaluate<boolean>(`/[\\u0E00-\\u0E7F]/.test(document.body.innerText)`);
  if (!thaiOnScreen) expect(families).not.toContain('Noto Sans Thai Variable');

  // The root's font stack starts with the bundled faces, so they win over whatever the system has.
  const stack = await page.evaluate<string>('getComputedStyle(document.documentElement).fontFamily');
  expect(stack.startsWith('"Noto Sans Variable", "Noto Sans KR Variable"')).toBe(true);
});
