// The CLI and the preview as npm runs them: bundled into out/node and started by plain node. What the bundle could
// lose is checked here: the worker files beside it (handouts-batch-cli.test.ts), resources/ found from out/node,
// the JSON texts imported into it, the Node version check before the database driver, the renderer found from it.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../src/main/doors/cli';
import { runBuiltCli, startBuiltPreview } from '../../support/built-entries';
import { fixtureCase } from '../../support/temp-services';
import { writeTestKeyFile } from '../../support/test-key';

let folder: string;
let keyFile: string;
beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), 'clinicdesk-built-'));
  keyFile = writeTestKeyFile(folder);
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

async function fromSources(args: readonly string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli([...args], { out: (text) => out.push(text), err: (text) => err.push(text) });
  return { status: code, stdout: out.map((line) => `${line}\n`).join(''), stderr: err.map((line) => `${line}\n`).join('') };
}

describe('the built CLI', () => {
  it('answers info on a new database, and adds the demo patients from resources/', () => {
    const db = join(folder, 'cli.sqlite');
    const info = runBuiltCli(['--db', db, '--key-file', keyFile, 'info']);
    expect(info.stderr).not.toMatch(/Error/);
    expect(info.status).toBe(0);
    expect(JSON.parse(info.stdout)).toMatchObject({ databasePath: db, patientCount: 0, schemaVersion: expect.any(Number) });
    expect(runBuiltCli(['--db', db, '--key-file', keyFile, 'demo'])).toMatchObject({ status: 0, stdout: 'Added 20 demo patients.\n' });
  }, 120_000);

  it('prints what the sources print: a plan check in Korean (the catalog, the rules and the imported finding texts)', async () => {
    const caseFile = fixtureCase('zh-Hans') as { patient: Record<string, any> };
    caseFile.patient.trip = { ...caseFile.patient.trip, arrival: '2026-12-01', departure: '2026-12-15' };
    caseFile.patient.screening.allergies = { items: ['fish'], other: '' };
    caseFile.patient.screening.isotretinoinLastDose = '2026-10-01';
    const plan = {
      items: [
        { treatment: 'rejuran-healer', date: '2026-12-03' },
        { treatment: 'fractional-co2', nextVisit: true },
      ],
    };
    const file = join(folder, 'plan.json');
    writeFileSync(file, JSON.stringify({ ...caseFile, plan }));
    const args = [
      '--db',
      join(folder, 'check.sqlite'),
      '--key-file',
      keyFile,
      'plan',
      'check',
      file,
      '--json',
      '--lang',
      'ko',
      '--at',
      '2026-11-30T10:00:00+09:00',
    ];
    const built = runBuiltCli(args);
    expect(built.status).toBe(0);
    expect(JSON.parse(built.stdout).findings.length).toBeGreaterThan(1);
    expect(built.stdout).toMatch(/[가-힣]/);
    expect(built).toEqual(await fromSources(args));
  }, 120_000);
});

describe('the built preview', () => {
  it('serves the built renderer from out/preview and spends its one-time URL', async () => {
    const preview = await startBuiltPreview(['--db', join(folder, 'preview.sqlite'), '--key-file', keyFile]);
    try {
      const redeemed = await fetch(preview.tokenUrl, { redirect: 'manual' });
      expect(redeemed.status).toBe(303);
      const cookie = redeemed.headers.get('set-cookie')!.split(';')[0]!;
      const page = await fetch(new URL('/', preview.tokenUrl), { headers: { cookie } });
      expect(page.status).toBe(200);
      const html = await page.text();
      expect(html).toMatch(/<script type="module" crossorigin src="\.\/assets\/index-[\w-]+\.js">/);
      const script = /src="\.\/(assets\/index-[\w-]+\.js)"/.exec(html)![1]!;
      expect((await fetch(new URL(script, preview.tokenUrl))).status).toBe(200);
    } finally {
      await preview.stop();
    }
  }, 120_000);
});
