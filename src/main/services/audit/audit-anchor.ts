// Anchors of the audit chain, as pure functions: the canonical form of an anchor, its MAC, the short code a clinic
// keeps on paper, and the comparison of the log with an anchor. The chain alone (audit-chain.ts) cannot show a cut
// tail, an emptied log or a history rewritten with recomputed hashes by someone who holds the database key: it has
// no secret. An anchor records the chain's head (entry count and the last entry's hash) outside the database under
// a second key (security/anchor-key.ts), so those three changes no longer match the newest anchor. No I/O here:
// anchor-file.ts reads and appends the anchors file, audit-anchoring.ts puts the two together.
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { AnchorKey } from '../../security/anchor-key';
import { GENESIS_HASH } from './audit-chain';

export const ANCHOR_FORMAT = 'clinicdesk.audit-anchor/1';
const CODE_LABEL = 'clinicdesk.audit-code/1';

/** The chain's head: how many entries, and the hash of the last (GENESIS_HASH for none). */
export interface ChainHead {
  readonly count: number;
  readonly head: string;
}

/** One line of the anchors file. */
export interface Anchor extends ChainHead {
  /** ISO 8601 UTC, when it was written. Covered by the MAC, but the order of the file, not this, says which is newest. */
  readonly at: string;
  /** HMAC-SHA256 of the canonical form under the anchor key, 64 hex digits. */
  readonly mac: string;
}

export const emptyHead: ChainHead = { count: 0, head: GENESIS_HASH };

/** A JSON array in a fixed order, so no field can be confused with another and key order never matters. */
export function anchorCanonicalForm(anchor: ChainHead & { readonly at: string }): string {
  return JSON.stringify([ANCHOR_FORMAT, anchor.count, anchor.head, anchor.at]);
}

export function anchorMac(key: AnchorKey, anchor: ChainHead & { readonly at: string }): string {
  return createHmac('sha256', key).update(anchorCanonicalForm(anchor), 'utf8').digest('hex');
}

export function makeAnchor(key: AnchorKey, head: ChainHead, at: Date): Anchor {
  const fields = { count: head.count, head: head.head, at: at.toISOString() };
  return { ...fields, mac: anchorMac(key, fields) };
}

const sameHex = (a: string, b: string): boolean => {
  const left = Buffer.from(a, 'hex');
  const right = Buffer.from(b, 'hex');
  return left.length === 32 && right.length === 32 && timingSafeEqual(left, right);
};

export function anchorIsAuthentic(key: AnchorKey, anchor: Anchor): boolean {
  return /^[0-9a-f]{64}$/.test(anchor.mac) && sameHex(anchorMac(key, anchor), anchor.mac);
}

// --- The paper code ----------------------------------------------------------------------------------------------
// `<count>-XXXX-XXXX-XXXX`: the count in the clear (a cut tail shows without the key), then 12 characters (60 bits)
// of HMAC(anchorKey, count:head) in Crockford's base32, which has no I, L, O or U, so a code copied by hand is not
// misread; typed back, case, hyphens and spaces do not matter and O, I, L are read as 0, 1, 1.

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const CODE_DIGEST_LENGTH = 12;

function base32(bytes: Buffer, length: number): string {
  let out = '';
  let bits = 0;
  let value = 0;
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5 && out.length < length) {
      out += CROCKFORD[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
    if (out.length === length) break;
  }
  return out;
}

function codeDigest(key: AnchorKey, head: ChainHead): string {
  return base32(createHmac('sha256', key).update(`${CODE_LABEL}\n${head.count}:${head.head}`, 'utf8').digest(), CODE_DIGEST_LENGTH);
}

export function paperCode(key: AnchorKey, head: ChainHead): string {
  const digest = codeDigest(key, head);
  return `${head.count}-${digest.slice(0, 4)}-${digest.slice(4, 8)}-${digest.slice(8)}`;
}

export interface PaperCode {
  readonly count: number;
  readonly digest: string;
}

/** A code as typed back, or undefined when it is not one. */
export function parsePaperCode(text: string): PaperCode | undefined {
  const match = /^\s*(\d{1,15})\s*-([0-9A-Za-z\s-]+)$/.exec(text);
  if (!match) return undefined;
  const digest = match[2]!.replace(/[\s-]/g, '').toUpperCase().replace(/O/g, '0').replace(/[IL]/g, '1');
  if (digest.length !== CODE_DIGEST_LENGTH || [...digest].some((char) => !CROCKFORD.includes(char))) return undefined;
  return { count: Number(match[1]), digest };
}

export function codeMatches(key: AnchorKey, code: PaperCode, head: ChainHead): boolean {
  return code.count === head.count && codeDigest(key, head) === code.digest;
}

// --- The comparison ------------------------------------------------------------------------------------------------

/**
 * `emptied`: no entries left where the anchor had some. `cut_tail`: fewer entries than anchored. `rewritten`: as
 * many or more, but the entry at the anchored count is not the one anchored (history before it was changed, even
 * with every hash recomputed, since each hash covers the one before).
 */
export type AnchorFinding = 'emptied' | 'cut_tail' | 'rewritten';

/** What the log holds now, as the comparison needs it: its entry count and the hash stored at a position. */
export interface ChainNow {
  readonly count: number;
  hashAt(count: number): string | undefined;
}

export function compareWithAnchor(chain: ChainNow, anchored: ChainHead): AnchorFinding | null {
  if (anchored.count > 0 && chain.count === 0) return 'emptied';
  if (chain.count < anchored.count) return 'cut_tail';
  const hash = anchored.count === 0 ? GENESIS_HASH : chain.hashAt(anchored.count);
  return hash === anchored.head ? null : 'rewritten';
}

/**
 * The same against a code typed in. Without the anchor key only the count can be compared: a cut tail and an
 * emptied log still show, a rewrite does not (`rewriteChecked` false).
 */
export function compareWithCode(
  chain: ChainNow,
  code: PaperCode,
  key: AnchorKey | undefined,
): { finding: AnchorFinding | null; rewriteChecked: boolean } {
  if (code.count > 0 && chain.count === 0) return { finding: 'emptied', rewriteChecked: key !== undefined };
  if (chain.count < code.count) return { finding: 'cut_tail', rewriteChecked: key !== undefined };
  if (!key) return { finding: null, rewriteChecked: false };
  const head = code.count === 0 ? GENESIS_HASH : chain.hashAt(code.count);
  const matches = head !== undefined && codeMatches(key, code, { count: code.count, head });
  return { finding: matches ? null : 'rewritten', rewriteChecked: true };
}
