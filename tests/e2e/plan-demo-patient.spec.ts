// The coordinator's path on a demo patient: find her in the list, open her intake, open her plan, build it from
// the suggestions and the catalog, and read the checks, the quote and the consent summary.
import { expect, test } from './support/fixtures';
import { PatientListPage } from './support/patient-list-page';
import { PlanPage } from './support/plan-page';
import { callService } from './support/services';
import { uiText } from './support/ui-text';

test('a demo patient’s plan of four treatments is built from the list, with checks, a quote and a consent summary', async ({
  app,
  page,
}) => {
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
  // Every treatment has a quote line, and both totals are the service's own for the plan as saved. This demo
  // patient flew home weeks ago, so the scheduler moves every session to a next visit: this trip's total is nothing
  // and the next visit carries the estimate.
  const id = new URL(page.url()).hash.split('/')[2]!;
  await plan.saveButton.click();
  await expect(plan.banner).toHaveText(uiText('ko', 'plan.saved'));
  const saved = await callService(app, 'getPatientPlan', { patientId: id });
  expect(saved.plan.items).toHaveLength(4);
  const evaluation = await callService(app, 'evaluatePatientPlan', { patientId: id, plan: saved.plan });
  const won = (krw: number): string => new Intl.NumberFormat('en').format(krw);
  await expect(plan.totalKrw).toContainText(won(evaluation.quote.totalKrw));
  expect(evaluation.quote.nextVisit).not.toBeNull();
  await expect(plan.quote.locator('[data-next-visit-total-krw]')).toContainText(won(evaluation.quote.nextVisit!.totalKrw));
  const quoted = [...evaluation.quote.lines, ...evaluation.quote.nextVisit!.lines].map((line) => line.treatment).sort();
  expect(quoted).toEqual(saved.plan.items.map((item) => item.treatment).sort());
  await expect(plan.findingsPanel).toBeVisible();
  await plan.openConsent();
  await expect(plan.consentTreatment('rejuran-healer', 'ko')).toBeVisible();
  await expect(plan.consentTreatment('rejuran-healer', 'en')).toBeVisible();
});
