// The pure parts of the audit anchor: the MAC over the canonical form, the paper code, and the comparison of a log
// with an anchor or a code (each finding, and none for a log that only grew).
import { describe, expect, it } from 'vitest';
import { newAnchorKey } from '../../../src/main/security/anchor-key';
import {
  anchorCanonicalForm,
  anchorIsAuthentic,
  compareWithAnchor,
  compareWithCode,
  makeAnchor,
  paperCode,
  parsePaperCode,
  type ChainNow,
} from '../../../src/main/services/audit/audit-anchor';
import { GENESIS_HASH } from '../../../src/main/services/audit/audit-chain';
import { AUDIT_CODE_PATTERN } from '../../../src/shared/contract/audit';

const key = newAnchorKey();
const hashes = ['a', 'b', 'c', 'd', 'e'].map((char) => char.repeat(64));
/** A log of `count` entries whose hashes are those above. */
const chainOf = (count: number, rewritten = false): ChainNow => ({
  count,
  hashAt: (n) => (n >= 1 && n <= count ? (rewritten ? 'f'.repeat(64) : hashes[n - 1]) : undefined),
});
const at = new Date('2026-11-24T01:00:00Z');

describe('an anchor', () => {
  it('is authentic under its key only, and any changed field fails its MAC', () => {
    const anchor = makeAnchor(key, { count: 3, head: hashes[2]! }, at);
    expect(anchor).toMatchObject({ count: 3, head: hashes[2], at: '2026-11-24T01:00:00.000Z' });
    expect(anchorIsAuthentic(key, anchor)).toBe(true);
    expect(anchorIsAuthentic(newAnchorKey(), anchor)).toBe(false);
    expect(anchorIsAuthentic(key, { ...anchor, count: 2 })).toBe(false);
    expect(anchorIsAuthentic(key, { ...anchor, head: hashes[1]! })).toBe(false);
    expect(anchorIsAuthentic(key, { ...anchor, at: '2027-01-01T00:00:00.000Z' })).toBe(false);
    expect(anchorIsAuthentic(key, { ...anchor, mac: 'zz' })).toBe(false);
  });

  it('has a canonical form that fields cannot run into each other in', () => {
    expect(anchorCanonicalForm({ count: 12, head: 'ab', at: 'x' })).not.toBe(anchorCanonicalForm({ count: 1, head: '2ab', at: 'x' }));
  });
});

describe('the paper code', () => {
  it('is the count and 12 Crockford base32 characters, read back however it was copied', () => {
    const code = paperCode(key, { count: 1234, head: hashes[0]! });
    expect(code).toMatch(/^1234-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    const parsed = parsePaperCode(code)!;
    expect(parsed.count).toBe(1234);
    expect(parsePaperCode(` ${code.toLowerCase().replace(/-/g, ' ').replace(' ', '-')} `)).toEqual(parsed);
    expect(parsePaperCode('12-OOOO-IIII-LLLL')).toEqual({ count: 12, digest: '000011111111' });
    expect(AUDIT_CODE_PATTERN.test(code)).toBe(true);
  });

  it('refuses what is not a code, as the contract does', () => {
    for (const text of ['', '1234', 'ABCD-EFGH-JKMN', '12-ABCD-EFGH-JKM', '12-ABCD-EFGH-JKMNP', '12-ABCD-EFGH-JKMU', '-1-ABCD-EFGH-JKMN']) {
      expect(parsePaperCode(text), text).toBeUndefined();
      expect(AUDIT_CODE_PATTERN.test(text), text).toBe(false);
    }
  });

  it('differs for another key, another count or another head', () => {
    const code = paperCode(key, { count: 3, head: hashes[2]! });
    expect(paperCode(newAnchorKey(), { count: 3, head: hashes[2]! })).not.toBe(code);
    expect(paperCode(key, { count: 3, head: hashes[1]! })).not.toBe(code);
    expect(paperCode(key, { count: 4, head: hashes[2]! })).not.toBe(code);
  });
});

describe('the comparison with an anchor', () => {
  const anchored = { count: 3, head: hashes[2]! };
  it('finds nothing in a log that kept the anchored entry and grew', () => {
    expect(compareWithAnchor(chainOf(3), anchored)).toBeNull();
    expect(compareWithAnchor(chainOf(5), anchored)).toBeNull();
    expect(compareWithAnchor(chainOf(0), { count: 0, head: GENESIS_HASH })).toBeNull();
  });
  it('names a cut tail, an emptied log and a rewrite', () => {
    expect(compareWithAnchor(chainOf(2), anchored)).toBe('cut_tail');
    expect(compareWithAnchor(chainOf(0), anchored)).toBe('emptied');
    expect(compareWithAnchor(chainOf(5, true), anchored)).toBe('rewritten');
  });
});

describe('the comparison with a code typed in', () => {
  const code = parsePaperCode(paperCode(key, { count: 3, head: hashes[2]! }))!;
  it('with the anchor key: each finding, and none for the anchored log', () => {
    expect(compareWithCode(chainOf(4), code, key)).toEqual({ finding: null, rewriteChecked: true });
    expect(compareWithCode(chainOf(2), code, key)).toEqual({ finding: 'cut_tail', rewriteChecked: true });
    expect(compareWithCode(chainOf(0), code, key)).toEqual({ finding: 'emptied', rewriteChecked: true });
    expect(compareWithCode(chainOf(4, true), code, key)).toEqual({ finding: 'rewritten', rewriteChecked: true });
    expect(compareWithCode(chainOf(4), code, newAnchorKey())).toEqual({ finding: 'rewritten', rewriteChecked: true });
  });
  it('without it: the count only, so a cut tail still shows and a rewrite cannot', () => {
    expect(compareWithCode(chainOf(2), code, undefined)).toEqual({ finding: 'cut_tail', rewriteChecked: false });
    expect(compareWithCode(chainOf(4, true), code, undefined)).toEqual({ finding: null, rewriteChecked: false });
  });
});
