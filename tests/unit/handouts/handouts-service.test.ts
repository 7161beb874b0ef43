// The handout channels over a real temporary database: a saved plan gives a PDF with the patient's name; no plan
// is a typed refusal on patientId; exporting writes one whole file, and a folder that cannot be written changes
// nothing; files are owner-only and a planted symlink is never followed.
import { existsSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixtureIntake, valueOf } from '../../support/temp-services';
import { openTestServices, type TestServices } from '../../support/test-services';
import { pdfText } from './pdf-tools';

let services: TestServices;
let patientId: string;

beforeEach(async () => {
  services = await openTestServices();
  const base = fixtureIntake('ja');
  const patient = { ...base, trip: { ...base.trip, arrival: '2026-12-01', departure: '2026-12-12' } };
  patientId = valueOf(await services.dispatch('createPatient', { patient })).id;
});
afterEach(() => services.dispose());

const savePlan = async () => {
  const saved = await services.dispatch('savePatientPlan', {
    patientId,
    expectedVersion: 0,
    plan: {
      items: [
        { treatment: 'pico-laser', date: '2026-12-03', time: '10:00' },
        { treatment: 'led-therapy', date: '2026-12-05', time: '11:00' },
      ],
    },
  });
  expect(saved.ok).toBe(true);
};

/** A price for each treatment of the saved plan (LED therapy has no default price). */
const priceEverything = async () => {
  const current = await services.dispatch('getClinicSettings', {});
  if (!current.ok) throw new Error('no settings');
  const settings = current.value;
  const saved = await services.dispatch('saveClinicSettings', {
    settings: { ...settings, prices: { ...settings.prices, 'led-therapy': 30_000 } },
  });
  expect(saved.ok).toBe(true);
};

describe('handout channels', () => {
  it('make a bilingual handout from the saved plan', async () => {
    await savePlan();
    await priceEverything();
    const result = await services.dispatch('makeHandout', { patientId, kind: 'plan', language: 'ja', bilingual: true });
    const file = valueOf(result);
    expect(file.fileName).toMatch(/-plan-ja-ko\.pdf$/);
    const pdf = Buffer.from(file.pdfBase64, 'base64');
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(pdf);
    expect(text).toContain('山本 優子');
    expect(text).toContain('치료 계획 및 견적');
  });

  it('refuse the final plan and quote while a treatment has no clinic price, naming it; make it as a draft, marked on every page', async () => {
    await savePlan();
    const final = await services.dispatch('makeHandout', { patientId, kind: 'plan', language: 'en', bilingual: false });
    expect(final).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', issues: [{ path: ['settings', 'prices', 'led-therapy'], code: 'price_missing' }] },
    });
    expect(!final.ok && final.error.code === 'invalid_input' && final.error.issues[0]!.message).toContain('LED');

    const draft = await services.dispatch('makeHandout', { patientId, kind: 'plan', language: 'en', bilingual: false, draft: true });
    if (!draft.ok) throw new Error(JSON.stringify(draft.error));
    const file = draft.value;
    expect(file.fileName).toMatch(/-plan-en-draft\.pdf$/);
    const text = pdfText(Buffer.from(file.pdfBase64, 'base64'));
    const pages = Number(/Page 1 of (\d+)/.exec(text)?.[1]);
    expect(text.match(/DRAFT – not a final quote/g)).toHaveLength(pages);
    // The unpriced line is on the quote, and the total says it leaves it out.
    expect(text).toContain('Price to be confirmed');
    expect(text).toContain('This total does not include: LED');

    await priceEverything();
    expect((await services.dispatch('makeHandout', { patientId, kind: 'plan', language: 'en', bilingual: false })).ok).toBe(true);
    // Only a plan and quote has a draft.
    expect(
      await services.dispatch('makeHandout', { patientId, kind: 'aftercare', language: 'en', bilingual: false, draft: true }),
    ).toMatchObject({
      ok: false,
      error: { issues: [{ path: ['draft'], code: 'draft_only_plan' }] },
    });
  });

  it('refuse a patient without a saved plan, on the patientId field', async () => {
    const result = await services.dispatch('makeHandout', { patientId, kind: 'aftercare', language: 'ja', bilingual: false });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ path: ['patientId'], code: 'no_plan' }] } });
  });

  it('export one whole file into the chosen folder', async () => {
    await savePlan();
    const folder = join(services.folder, 'out', 'handouts');
    const result = await services.dispatch('exportHandout', { patientId, kind: 'consent', language: 'ja', bilingual: false, folder });
    const exported = valueOf(result);
    expect(readdirSync(folder)).toEqual([exported.path.split('/').at(-1)]);
    expect(readFileSync(exported.path).length).toBe(exported.bytes);
    const history = await services.dispatch('auditHistory', { patientId });
    expect(history).toMatchObject({
      ok: true,
      value: { entries: expect.arrayContaining([expect.objectContaining({ action: 'export', fields: ['handout-consent-ja'] })]) },
    });
  });

  it.skipIf(process.platform === 'win32')(
    'export a 0600 file into a 0700 folder, never through a symlink at the old `.partial` name',
    async () => {
      await savePlan();
      const folder = join(services.folder, 'shared', 'handouts');
      const first = await services.dispatch('exportHandout', { patientId, kind: 'consent', language: 'ja', bilingual: false, folder });
      const path = valueOf(first).path;
      rmSync(path);
      const victim = join(services.folder, 'victim.txt');
      writeFileSync(victim, 'keep me');
      symlinkSync(victim, `${path}.partial`);

      const second = await services.dispatch('exportHandout', { patientId, kind: 'consent', language: 'ja', bilingual: false, folder });
      expect(second.ok).toBe(true);
      expect(readFileSync(victim, 'utf8')).toBe('keep me');
      expect(readFileSync(path).subarray(0, 5).toString()).toBe('%PDF-');
      expect(statSync(path).mode & 0o777).toBe(0o600);
      expect(statSync(folder).mode & 0o777).toBe(0o700);
      expect(statSync(join(services.folder, 'shared')).mode & 0o777).toBe(0o700);
    },
  );

  it('refuse a folder that cannot be written and leave nothing behind', async () => {
    await savePlan();
    const blocker = join(services.folder, 'a-file');
    writeFileSync(blocker, 'not a folder');
    const before = await services.snapshot();
    const result = await services.dispatch('exportHandout', {
      patientId,
      kind: 'consent',
      language: 'ja',
      bilingual: false,
      folder: join(blocker, 'sub'),
    });
    expect(result).toMatchObject({ ok: false, error: { issues: [{ path: ['folder'], code: 'folder_not_writable' }] } });
    expect(existsSync(join(blocker, 'sub'))).toBe(false);
    expect(await services.snapshot()).toBe(before);
  });

  it('refuse a relative folder before doing anything', async () => {
    const result = await services.dispatch('exportHandout', {
      patientId,
      kind: 'consent',
      language: 'ja',
      bilingual: false,
      folder: 'handouts',
    });
    expect(result).toMatchObject({ ok: false, error: { issues: [{ path: ['folder'], code: 'absolute_path_required' }] } });
  });
});
