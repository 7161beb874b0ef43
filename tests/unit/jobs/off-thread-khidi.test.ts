// The KHIDI year off the thread that serves the window: built in a worker thread on a read-only connection of its
// own, with the same report as the in-thread build, its progress in order to the end, a failure answered as a typed
// result, and the main thread's event loop free while a large year is built. Slow (tests/slow-suites.ts): each
// worker started from the sources compiles the report and workbook modules with tsx first.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { threadId } from 'node:worker_threads';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { KhidiPatientRow, KhidiVisitRow } from '../../../src/shared/domain/reports/khidi-report';
import type { JobProgress } from '../../../src/main/jobs/job-progress';
import { runKhidiJob, type KhidiRows } from '../../../src/main/jobs/khidi-job';
import { runOffThread } from '../../../src/main/jobs/run-off-thread';
import { openServices } from '../../../src/main/services/open-services';
import { addReportPatients } from '../../support/report-patients';
import { TEST_KEY } from '../../support/test-key';

const NOW = new Date('2026-11-24T01:00:00Z');
const request = { year: 2026, today: '2026-11-24', workbookAt: null };
let folder: string;
let databasePath: string;
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'clinicdesk-off-thread-'));
  databasePath = join(folder, 'clinicdesk.sqlite');
});
afterEach(() => rmSync(folder, { recursive: true, force: true }));

async function yearOfPatients(count: number): Promise<KhidiRows> {
  const services = openServices({ databasePath, key: TEST_KEY, now: () => NOW });
  try {
    await addReportPatients(services, count);
    return await services.context.store.read((tx) => tx.reports.khidiRows({ from: '2026-01-01', to: '2026-12-31', today: request.today }));
  } finally {
    await services.close();
  }
}

/** A large year without the services: rows as the repository reads them, for the build and the workbook. */
function syntheticYear(patients: number): KhidiRows {
  const rows: KhidiPatientRow[] = [];
  const visits: KhidiVisitRow[] = [];
  for (let seq = 1; seq <= patients; seq++) {
    rows.push({
      seq,
      patientId: `00000000-0000-4000-8000-${String(seq).padStart(12, '0')}`,
      nativeName: `환자${seq}`,
      latinName: `Patient ${seq}`,
      nationality: ['CN', 'JP', 'TH', 'VN', 'XX'][seq % 5]!,
      birthDate: `19${60 + (seq % 40)}-0${(seq % 9) + 1}-15`,
      sex: seq % 2 === 0 ? 'female' : 'male',
      referralRoute: seq % 4 === 0 ? null : 'direct',
      agencyName: '',
      agencyRegistration: '',
      referrer: '',
    });
    visits.push({
      patientSeq: seq,
      treatment: 'hydrafacial',
      date: `2026-0${(seq % 9) + 1}-10`,
      status: seq % 7 === 3 ? 'scheduled' : 'done',
    });
  }
  return { patients: rows, visits, followUps: new Map(rows.map((row) => [row.seq, { done: 1, total: 6 }])) };
}

describe('the KHIDI year off the main thread', () => {
  it('is built on another thread, from the file on its own connection, exactly as the in-thread build', async () => {
    const rows = await yearOfPatients(14);
    const inThread = await runKhidiJob({ kind: 'khidi', ...request, source: { rows } });
    const offThread = await runOffThread({
      kind: 'khidi',
      ...request,
      source: { sqlite: { path: databasePath, keyHex: TEST_KEY.toString('hex') } },
    });
    expect(offThread.ok).toBe(true);
    if (!offThread.ok) return;
    expect(inThread.threadId).toBe(threadId);
    expect(offThread.value.threadId).not.toBe(threadId);
    expect(inThread.report.patients.length).toBeGreaterThan(5);
    expect(offThread.value.report).toEqual(inThread.report);
  }, 120_000);

  it('answers the same through the services with offThreadJobs as without, the workbook included', async () => {
    await yearOfPatients(14);
    const answers = [];
    for (const offThreadJobs of [false, true]) {
      const services = openServices({ databasePath, key: TEST_KEY, now: () => NOW, offThreadJobs });
      try {
        const report = await services.dispatch('getKhidiReport', { year: 2026 });
        const exported = await services.dispatch('exportKhidiReport', { year: 2026 });
        expect(report.ok && exported.ok).toBe(true);
        if (!report.ok || !exported.ok) return;
        const workbook = new ExcelJS.Workbook();
        await workbook.xlsx.load(Buffer.from(exported.value.dataBase64, 'base64') as unknown as ArrayBuffer);
        answers.push({ report: report.value, patients: exported.value.patients, rows: workbook.worksheets[0]!.rowCount });
      } finally {
        await services.close();
      }
    }
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[0]!.rows).toBe(answers[0]!.patients + 1);
  }, 240_000);

  it('reports its progress in order, ending at done', async () => {
    const seen: JobProgress[] = [];
    const done = await runOffThread(
      { kind: 'khidi', ...request, workbookAt: NOW.toISOString(), source: { rows: syntheticYear(200) } },
      (progress) => seen.push(progress),
    );
    expect(done.ok).toBe(true);
    expect(seen.map((progress) => progress.stage)).toEqual(['reading', 'building', 'writing', 'done']);
    for (let i = 1; i < seen.length; i++) expect(seen[i]!.step).toBeGreaterThan(seen[i - 1]!.step);
    expect(seen.at(-1)).toEqual({ stage: 'done', step: 3, steps: 3 });
  }, 120_000);

  it('answers a failure in the worker as a typed result, naming no key', async () => {
    const wrongKey = 'ab'.repeat(32);
    await yearOfPatients(1);
    const refused = await runOffThread({ kind: 'khidi', ...request, source: { sqlite: { path: databasePath, keyHex: wrongKey } } });
    expect(refused).toMatchObject({ ok: false, error: { code: 'internal', message: expect.stringMatching(/^The khidi job failed: /) } });
    if (!refused.ok) expect(refused.error.message).not.toContain(wrongKey);
    const missing = await runOffThread({
      kind: 'khidi',
      ...request,
      source: { sqlite: { path: join(folder, 'nowhere.sqlite'), keyHex: null } },
    });
    expect(missing).toMatchObject({ ok: false, error: { code: 'internal' } });
    // The worker's script itself failing to load: still a result.
    const broken = await runOffThread(
      { kind: 'khidi', ...request, source: { rows: syntheticYear(1) } },
      () => {},
      new URL('./no-such-worker.js', import.meta.url),
    );
    expect(broken).toMatchObject({ ok: false, error: { code: 'internal', message: expect.stringContaining('The khidi job stopped') } });
  }, 240_000);

  it('leaves the main thread answering while a large year is built and written', async () => {
    let ticks = 0;
    let ticksAtBuilding: number | null = null;
    const timer = setInterval(() => (ticks += 1), 2);
    try {
      const done = await runOffThread(
        { kind: 'khidi', ...request, workbookAt: NOW.toISOString(), source: { rows: syntheticYear(30_000) } },
        (progress) => {
          if (progress.stage === 'building') ticksAtBuilding = ticks;
        },
      );
      expect(done.ok).toBe(true);
      if (done.ok) expect(done.value.report.patients).toHaveLength(30_000);
    } finally {
      clearInterval(timer);
    }
    // The timer kept firing from the moment the build began until the workbook was written: in this thread, the
    // build (synchronous) would let none through.
    expect(ticksAtBuilding).not.toBeNull();
    expect(ticks - ticksAtBuilding!).toBeGreaterThanOrEqual(20);
  }, 120_000);
});
