// `diagnostics --out DIR`: the CLI's own refusals are in its log file beside the database, and the bundle holds
// them with the versions; a folder it cannot make is one line and exit 2.
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LOG_FOLDER_NAME } from '../../../src/main/logging/file-log';
import { cliRunner } from '../../support/cli-runner';
import { writeTestKeyFile } from '../../support/test-key';

let folder: string;
let keyFile: string;
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'clinicdesk-diagnostics-'));
  keyFile = writeTestKeyFile(folder);
});
afterEach(() => rmSync(folder, { recursive: true, force: true }));
const cli = cliRunner(() => ['--db', join(folder, 'clinicdesk.sqlite'), '--key-file', keyFile]);

describe('the diagnostics command', () => {
  it("writes the bundle with the command line's log, whose refusals it lists", async () => {
    const missing = await cli('patients', 'export', '7c9e6679-7425-40de-944b-e07fc1f90ae7');
    expect(missing.code).toBe(2);
    expect(readdirSync(join(folder, LOG_FOLDER_NAME))).toEqual(['command-line.log']);

    const saved = await cli('diagnostics', '--out', join(folder, 'support'));
    expect(saved).toMatchObject({ code: 0, err: '' });
    const [name] = readdirSync(join(folder, 'support'));
    expect(saved.out).toBe(
      `Wrote ${join(folder, 'support', name!)} (${readFileSync(join(folder, 'support', name!)).length} bytes, 2 files).`,
    );
    const zip = await JSZip.loadAsync(readFileSync(join(folder, 'support', name!)));
    const log = await zip.file('logs/command-line.log')!.async('string');
    expect(log).toMatch(/"event":"call_refused","channel":"exportPatient","correlationId":"[0-9A-Z]{8}","code":"not_found"/);
    expect(JSON.parse(await zip.file('diagnostics.json')!.async('string'))).toMatchObject({
      door: 'command line',
      database: { patientCount: 0 },
    });
  });

  it('refuses a folder it cannot make, and a missing --out', async () => {
    writeFileSync(join(folder, 'a-file'), '');
    expect(await cli('diagnostics', '--out', join(folder, 'a-file'))).toMatchObject({
      code: 2,
      err: `Cannot use ${join(folder, 'a-file')} as a folder: it is a file.`,
    });
    expect(await cli('diagnostics')).toMatchObject({
      code: 2,
      err: expect.stringContaining("Required option '--out <dir>' not specified"),
    });
  });
});
