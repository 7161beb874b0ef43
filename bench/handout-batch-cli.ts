// One built CLI call that writes a batch of handouts: `handouts --patient ID --out DIR` (the five kinds in the
// patient's language, alone and with Korean: ten PDFs) as `npm run cli` runs it (scripts/cli.mjs, plain node on
// out/node), wall time from the spawn to its exit, on the bench's database. Its floor is a bare `node -e ''`, sampled
// in turns with it: what any Node process costs to start on the machine.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Dispatch } from '../src/main/services/dispatch';
import { todayIn, CLINIC_TIME_ZONE } from '../src/shared/domain/intake/calendar-date';
import { fixtureIntake } from '../tests/support/temp-services';
import { inTurns, percentile, type Emit } from './measure';

const ROOT = join(import.meta.dirname, '..');
const RUNS = 5;
const BATCH = 10;

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** A Thai patient coming next week with a saved plan of three treatments: what the batch makes handouts of. */
export async function addBatchPatient(dispatch: Dispatch): Promise<string> {
  const base = fixtureIntake('th');
  const arrival = addDays(todayIn(CLINIC_TIME_ZONE, new Date()), 7);
  const patient = { ...base, trip: { ...base.trip, arrival, departure: addDays(arrival, 10) } };
  const created = await dispatch('createPatient', { patient });
  if (!created.ok) throw new Error(`createPatient failed: ${JSON.stringify(created.error)}`);
  const items = [
    { treatment: 'ipl' as const, date: addDays(arrival, 1), time: '10:00' },
    { treatment: 'hydrafacial' as const, date: addDays(arrival, 3), time: '11:00' },
    { treatment: 'pico-laser' as const, date: addDays(arrival, 5), time: '14:00' },
  ];
  const saved = await dispatch('savePatientPlan', { patientId: created.value.id, expectedVersion: 0, plan: { items } });
  if (!saved.ok) throw new Error(`savePatientPlan failed: ${JSON.stringify(saved.error)}`);
  return created.value.id;
}

function timeNode(args: readonly string[]): number {
  const start = performance.now();
  const run = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8' });
  const elapsed = performance.now() - start;
  if (run.status !== 0) throw new Error(`node ${args.join(' ')} failed (${run.status}): ${run.stderr}`);
  return elapsed;
}

/** Runs the batch into a new folder and checks that it wrote the ten PDFs (a figure of a failed batch means nothing). */
function timeBatch(cliArgs: readonly string[], scratch: string): number {
  const out = mkdtempSync(join(scratch, 'batch-'));
  const elapsed = timeNode(['scripts/cli.mjs', ...cliArgs, '--out', out]);
  const files = readdirSync(out);
  if (files.length !== BATCH || !files.every((file) => readFileSync(join(out, file)).subarray(0, 5).toString() === '%PDF-')) {
    throw new Error(`the CLI batch wrote ${files.length} files, not ${BATCH} PDFs: ${files.join(', ')}`);
  }
  rmSync(out, { recursive: true, force: true });
  return elapsed;
}

/** database: the bench's (the patient is added to it, through `dispatch`, open on it); keyFile: its key. */
export async function benchHandoutBatchCli(
  emit: Emit,
  progress: (text: string) => void,
  { database, keyFile, dispatch }: { database: string; keyFile: string; dispatch: Dispatch },
): Promise<void> {
  progress('building the CLI if stale...');
  const build = spawnSync(process.execPath, [join(ROOT, 'scripts', 'fresh-build.mjs'), 'node', '--if-stale'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (build.status !== 0) throw new Error(`the build failed: ${build.stderr}`);
  const patientId = await addBatchPatient(dispatch);
  const cliArgs = ['--db', database, '--key-file', keyFile, 'handouts', '--patient', patientId];
  const scratch = mkdtempSync(join(tmpdir(), 'clinicdesk-bench-batch-'));
  const floor = ['-e', ''];
  try {
    progress(`a batch of ${BATCH} handouts from the built CLI...`);
    // Warm-up: the compile cache and the OS's file cache (the fonts, the bundle) filled, as on a clinic's PC.
    timeBatch(cliArgs, scratch);
    timeNode(floor);
    const batchTimes: number[] = [];
    const floorTimes: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      await inTurns(
        i,
        () => batchTimes.push(timeBatch(cliArgs, scratch)),
        () => floorTimes.push(timeNode(floor)),
      );
    }
    emit('handout_batch_cli_10_s', percentile(batchTimes, 50) / 1000, 's');
    emit('handout_batch_cli_node_floor_s', percentile(floorTimes, 50) / 1000, 's');
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
