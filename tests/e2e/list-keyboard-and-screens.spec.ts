// The list with the demo patients: operated from the keyboard alone, filtered by trip status, sorted by a column;
// screenshots of the list and an intake form in both UI languages; and no critical accessibility violations.
import type { Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { TRIP_STATUSES } from '../../src/shared/domain/intake/vocabulary';
import { expectNoCriticalViolations, SCREENS_DIR } from './support/accessibility';
import { AppShell } from './support/app-shell';
import { expect, test, type App } from './support/fixtures';
import { IntakePage } from './support/intake-page';
import { PatientListPage } from './support/patient-list-page';
import { callService } from './support/services';
import { eitherLanguage, uiText, type UiLanguage } from './support/ui-text';

async function openDemoList(page: Page, app: App): Promise<PatientListPage> {
  const { created } = await callService(app, 'seedDemoPatients', {});
  expect(created).toBeGreaterThan(10);
  const list = new PatientListPage(page, app);
  await list.goto();
  await expect(list.rows).toHaveCount(created);
  return list;
}

test('the list is operated with the keyboard alone: / searches, arrows move, Enter opens, Escape returns', async ({ page, app }) => {
  const list = await openDemoList(page, app);

  // Start with the focus away from the search box, as after clicking elsewhere.
  await page.locator('#list-title').click();
  await expect(list.search).not.toBeFocused();
  await page.keyboard.press('/');
  await expect(list.search).toBeFocused();
  // The "/" opened the search and was not typed into it.
  await expect(list.search).toHaveValue('');

  // "al-" is in the four Gulf patients' passport names.
  await page.keyboard.type('al-');
  await list.waitForResults();
  await expect(list.rows).toHaveCount(4);
  const ids = await list.visibleIds();

  // Tab leaves the search box, passes the trip filter (one stop for the radio group) and the "show restricted
  // records" box, and lands on the grid.
  await page.keyboard.press('Tab');
  await expect(list.statusFilter('all')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.locator('input[name="show-restricted"]')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(list.grid).toBeFocused();
  await expect(list.grid).toHaveAttribute('aria-activedescendant', `patient-row-${ids[0]}`);
  await expect(list.row(ids[0]!)).toHaveAttribute('aria-selected', 'true');

  await page.keyboard.press('ArrowDown');
  await expect(list.grid).toHaveAttribute('aria-activedescendant', `patient-row-${ids[1]}`);
  await expect(list.row(ids[1]!)).toHaveAttribute('aria-selected', 'true');
  await expect(list.row(ids[0]!)).toHaveAttribute('aria-selected', 'false');
  // End jumps to the last row, Home back to the first; ArrowUp at the top stays there.
  await page.keyboard.press('End');
  await expect(list.grid).toHaveAttribute('aria-activedescendant', `patient-row-${ids[3]}`);
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowUp');
  await expect(list.grid).toHaveAttribute('aria-activedescendant', `patient-row-${ids[0]}`);
  await page.keyboard.press('ArrowDown');

  const second = await callService(app, 'getPatient', { id: ids[1]! });
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`#/patients/${ids[1]}$`));
  const intake = new IntakePage(page);
  await intake.waitUntilReady();
  await expect(intake.title).toContainText(second.patient.names.native);
  await expect(intake.control('latinName')).toHaveValue(second.patient.names.latin);

  await page.keyboard.press('Escape');
  await expect(page).toHaveURL(/#\/patients$/);
  await list.waitForResults();
  await expect(list.grid).toBeVisible();
});

test('a list longer than the screen scrolls with the keyboard, and no row hides under the header', async ({ page, app }) => {
  const list = await openDemoList(page, app);
  const count = await list.rows.count();
  const header = list.grid.locator('.grid__head');
  const activeRow = list.grid.locator('[role="row"][aria-selected="true"]');

  /** The active row lies wholly inside the grid's visible area, below the sticky header row. */
  const expectActiveRowFullyVisible = async () => {
    await expect(async () => {
      const [grid, head, row] = await Promise.all([list.grid.boundingBox(), header.boundingBox(), activeRow.boundingBox()]);
      expect(row!.y).toBeGreaterThanOrEqual(head!.y + head!.height - 1);
      expect(row!.y + row!.height).toBeLessThanOrEqual(grid!.y + grid!.height + 1);
    }).toPass({ timeout: 5_000 });
  };

  await list.grid.focus();
  await expect(activeRow).toHaveAttribute('aria-rowindex', '2');
  await page.keyboard.press('End');
  await expect(activeRow).toHaveAttribute('aria-rowindex', String(count + 1));
  // The list really is longer than the grid, or this test would prove nothing: the first row scrolled away.
  await expect(list.rows.first()).not.toBeInViewport();
  await expectActiveRowFullyVisible();

  await page.keyboard.press('PageUp');
  await page.keyboard.press('PageUp');
  await expectActiveRowFullyVisible();

  await page.keyboard.press('Home');
  await expect(activeRow).toHaveAttribute('aria-rowindex', '2');
  await expectActiveRowFullyVisible();
  // Header stays in place while scrolling.
  await expect(header).toBeInViewport();
});

test('the trip filter shows only the patients coming, in Korea or gone home', async ({ page, app }) => {
  const list = await openDemoList(page, app);
  const total = await list.rows.count();
  const seen = new Set<string>();

  for (const status of TRIP_STATUSES) {
    await test.step(status, async () => {
      await list.filterByStatus(status);
      await expect(list.statusFilter(status)).toBeChecked();
      const expected = await callService(app, 'searchPatients', { query: '', tripStatus: status, limit: 1000 });
      expect(expected.rows.length, `demo patients ${status}`).toBeGreaterThan(0);
      await expect(list.rows).toHaveCount(expected.rows.length);
      // Every row shown carries this status's badge, and no other.
      await expect(list.rows.locator(`.badge--${status}`)).toHaveCount(expected.rows.length);
      const ids = await list.visibleIds();
      expect(new Set(ids)).toEqual(new Set(expected.rows.map((row) => row.id)));
      for (const id of ids) {
        expect(seen.has(id), `${id} in two filters`).toBe(false);
        seen.add(id);
      }
    });
  }
  // The three statuses split the whole list, and "All" brings it back.
  expect(seen.size).toBe(total);
  await list.filterByStatus('all');
  await expect(list.rows).toHaveCount(total);

  // The filter and the search combine.
  await list.filterByStatus('departed');
  await list.searchFor('al-');
  const departedGulf = await callService(app, 'searchPatients', { query: 'al-', tripStatus: 'departed', limit: 1000 });
  await expect(list.rows).toHaveCount(departedGulf.rows.length);
  await expect(list.rows.locator('.badge--departed')).toHaveCount(departedGulf.rows.length);
});

test('clicking a column header sorts by it, ascending then descending', async ({ page, app }) => {
  const list = await openDemoList(page, app);
  const header = list.columnHeader('latinName');
  await expect(header).toHaveAttribute('aria-sort', 'none');
  const unsorted = await list.columnTexts('latinName');
  const ascending = [...unsorted].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase(), 'en'));
  // The demo list does not happen to arrive sorted by passport name, or this test would prove nothing.
  expect(unsorted).not.toEqual(ascending);

  await list.sortBy('latinName');
  await expect(header).toHaveAttribute('aria-sort', 'ascending');
  expect(await list.columnTexts('latinName')).toEqual(ascending);

  await list.sortBy('latinName');
  await expect(header).toHaveAttribute('aria-sort', 'descending');
  expect(await list.columnTexts('latinName')).toEqual([...ascending].reverse());

  // Dates sort as dates.
  const arrivalHeader = list.columnHeader('arrival');
  await list.sortBy('arrival');
  await expect(arrivalHeader).toHaveAttribute('aria-sort', 'ascending');
  await expect(header).toHaveAttribute('aria-sort', 'none');
  const arrivals = await list.columnTexts('arrival');
  expect(arrivals).toEqual([...arrivals].sort());
  expect(new Set(arrivals).size).toBeGreaterThan(1);
});

