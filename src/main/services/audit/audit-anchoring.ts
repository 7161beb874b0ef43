// Anchoring the audit chain and checking the log against its anchors: audit-anchor.ts (pure) over the anchors file
// (anchor-file.ts) and the audit log. An anchor is written only over a log that still matches the newest one, so
// the daily anchor can never bless a log someone cut or rewrote since: that is refused and stays reported.
// The anchors file is read before the log and written after it, outside the store's transactions; what the pure
// comparisons need from the log (its count, the hash at the anchored position) is read in one snapshot first.
import type { AuditAnchorFinding, AuditAnchorStatus, AuditVerification } from '../../../shared/contract/audit';
import type { Repositories, Store } from '../../db/store/store';
import type { AnchorKey } from '../../security/anchor-key';
import { appendAnchor, readAnchorLines } from './anchor-file';
import {
  anchorIsAuthentic,
  compareWithAnchor,
  compareWithCode,
  emptyHead,
  makeAnchor,
  paperCode,
  type Anchor,
  type ChainNow,
  type PaperCode,
} from './audit-anchor';

/** How often the doors that keep running anchor the log when no backup did it: daily. */
export const ANCHOR_INTERVAL_MS = 24 * 60 * 60 * 1000;

export type AnchorOutcome =
  | { readonly written: true; readonly anchor: Anchor; readonly code: string }
  /** `no_key`: nothing to authenticate an anchor with. `chain_broken`: the chain inside the database is broken.
   * A finding: the log no longer matches the newest anchor. `restored` is how a deliberate restore passes that. */
  | { readonly written: false; readonly reason: 'no_key' | 'chain_broken' | AuditAnchorFinding };

export interface AuditAnchors {
  readonly keyed: boolean;
  /**
   * Appends an anchor of the chain's head as it is now, to the anchors file and to each of `copies` (anchors files
   * elsewhere, such as the backup folder's). `acceptCurrent`: after restoring a backup, the log is rightly shorter
   * than the newest anchor; the person restoring, holding the anchor key, says so.
   */
  anchor(now: Date, options?: { readonly copies?: readonly string[]; readonly acceptCurrent?: boolean }): Promise<AnchorOutcome>;
  /** The daily anchor: anchor() when the newest authentic anchor is 24 hours old or there is none, else 'recent'. */
  anchorIfDue(now: Date): Promise<AnchorOutcome | { readonly written: false; readonly reason: 'recent' }>;
  /** Entries in the log now. */
  entries(): Promise<number>;
  /** The log against the newest authentic anchor, or against a code typed in. `anchorsFile`: another copy of the
   * anchors file (the backup folder's, brought back from off the machine) instead of the one beside the database. */
  check(code?: PaperCode, anchorsFile?: string): Promise<AuditAnchorStatus>;
  /** The chain walked, the entries counted and check() made, over one snapshot of the log: `audit verify`. */
  verify(code?: PaperCode, anchorsFile?: string): Promise<AuditVerification>;
}

/** The log as the comparisons see it: its count, and the stored hash at each of `positions` (fetched now, so the
 * comparisons stay pure and synchronous). */
async function chainNowOf(tx: Pick<Repositories, 'auditLog'>, positions: readonly number[]): Promise<ChainNow> {
  const count = await tx.auditLog.count();
  const hashes = new Map<number, string>();
  for (const position of new Set(positions)) {
    const found = position >= 1 ? await tx.auditLog.hashAt(position) : undefined;
    if (found) hashes.set(position, found.hash);
  }
  return { count, hashAt: (position) => hashes.get(position) };
}

/** What the anchors file (or the code) says, read before the log: the anchor to compare with and the lines that fail. */
interface AnchorsRead {
  readonly newest: Anchor | null;
  readonly tamperedLines: number[];
}

