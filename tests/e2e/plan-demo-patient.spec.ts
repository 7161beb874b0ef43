// The coordinator's path on a demo patient: find her in the list, open her intake, open her plan, build it from
// the suggestions and the catalog, and read the checks, the quote and the consent summary.
import { expect, test } from './support/fixtures';
import { PatientListPage } from './support/patient-list-page';
import { PlanPage } from './support/plan-page';
import { callService } from './support/services';

test('a demo patient’s plan of four treatments is built from the list, with checks, a quote and a consent summary', async ({ app, page }) => {
  await callService(app, 'seedDemoPatients', {});
  const list = new PatientListPage(page, app);
  await list.goto();
  await list.searchFor('Thu Hương');
  await expect(list.rows).toHaveCount(1);
  await list.rows.first().click();
  await page.locator('a[data-open-plan]').click();

  const plan = new PlanPage(page, app);
  await plan.waitUntilReady();
  await expect(plan.suggestions.first()).toBeVisible();
  const suggested = await plan.suggestions.evaluateAll((buttons) => buttons.slice(0, 2).map((b) => b.getAttribute('data-suggestion')));
  for (const treatment of suggested) await plan.addSuggestion(treatment as never);
  await plan.addFromCatalog('hydrafacial');
  await plan.addFromCatalog('rejuran-healer');
  await expect(plan.rows).toHaveCount(4);

  await plan.scheduleButton.click();
  await plan.settle();
  // Every treatment has a quote line, and the total is the service's own.
  const id = new URL(page.url()).hash.split('/')[2]!;
  const onScreen = await plan.sessionDates();
  const evaluation = await callService(app, 'evaluatePatientPlan', {
    patientId: id,
    plan: { items: onScreen.map(({ treatment, date }) => ({ treatment: treatment as never, date: date || null })) },
  });
  await expect(plan.totalKrw).toContainText(new Intl.NumberFormat('en').format(evaluation.quote.totalKrw));
  await expect(plan.findingsPanel).toBeVisible();
  await plan.openConsent();
  await expect(plan.consentTreatment('rejuran-healer', 'ko')).toBeVisible();
  await expect(plan.consentTreatment('rejuran-healer', 'en')).toBeVisible();
});
