// The lint rule that keeps dispatch typed end to end (eslint.config.js, typedDispatchRule), run on small samples
// through ESLint itself with the project's config: each cast it exists for is flagged, and what is no cast of a
// result (a DOM value, `as const`, the raw entry seen typed, which carries its reasoned exception) is not.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const eslint = new ESLint({ cwd: ROOT, overrideConfigFile: join(ROOT, 'eslint.config.js') });

/** The lines the rule flags in `code` (once each, though a cast may match more than one selector), linted as if it
 * were the file at `path`. */
async function flagged(code: string, path = 'tests/unit/sample.test.ts'): Promise<number[]> {
  const [result] = await eslint.lintText(code, { filePath: join(ROOT, path) });
  return [...new Set(result!.messages.filter((message) => message.ruleId === 'no-restricted-syntax').map((message) => message.line))];
}

describe('the typed-dispatch lint rule', () => {
  it('flags a cast of what a dispatch answers, of its value, and inside its input', async () => {
    const code = [
      "const a = (await services.dispatch('getPatient', { id })) as Result<PatientRecord>;",
      'const b = result.value as PatientRecord;',
      'const c = (created as { value: PatientRecord }).value;',
      "await services.dispatch('createPatient', { patient: intake as never });",
      "await services.dispatchRaw('createPatient', payload as unknown);",
      "const d = services.dispatchIn(session, 'getPatient', input) as Promise<unknown>;",
      "const e = (await call('getPatient', { id })) as PatientRecord;",
      'const f = raw as Dispatch;',
      'const g = answer as { ok: boolean; error: unknown };',
    ].join('\n');
    expect(await flagged(code)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it("flags a cast of the renderer's api results and inputs", async () => {
    const code = [
      'const a = (await api.getPatient({ id })) as { patient: unknown };',
      'await api.createPatient({ patient: formToIntake(form) as never });',
      'const b = loaded.value as PatientRecord;',
    ].join('\n');
    expect(await flagged(code, 'src/renderer/src/screens/sample.tsx')).toEqual([1, 2, 3]);
  });

  it('leaves typed calls, a form control’s value, `as const` and casts of other things alone', async () => {
    const code = [
      "const a = await services.dispatch('getPatient', { id });",
      'const b = a.ok ? a.value.patient : null;',
      'setLanguage(event.target.value as LanguageTag);',
      'const c = (event.target as HTMLInputElement).value;',
      "await callService(app, 'evaluatePatientPlan', { patientId, plan: { items: [{ treatment: 'ipl' as const, date: null }] } });",
      "const rows = db.prepare('SELECT 1').all() as { n: number }[];",
    ].join('\n');
    expect(await flagged(code)).toEqual([]);
  });

  it('passes the one named exception, the raw entry seen typed, only with its disable comment', async () => {
    const path = 'src/main/services/dispatch.ts';
    const source = readFileSync(join(ROOT, path), 'utf8');
    expect(await flagged(source, path)).toEqual([]);
    const withoutReason = source.replace(/^\/\/ eslint-disable-next-line no-restricted-syntax.*\n/m, '');
    expect(withoutReason).not.toBe(source);
    expect(await flagged(withoutReason, path)).toHaveLength(1);
  });
});