export function createAuditAnchors(deps: {
  readonly path: string;
  readonly key: AnchorKey | undefined;
  readonly store: Pick<Store, 'read'>;
}): AuditAnchors {
  const { key, store } = deps;

  /** The newest line whose MAC is valid (file order: the file is only appended to), and the lines that fail. */
  const readAnchors = (anchorKey: AnchorKey, path = deps.path): AnchorsRead => {
    let newest: Anchor | null = null;
    const tamperedLines: number[] = [];
    for (const { line, anchor } of readAnchorLines(path)) {
      if (anchor && anchorIsAuthentic(anchorKey, anchor)) newest = anchor;
      else tamperedLines.push(line);
    }
    return { newest, tamperedLines };
  };

  /** The anchors a check needs (none with a code: only its tampered lines are reported), and the position to read. */
  const anchorsFor = (code: PaperCode | undefined, anchorsFile: string | undefined): AnchorsRead & { readonly position: number | null } => {
    if (!key) return { newest: null, tamperedLines: [], position: code ? code.count : null };
    const read = readAnchors(key, anchorsFile);
    if (code) return { newest: null, tamperedLines: read.tamperedLines, position: code.count };
    return { ...read, position: read.newest?.count ?? null };
  };

  /** check(), from what was read: pure. */
  const statusOf = (chain: ChainNow, code: PaperCode | undefined, { newest, tamperedLines }: AnchorsRead): AuditAnchorStatus => {
    if (code) {
      const { finding, rewriteChecked } = compareWithCode(chain, code, key);
      return {
        keyed: key !== undefined,
        against: 'code',
        anchoredCount: code.count,
        anchoredAt: null,
        finding,
        rewriteChecked,
        tamperedLines,
        code: null,
      };
    }
    const none = { anchoredCount: null, anchoredAt: null, finding: null, rewriteChecked: false, code: null } as const;
    if (!key) return { keyed: false, against: 'none', tamperedLines: [], ...none };
    if (!newest) return { keyed: true, against: 'none', tamperedLines, ...none };
    return {
      keyed: true,
      against: 'anchor',
      anchoredCount: newest.count,
      anchoredAt: newest.at,
      finding: compareWithAnchor(chain, newest),
      rewriteChecked: true,
      tamperedLines,
      code: paperCode(key, newest),
    };
  };

  const positionsOf = (read: { readonly position: number | null }) => (read.position === null ? [] : [read.position]);

  return {
    keyed: key !== undefined,
    entries: () => store.read((tx) => tx.auditLog.count()),
    async anchor(now, options = {}) {
      if (!key) return { written: false, reason: 'no_key' };
      const { newest } = readAnchors(key);
      // The chain, its state at the newest anchor and its head, in one snapshot: the anchor is of the chain checked.
      const log = await store.read(async (tx) => {
        if ((await tx.audit.verify()).firstBroken) return null;
        const last = await tx.auditLog.last();
        return { chain: await chainNowOf(tx, newest ? [newest.count] : []), head: last ? { count: last.seq, head: last.hash } : emptyHead };
      });
      if (!log) return { written: false, reason: 'chain_broken' };
      if (newest && !options.acceptCurrent) {
        const finding = compareWithAnchor(log.chain, newest);
        if (finding) return { written: false, reason: finding };
      }
      const anchor = makeAnchor(key, log.head, now);
      appendAnchor(deps.path, anchor);
      // A copy that cannot be written (a backup disk gone) must not undo the anchor beside the database.
      for (const copy of options.copies ?? []) {
        try {
          appendAnchor(copy, anchor);
        } catch (error) {
          console.error(`ClinicDesk: could not copy the audit anchor to ${copy}`, error);
        }
      }
      return { written: true, anchor, code: paperCode(key, log.head) };
    },
    async anchorIfDue(now) {
      if (!key) return { written: false, reason: 'no_key' };
      const { newest } = readAnchors(key);
      if (newest && now.getTime() - Date.parse(newest.at) < ANCHOR_INTERVAL_MS) return { written: false, reason: 'recent' };
      return this.anchor(now);
    },
    async check(code, anchorsFile) {
      const read = anchorsFor(code, anchorsFile);
      const chain = await store.read((tx) => chainNowOf(tx, positionsOf(read)));
      return statusOf(chain, code, read);
    },
    async verify(code, anchorsFile) {
      const read = anchorsFor(code, anchorsFile);
      const { walk, chain } = await store.read(async (tx) => ({
        walk: await tx.audit.verify(),
        chain: await chainNowOf(tx, positionsOf(read)),
      }));
      return { ...walk, entries: chain.count, anchor: statusOf(chain, code, read) };
    },
  };
}
