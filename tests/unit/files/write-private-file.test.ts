// Plain files for a person to take away: owner-only modes, an exclusive temporary name nobody can guess, and a
// symlink planted where the old writers put their predictable `.partial` file is never followed.
import { existsSync, lstatSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writePrivateFile } from '../../../src/main/files/write-private-file';

const HAS_MODES = process.platform !== 'win32';
let root: string;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'clinicdesk-private-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('writePrivateFile', () => {
  it.skipIf(!HAS_MODES)('creates the file 0600 and each folder it makes 0700, whatever the umask allows', () => {
    const previous = process.umask(0o022);
    try {
      const path = join(root, 'made', 'inner', 'plan.pdf');
      writePrivateFile(path, Buffer.from('%PDF-1.7'));
      expect(readFileSync(path, 'utf8')).toBe('%PDF-1.7');
      expect(statSync(path).mode & 0o777).toBe(0o600);
      expect(statSync(join(root, 'made')).mode & 0o777).toBe(0o700);
      expect(statSync(join(root, 'made', 'inner')).mode & 0o777).toBe(0o700);
    } finally {
      process.umask(previous);
    }
  });

  it('leaves only the finished file: no temporary name stays behind', () => {
    writePrivateFile(join(root, 'a.ics'), 'BEGIN:VCALENDAR\r\n');
    writePrivateFile(join(root, 'a.ics'), 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n');
    expect(readdirSync(root)).toEqual(['a.ics']);
    expect(readFileSync(join(root, 'a.ics'), 'utf8')).toBe('BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n');
  });

  it.skipIf(!HAS_MODES)('never writes through a symlink at the old `.partial` name or at the final name', () => {
    const target = join(root, 'victim.txt');
    writeFileSync(target, 'keep me');
    const folder = join(root, 'out');
    writePrivateFile(join(folder, 'first.pdf'), 'x');
    symlinkSync(target, join(folder, 'plan.pdf.partial'));
    symlinkSync(target, join(folder, 'archive.zip'));

    writePrivateFile(join(folder, 'plan.pdf'), 'patient data');
    writePrivateFile(join(folder, 'archive.zip'), 'patient archive');

    expect(readFileSync(target, 'utf8')).toBe('keep me');
    expect(readFileSync(join(folder, 'plan.pdf'), 'utf8')).toBe('patient data');
    // The link at the final name was replaced by the file, not written through.
    expect(lstatSync(join(folder, 'archive.zip')).isSymbolicLink()).toBe(false);
    expect(readFileSync(join(folder, 'archive.zip'), 'utf8')).toBe('patient archive');
  });

  it('throws and leaves nothing when the folder cannot be made', () => {
    writeFileSync(join(root, 'blocker'), '');
    expect(() => writePrivateFile(join(root, 'blocker', 'sub', 'x.pdf'), 'x')).toThrow();
    expect(existsSync(join(root, 'blocker', 'sub'))).toBe(false);
  });
});
