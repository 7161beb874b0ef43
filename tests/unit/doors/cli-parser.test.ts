// The CLI's parser: every command's usage with --help and `help COMMAND`, and a call that does not fit refused
// with what would have fitted, on stderr, exit 2, before anything (the database, its folder, the support log) is
// made or opened. And the CLI's backup, which logs itself in the audit log as the app's backup does.
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../src/main/doors/cli';
import { HANDOUT_KIND_NAMES } from '../../../src/shared/contract/handouts';
import { SUPPORTED_LANGUAGES } from '../../../src/shared/domain/intake/vocabulary';
import { FIXTURES } from '../../support/temp-services';
import { openTestDatabase, writeTestKeyFile } from '../../support/test-key';

let folder: string;
let db: string;
let keyFile: string;
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'clinicdesk-cli-parser-'));
  // In a folder of its own that does not exist yet: a call that opened anything would make it.
  db = join(folder, 'data', 'clinicdesk.sqlite');
  keyFile = writeTestKeyFile(folder);
});
afterEach(() => rmSync(folder, { recursive: true, force: true }));

async function cli(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(['--db', db, '--key-file', keyFile, ...args], { out: (text) => out.push(text), err: (text) => err.push(text) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** Each command and the options it takes, as the usage before the parser named them. */
const COMMANDS: Record<string, readonly string[]> = {
  'patients import': ['--encoding', '--json'],
  'patients export': ['--out'],
  'patients archive': ['--out'],
  'patients purge-expired': ['--at', '--json'],
  'patients search': ['--status', '--limit', '--json'],
  'plan check': ['--json', '--lang', '--at'],
  // The schedule's findings come in either language too.
  'plan schedule': ['--json', '--lang', '--at'],
  'plan draft': ['--discard'],
  'followups due': ['--at', '--json'],
  calendar: ['--out'],
  handout: ['--case', '--kind', '--lang', '--bilingual', '--draft', '--out'],
  handouts: ['--patient', '--out', '--draft'],
  'report khidi': ['--year', '--out'],
  'report summary': ['--from', '--to', '--json'],
  'report payments': ['--from', '--to', '--json'],
  backup: ['--out', '--keep'],
  restore: [],
  'audit verify': ['--code', '--anchors', '--json'],
  'audit anchor': ['--after-restore', '--json'],
  'coordinators list': ['--json'],
  'coordinators reset-pin': ['--pin'],
  'server add-login': ['--out'],
  demo: [],
  info: ['--json'],
  'migrate-to-postgres': ['--from', '--to'],
  diagnostics: ['--out'],
};
const GLOBAL_OPTIONS = ['--db', '--key-file', '--anchor-key-file', '--login-file'];

/** The option flags a help text lists in its option columns. */
const listedOptions = (help: string) => [...help.matchAll(/^ {2}(?:-\w, )?(--[\w-]+)/gm)].map((match) => match[1]);

describe('the CLI parser', () => {
  it.each(Object.entries(COMMANDS))('%s: --help and `help` list its options and the global ones, exit 0', async (command, options) => {
    const words = command.split(' ');
    const help = await cli(...words, '--help');
    expect(help).toMatchObject({ code: 0, err: '' });
    expect(help.out).toContain(`Usage: npm run cli -- ${command} `);
    expect(listedOptions(help.out).sort()).toEqual([...options, ...GLOBAL_OPTIONS, '--help'].sort());
    expect(await cli('help', ...words)).toEqual(help);
  });

  it('lists every command in the help of the whole CLI and of each group', async () => {
    const top = await cli('--help');
    expect(top.code).toBe(0);
    const groups = new Set(Object.keys(COMMANDS).map((command) => command.split(' ')[0]!));
    for (const group of groups) expect(top.out).toMatch(new RegExp(`^ {2}${group} `, 'm'));
    for (const command of Object.keys(COMMANDS).filter((name) => name.includes(' '))) {
      const [group, sub] = command.split(' ');
      expect((await cli('help', group!)).out).toMatch(new RegExp(`^ {2}${sub} `, 'm'));
    }
  });

  it('refuses an unknown option, naming it and listing the valid ones', async () => {
    const refused = await cli('handout', '--case', 'c.json', '--kind', 'plan', '--out', 'x.pdf', '--colour', 'red');
    expect(refused.code).toBe(2);
    expect(refused.out).toBe('');
    const [first, valid] = refused.err.split('\n');
    expect(first).toBe("Unknown option '--colour'");
    expect(
      valid!
        .replace(/^The options of handout: |\.$/g, '')
        .split(', ')
        .sort(),
    ).toEqual([...COMMANDS.handout!, ...GLOBAL_OPTIONS, '--help'].sort());
    expect((await cli('info', '--verbose')).err).toContain(
      'The options of info: --json, --db, --key-file, --anchor-key-file, --login-file, --help.',
    );
  });

  it('refuses an unknown command, listing the commands there are', async () => {
    const top = await cli('fly');
    expect(top).toMatchObject({ code: 2, out: '' });
    expect(top.err).toContain("Unknown command 'fly'");
    expect(top.err).toContain('The commands: patients, plan, followups, calendar, handout, handouts, report, backup, restore, audit,');
    const sub = await cli('patients', 'fly');
    expect(sub.err).toContain("Unknown command 'fly'\nThe commands of patients: import, export, archive, purge-expired, search.");
    expect((await cli('help', 'report', 'yearly')).err).toContain('The commands of report: khidi, summary, payments.');
  });

  it('lists the choices of --kind, --lang and --status when the value is not one of them', async () => {
    const kind = await cli('handout', '--case', 'c.json', '--kind', 'brochure', '--out', 'x.pdf');
    expect(kind.code).toBe(2);
    expect(kind.err).toContain(`argument 'brochure' is invalid. Allowed choices are ${HANDOUT_KIND_NAMES.join(', ')}.`);
    const language = await cli('handout', '--case', 'c.json', '--kind', 'plan', '--lang', 'fr', '--out', 'x.pdf');
    expect(language.err).toContain(`Allowed choices are ${SUPPORTED_LANGUAGES.join(', ')}.`);
    expect((await cli('plan', 'check', 'c.json', '--lang', 'ja')).err).toContain('Allowed choices are ko, en.');
    expect((await cli('patients', 'search', 'kim', '--status', 'abroad')).err).toContain(
      'Allowed choices are all, upcoming, in_korea, departed.',
    );
    expect((await cli('patients', 'import', 'a.csv', '--encoding', 'latin-9')).err).toContain(
      'use one of utf-8, utf-16le, utf-16be, cp949, shift_jis, gb18030.',
    );
  });

  it('names a missing required option or argument', async () => {
    expect(await cli('handout', '--case', 'c.json', '--out', 'x.pdf')).toMatchObject({
      code: 2,
      err: expect.stringContaining("Required option '--kind <kind>' not specified"),
    });
    expect(await cli('report', 'khidi', '--out', 'x.xlsx')).toMatchObject({
      code: 2,
      err: expect.stringContaining("Required option '--year <yyyy>' not specified"),
    });
    expect(await cli('coordinators', 'reset-pin', '--pin', '123456')).toMatchObject({
      code: 2,
      err: expect.stringContaining("Missing required argument 'id'"),
    });
    expect(await cli('calendar', 'a', 'b')).toMatchObject({ code: 2, err: expect.stringContaining('Too many arguments') });
  });

  it('writes nothing anywhere for a refused call: no database, no data folder, no support log', async () => {
    const refusedCalls = [
      ['fly'],
      ['info', '--verbose'],
      ['handout', '--case', 'c.json', '--kind', 'brochure', '--out', join(folder, 'x.pdf')],
      ['backup'],
      ['report', 'summary', '--from', '2026-01-01'],
      ['patients', 'import', join(FIXTURES, 'cases', 'ko.json'), '--encoding', 'latin-9'],
      ['audit', 'verify', '--code', 'x', '--anchors', 'y'],
      ['patients'],
      [],
    ];
    for (const args of refusedCalls) {
      const refused = await cli(...args);
      expect(refused.code, args.join(' ')).toBe(2);
      // A clear message, never a stack trace.
      expect(refused.err).not.toMatch(/^\s+at |Error:/m);
      expect(readdirSync(folder), args.join(' ')).toEqual(['test.key']);
    }
    // The same refusals on a database that exists leave its audit log as it was.
    expect((await cli('patients', 'import', join(FIXTURES, 'cases', 'ko.json'))).code).toBe(0);
    const auditCount = () => {
      const handle = openTestDatabase(db, { readonly: true });
      try {
        return handle.prepare('SELECT count(*) AS n FROM audit_log').get();
      } finally {
        handle.close();
      }
    };
    const before = auditCount();
    const logFiles = readdirSync(join(folder, 'data', 'clinicdesk-logs'));
    for (const args of refusedCalls) expect((await cli(...args)).code).toBe(2);
    expect(auditCount()).toEqual(before);
    expect(readdirSync(join(folder, 'data', 'clinicdesk-logs'))).toEqual(logFiles);
  });
});

describe('the CLI backup', () => {
  it('writes an audit entry for the backup, as the app does, after the copy (so the copy does not hold it)', async () => {
    expect((await cli('patients', 'import', join(FIXTURES, 'cases', 'ko.json'))).code).toBe(0);
    const out = join(folder, 'backups');
    const made = await cli('backup', '--out', out);
    expect(made.code).toBe(0);
    const handle = openTestDatabase(db, { readonly: true });
    const actions = handle.prepare('SELECT action, patient_id FROM audit_log ORDER BY seq').all();
    handle.close();
    expect(actions).toEqual([
      { action: 'patient.import', patient_id: expect.any(String) },
      { action: 'backup', patient_id: null },
    ]);
    expect(await cli('audit', 'verify')).toMatchObject({ code: 0, out: expect.stringContaining('The audit log is intact: 2 entries.') });
    expect(existsSync(out) && readdirSync(out).some((name) => name.endsWith('.cdbackup'))).toBe(true);
  });
});
