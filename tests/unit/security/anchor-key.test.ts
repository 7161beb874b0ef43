// The audit anchor key: given like the database key to the preview and the CLI (optional, never the database key
// itself), and kept wrapped by the OS keychain in the desktop app (the wrap passed in, as safeStorage is).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ANCHOR_KEY_ENV, AnchorKeyError, newAnchorKey, readDoorAnchorKey } from '../../../src/main/security/anchor-key';
import {
  AnchorKeyFileFormatError,
  newWrappedAnchorKeyFile,
  parseAnchorKeyFile,
  serializeAnchorKeyFile,
  unwrapAnchorKeyFile,
} from '../../../src/main/security/anchor-key-file';
import { newDatabaseKey } from '../../../src/main/security/database-key';

let folder: string;
beforeEach(() => (folder = mkdtempSync(join(tmpdir(), 'clinicdesk-anchor-key-'))));
afterEach(() => rmSync(folder, { recursive: true, force: true }));

describe('the anchor key of the preview and the CLI', () => {
  it('comes from --anchor-key-file before the environment, and is absent (not an error) without either', () => {
    const fromFile = newAnchorKey();
    const fromEnv = newAnchorKey();
    const file = join(folder, 'anchor.key');
    writeFileSync(file, `${fromFile.toString('hex')}\n`);
    expect(readDoorAnchorKey({ anchorKeyFile: file, env: { [ANCHOR_KEY_ENV]: fromEnv.toString('hex') } })?.equals(fromFile)).toBe(true);
    expect(readDoorAnchorKey({ env: { [ANCHOR_KEY_ENV]: fromEnv.toString('hex') } })?.equals(fromEnv)).toBe(true);
    expect(readDoorAnchorKey({ env: {} })).toBeUndefined();
    expect(readDoorAnchorKey({ env: { [ANCHOR_KEY_ENV]: '' } })).toBeUndefined();
  });

  it('refuses a malformed key, a missing file and the database key itself', () => {
    expect(() => readDoorAnchorKey({ env: { [ANCHOR_KEY_ENV]: '12ab' } })).toThrow(AnchorKeyError);
    expect(() => readDoorAnchorKey({ anchorKeyFile: join(folder, 'none.key'), env: {} })).toThrow(/ENOENT/);
    const databaseKey = newDatabaseKey();
    expect(() => readDoorAnchorKey({ env: { [ANCHOR_KEY_ENV]: databaseKey.toString('hex') }, databaseKey })).toThrow(/is the database key/);
  });
});

describe('the desktop app\'s anchor key file', () => {
  const wrap = (plain: string) => Buffer.from([...plain].reverse().join(''), 'utf8');
  const unwrap = (wrapped: Buffer) => [...wrapped.toString('utf8')].reverse().join('');

  it('keeps the key only wrapped, and unwraps to the same key', () => {
    const { file, key } = newWrappedAnchorKeyFile(wrap);
    const text = serializeAnchorKeyFile(file);
    expect(text).not.toContain(key.toString('hex'));
    expect(unwrapAnchorKeyFile(parseAnchorKeyFile(text, 'k.json'), unwrap).equals(key)).toBe(true);
  });

  it('refuses a damaged file', () => {
    expect(() => parseAnchorKeyFile('{"format":"clinicdesk.key/1"}', 'k.json')).toThrow(AnchorKeyFileFormatError);
    expect(() => parseAnchorKeyFile('not json', 'k.json')).toThrow(AnchorKeyFileFormatError);
  });
});
