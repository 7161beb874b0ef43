// `npm run cli -- handouts` for real, in its own process and from the built CLI as npm runs it (scripts/cli.mjs
// builds it first when a source changed): all of one patient's handouts (five kinds, alone and with Korean) made by
// the worker pool, whose worker file is found beside the bundle, and written into the folder.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixtureIntake, openTempServices, valueOf, type TempServices } from '../../support/temp-services';
import { writeTestKeyFile } from '../../support/test-key';

const ROOT = join(import.meta.dirname, '..', '..', '..');
let services: TempServices;
beforeEach(() => {
  services = openTempServices();
});
afterEach(() => services.dispose());

describe('handouts for one patient from the CLI', () => {
  it('writes ten PDFs through the worker pool', async () => {
    const base = fixtureIntake('th');
    const patient = { ...base, trip: { ...base.trip, arrival: '2026-12-01', departure: '2026-12-12' } };
    const patientId = valueOf(await services.dispatch('createPatient', { patient })).id;
    const saved = await services.dispatch('savePatientPlan', {
      patientId,
      expectedVersion: 0,
      plan: { items: [{ treatment: 'ipl', date: '2026-12-03', time: '10:00' }] },
    });
    expect(saved.ok).toBe(true);
    services.close();
    const out = join(services.folder, 'handouts');
    const printed = execFileSync(
      process.execPath,
      [
        'scripts/cli.mjs',
        '--db',
        join(services.folder, 'clinicdesk.sqlite'),
        '--key-file',
        writeTestKeyFile(services.folder),
        'handouts',
        '--patient',
        patientId,
        '--out',
        out,
      ],
      {
        cwd: ROOT,
        encoding: 'utf8',
        env: { ...process.env },
      },
    );
    const files = readdirSync(out).sort();
    expect(files).toHaveLength(10);
    expect(files.filter((file) => file.endsWith('-th-ko.pdf'))).toHaveLength(5);
    expect(printed.trim().split('\n')).toHaveLength(10);
    for (const file of files) expect(readFileSync(join(out, file)).subarray(0, 5).toString()).toBe('%PDF-');
  }, 60_000);
});