test('screenshots of the list and an intake form in Korean and English, without critical accessibility violations', async ({
  page,
  app,
}, testInfo) => {
  mkdirSync(SCREENS_DIR, { recursive: true });
  const list = await openDemoList(page, app);
  const shell = new AppShell(page);
  const intake = new IntakePage(page);
  // A patient in Korea now, with several screening answers, so the form shows real content.
  const inKorea = await callService(app, 'searchPatients', { query: '', tripStatus: 'in_korea', limit: 10 });
  const patientId = inKorea.rows[0]!.id;

  for (const language of ['ko', 'en'] as const satisfies readonly UiLanguage[]) {
    await test.step(`list in ${language}`, async () => {
      await list.goto();
      await shell.setLanguage(language);
      await expect(page.locator('#list-title')).toHaveText(uiText(language, 'list.title'));
      await expect(list.rows.first()).toBeVisible();
      await page.screenshot({ path: `${SCREENS_DIR}/list-${language}.png`, fullPage: true });
      await expectNoCriticalViolations(page, testInfo, `list-${language}`);
    });

    await test.step(`intake in ${language}`, async () => {
      await list.row(patientId).click();
      await intake.waitUntilReady();
      await expect(intake.saveButton).toHaveText(uiText(language, 'intake.save'));
      await expect(page.getByRole('heading', { name: uiText(language, 'intake.sections.screening') })).toBeVisible();
      await page.screenshot({ path: `${SCREENS_DIR}/intake-${language}.png`, fullPage: true });
      await expectNoCriticalViolations(page, testInfo, `intake-${language}`);
    });
  }

  // The language choice is remembered across a reload.
  await page.reload();
  await intake.waitUntilReady();
  await expect(intake.saveButton).toHaveText(uiText('en', 'intake.save'));
  await expect(shell.languageButton('en')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('button', { name: eitherLanguage('intake.save') })).toBeVisible();
});
