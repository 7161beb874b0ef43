// Anchoring the audit chain and checking the log against its anchors: audit-anchor.ts (pure) over the anchors file
// (anchor-file.ts) and the audit log. An anchor is written only over a log that still matches the newest one, so
// the daily anchor can never bless a log someone cut or rewrote since: that is refused and stays reported.
import type { AuditAnchorFinding, AuditAnchorStatus } from '../../../shared/contract/audit';
import type { AuditRepository } from '../../db/repositories/audit-repository';
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
import type { ChainCheck } from './audit-chain';

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
  anchor(now: Date, options?: { readonly copies?: readonly string[]; readonly acceptCurrent?: boolean }): AnchorOutcome;
  /** The daily anchor: anchor() when the newest authentic anchor is 24 hours old or there is none, else 'recent'. */
  anchorIfDue(now: Date): AnchorOutcome | { readonly written: false; readonly reason: 'recent' };
  /** Entries in the log now. */
  entries(): number;
  /** The log against the newest authentic anchor, or against a code typed in. `anchorsFile`: another copy of the
   * anchors file (the backup folder's, brought back from off the machine) instead of the one beside the database. */
  check(code?: PaperCode, anchorsFile?: string): AuditAnchorStatus;
}

export function createAuditAnchors(deps: {
  readonly path: string;
  readonly key: AnchorKey | undefined;
  readonly audit: Pick<AuditRepository, 'count' | 'hashAt' | 'last'>;
  readonly verifyChain: () => ChainCheck;
}): AuditAnchors {
  const { key } = deps;
  const chainNow = (): ChainNow => ({ count: deps.audit.count(), hashAt: (count) => deps.audit.hashAt(count)?.hash });

  /** The newest line whose MAC is valid (file order: the file is only appended to), and the lines that fail. */
  const readAnchors = (anchorKey: AnchorKey, path = deps.path): { newest: Anchor | null; tamperedLines: number[] } => {
    let newest: Anchor | null = null;
    const tamperedLines: number[] = [];
    for (const { line, anchor } of readAnchorLines(path)) {
      if (anchor && anchorIsAuthentic(anchorKey, anchor)) newest = anchor;
      else tamperedLines.push(line);
    }
    return { newest, tamperedLines };
  };

  return {
    keyed: key !== undefined,
    entries: () => deps.audit.count(),
    anchor(now, options = {}) {
      if (!key) return { written: false, reason: 'no_key' };
      if (deps.verifyChain().firstBroken) return { written: false, reason: 'chain_broken' };
      const { newest } = readAnchors(key);
      if (newest && !options.acceptCurrent) {
        const finding = compareWithAnchor(chainNow(), newest);
        if (finding) return { written: false, reason: finding };
      }
      const last = deps.audit.last();
      const head = last ? { count: last.seq, head: last.hash } : emptyHead;
      const anchor = makeAnchor(key, head, now);
      appendAnchor(deps.path, anchor);
      // A copy that cannot be written (a backup disk gone) must not undo the anchor beside the database.
      for (const copy of options.copies ?? []) {
        try {
          appendAnchor(copy, anchor);
        } catch (error) {
          console.error(`ClinicDesk: could not copy the audit anchor to ${copy}`, error);
        }
      }
      return { written: true, anchor, code: paperCode(key, head) };
    },
    anchorIfDue(now) {
      if (!key) return { written: false, reason: 'no_key' };
      const { newest } = readAnchors(key);
      if (newest && now.getTime() - Date.parse(newest.at) < ANCHOR_INTERVAL_MS) return { written: false, reason: 'recent' };
      return this.anchor(now);
    },
    check(code, anchorsFile) {
      const chain = chainNow();
      if (code) {
        const { finding, rewriteChecked } = compareWithCode(chain, code, key);
        return {
          keyed: key !== undefined,
          against: 'code',
          anchoredCount: code.count,
          anchoredAt: null,
          finding,
          rewriteChecked,
          tamperedLines: key ? readAnchors(key, anchorsFile).tamperedLines : [],
          code: null,
        };
      }
      const none = { anchoredCount: null, anchoredAt: null, finding: null, rewriteChecked: false, code: null } as const;
      if (!key) return { keyed: false, against: 'none', tamperedLines: [], ...none };
      const { newest, tamperedLines } = readAnchors(key, anchorsFile);
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
    },
  };
}
