// The patient screen shows the record's history from the audit log: an edit made through the form appears with
// when, who (the coordinator signed in, not the computer's name from the settings, which is the CLI's) and which
// fields (never the values); a broken hash chain is a visible warning. Checked in English and Korean, with axe.
import { expectNoCriticalViolations } from './support/accessibility';
import { AppShell } from './support/app-shell';
import { expect, test } from './support/fixtures';
import { IntakePage } from './support/intake-page';
import { callService } from './support/services';
import { uiText } from './support/ui-text';
import type { PatientIntake } from '../../src/shared/domain/intake/patient-schema';
import { CLEAN_SCREENING } from '../support/clean-screening';

const PATIENT: PatientIntake = {
  names: { native: 'Nguyễn Thị Lan', latin: 'Nguyen Thi Lan' },
  birthDate: '1990-06-02',
  sex: 'female',
  nationality: 'VN',
  languages: ['vi', 'en'],
  phone: '+84912345678',
  messengers: [],
  email: null,
  homeTimeZone: 'Asia/Ho_Chi_Minh',
  homeCurrency: 'VND',
  trip: { arrival: '2026-03-02', departure: '2026-03-09', stayAddress: '' },
  skin: { fitzpatrick: 3, concerns: ['melasma'] },
  screening: { ...CLEAN_SCREENING },
  consents: [],
};

test.use({ coordinator: { name: 'Park Ji-won', pin: '482913' } });

test('the history shows an edit with who and which fields, and warns when the chain is broken', async ({ page, app }, testInfo) => {
  const { id } = await callService(app, 'createPatient', { patient: PATIENT });
  const intake = new IntakePage(page);
  const history = page.locator('[data-audit-history]');

  await test.step('the name for this computer (used when nobody is signed in: the CLI) is set in the settings', async () => {
    await page.goto(`${app.url}#/settings`);
    await new AppShell(page).setLanguage('en');
    const form = page.locator('[data-coordinator-setting]');
    await form.locator('input[name="coordinator"]').fill('Front desk PC');
    await form.getByRole('button', { name: uiText('en', 'settings.coordinator.save') }).click();
    await expect(form.getByRole('status')).toHaveText(uiText('en', 'intake.saved'));
    expect(await callService(app, 'getCoordinator', {})).toEqual({ name: 'Park Ji-won', fallback: 'Front desk PC' });
  });

  await test.step('opening the record is in its history', async () => {
    await page.goto(`${app.url}#/patients/${id}`);
    await intake.waitUntilReady();
    await expect(history.getByRole('heading', { name: uiText('en', 'audit.title') })).toBeVisible();
    await expect(history.locator('[data-audit-action="patient.create"]')).toHaveCount(1);
    await expect(history.locator('[data-audit-action="patient.open"]')).toHaveCount(1);
  });

  await test.step('an edit saved through the form appears at the top with its fields, not its values', async () => {
    await intake.fill({ email: 'lan.nguyen@example.com', departure: '2026-03-10' });
    await intake.pressSave();
    await expect(intake.savedBanner).toBeVisible();
    const edit = history.locator('[data-audit-action="patient.update"]');
    await expect(edit).toHaveCount(1);
    await expect(history.locator('tbody tr').first()).toHaveAttribute('data-audit-action', 'patient.update');
    await expect(edit.locator('[data-audit-fields]')).toHaveText('email, trip.departure');
    await expect(edit).toContainText('Park Ji-won');
    await expect(edit).not.toContainText('Front desk PC');
    await expect(edit).toContainText(uiText('en', 'audit.actions.patient.update'));
    await expect(history).not.toContainText('lan.nguyen@example.com');
    await expect(history.locator('[data-audit-broken]')).toHaveCount(0);
    await expectNoCriticalViolations(page, testInfo, 'audit-history');
    await history.screenshot({ path: 'test-results/screens/audit-history-en.png' });
  });

  await test.step('a tampered entry is reported as a broken chain, in Korean too', async () => {
    // What an attacker with the file (or the server's owner login) would do: drop the guard and rewrite who made the edit.
    await app.sql.run(app.backend === 'sqlite' ? 'DROP TRIGGER audit_log_no_update' : 'DROP TRIGGER audit_log_no_update ON audit_log');
    await app.sql.run("UPDATE audit_log SET actor = 'someone else' WHERE action = 'patient.update'");
    const seq = (await app.sql.get<{ seq: number }>("SELECT seq FROM audit_log WHERE action = 'patient.update'"))!.seq;
    await page.reload();
    await intake.waitUntilReady();
    await expect(history.locator(`[data-audit-broken="${seq}"]`)).toHaveText(uiText('en', 'audit.broken', { seq }));
    await expect(history.locator(`tr[data-audit-seq="${seq}"]`)).toHaveClass('audit-history__broken');
    await new AppShell(page).setLanguage('ko');
    await expect(history.locator('[data-audit-broken]')).toHaveText(uiText('ko', 'audit.broken', { seq }));
    await history.screenshot({ path: 'test-results/screens/audit-history-broken-ko.png' });
  });
});
