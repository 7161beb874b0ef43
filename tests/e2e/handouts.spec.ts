// The handouts screen: an Arabic patient's aftercare previewed bilingual with Korean, all five exported with
// progress into a folder, a relative folder refused beside its field with nothing written, and a print recorded
// in the patient's history.
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expectNoCriticalViolations, SCREENS_DIR } from './support/accessibility';
import { AppShell } from './support/app-shell';
import { expect, test } from './support/fixtures';
import { callService } from './support/services';
import { issueText, uiText } from './support/ui-text';
import type { PatientIntake } from '../../src/shared/domain/intake/patient-schema';
import { CLEAN_SCREENING } from '../support/clean-screening';

const PATIENT: PatientIntake = {
  names: { native: 'سارة العنزي', latin: 'Sara Al-Enezi' },
  birthDate: '1991-11-15',
  sex: 'female',
  nationality: 'KW',
  languages: ['ar', 'en'],
  phone: '+96566184723',
  messengers: [],
  email: null,
  homeTimeZone: 'Asia/Kuwait',
  homeCurrency: 'KWD',
  trip: { arrival: '2026-12-01', departure: '2026-12-12', stayAddress: '' },
  skin: { fitzpatrick: 4, concerns: ['melasma'] },
  screening: { ...CLEAN_SCREENING },
  consents: [],
};

let exportFolder: string;
test.beforeEach(() => {
  exportFolder = mkdtempSync(join(tmpdir(), 'clinicdesk-handouts-'));
});
test.afterEach(() => rmSync(exportFolder, { recursive: true, force: true }));

test('an Arabic patient’s handouts: preview bilingual, export all with progress, a bad folder refused, a print recorded', async ({
  page,
  app,
}, testInfo) => {
  const { id } = await callService(app, 'createPatient', { patient: PATIENT });
  await callService(app, 'savePatientPlan', {
    patientId: id,
    expectedVersion: 0,
    plan: {
      items: [
        { treatment: 'pico-laser', date: '2026-12-03', time: '10:00' },
        { treatment: 'hydrafacial', date: '2026-12-05', time: '14:00' },
      ],
    },
  });
  await page.goto(`${app.url}#/patients/${id}/handouts`);
  await new AppShell(page).setLanguage('en');
  const screen = page.locator('.screen--handouts');

  await test.step('the patient’s language is chosen, with Korean beside it', async () => {
    await expect(screen.locator('[data-handout-language]')).toHaveValue('ar');
    await expect(screen.locator('[data-handout-bilingual]')).toBeChecked();
  });

  await test.step('a preview shows the PDF the services made', async () => {
    await screen.locator('[data-handout-kind="aftercare"] [data-handout-preview]').click();
    const frame = screen.locator('[data-handout-frame]');
    await expect(frame).toHaveAttribute('src', /^blob:/);
    // Chromium's PDF viewer has the document: its frame is the viewer, not an error page.
    const viewer = await (await frame.elementHandle())!.contentFrame();
    expect(viewer?.url()).toMatch(/^blob:/);
    await expect(screen.locator('figcaption')).toContainText('-aftercare-ar-ko.pdf');
    await page.screenshot({ path: `${SCREENS_DIR}/handouts-preview-en.png`, fullPage: false });
    await expectNoCriticalViolations(page, testInfo, 'handouts-en');
  });

  await test.step('a relative folder is refused beside its field, and nothing is written', async () => {
    await screen.locator('[data-handout-folder]').fill('handouts');
    await screen.locator('[data-handout-export-all]').click();
    await expect(screen.locator('[data-error-for="handout-folder"]')).toHaveText(issueText('en', 'absolute_path_required'));
    expect(readdirSync(exportFolder)).toEqual([]);
  });

  await test.step('export all writes five PDFs and shows the progress to the end', async () => {
    await screen.locator('[data-handout-folder]').fill(exportFolder);
    await screen.locator('[data-handout-export-all]').click();
    await expect(screen.locator('[data-handout-message]')).toHaveText(
      uiText('en', 'handouts.exportedAll', { count: 5, folder: exportFolder }),
    );
    await expect(screen.locator('[data-handout-progress]')).toHaveAttribute('value', '5');
    const files = readdirSync(exportFolder).sort();
    expect(files).toHaveLength(5);
    for (const file of files) expect(file).toMatch(/-ar-ko\.pdf$/);
    expect(existsSync(join(exportFolder, files[0]!))).toBe(true);
  });

  await test.step('the screen in Korean', async () => {
    await new AppShell(page).setLanguage('ko');
    await expect(screen.getByRole('heading', { level: 1 })).toContainText(uiText('ko', 'handouts.title'));
    await page.screenshot({ path: `${SCREENS_DIR}/handouts-ko.png` });
    await expectNoCriticalViolations(page, testInfo, 'handouts-ko');
  });

  // Last: headless Chromium's PDF viewer cannot print and its page crashes after the call, so only the record
  // of the print (in the database) is checked here; the dialog itself is the system's.
  await test.step('printing is recorded in the patient’s history', async () => {
    await screen.locator('[data-handout-kind="consent"] [data-handout-print]').click();
    await expect(screen.locator('figcaption')).toContainText('-consent-ar-ko.pdf');
    await expect
      .poll(async () =>
        (await callService(app, 'auditHistory', { patientId: id })).entries.some(
          (entry) => entry.action === 'print' && entry.fields.includes('handout-consent'),
        ),
      )
      .toBe(true);
  });
});
