// The CLI's audit commands: `audit verify` (the chain inside the database, then its head against the newest anchor
// or a paper code) and `audit anchor` (an anchor now, and its code to keep on paper). Exit 1 for anything that
// shows the log or its anchors were changed; a missing anchor key is said plainly and is not an error.
import type { Db } from '../db/open-database';
import { existsSync } from 'node:fs';
import type { AuditVerification } from '../../shared/contract/audit';
import type { Result } from '../../shared/contract';
import type { OpenServices } from '../services/open-services';
import type { CliIo } from './cli';

const entriesText = (count: number | null) => `${count} ${count === 1 ? 'entry' : 'entries'}`;

export async function auditVerifyCommand(
  io: CliIo,
  options: {
    services: Pick<OpenServices<Db | null>, 'dispatch' | 'context'>;
    anchorsPath: string;
    /** --anchors FILE: a copy of the anchors file from elsewhere (a backup folder), only from the CLI, which may read
     * any file; the channel, reachable over HTTP, names no path. */
    otherAnchors: string | undefined;
    code: string | undefined;
    json: boolean;
  },
): Promise<Result<AuditVerification> | number> {
  let verification: AuditVerification;
  if (options.otherAnchors === undefined) {
    const result = await options.services.dispatch('verifyAuditChain', options.code === undefined ? {} : { code: options.code });
    if (!result.ok) return result;
    verification = result.value;
  } else {
    if (options.code !== undefined) {
      io.err('Give either --code or --anchors, not both.');
      return 2;
    }
    if (!existsSync(options.otherAnchors)) {
      io.err(`No anchors file at ${options.otherAnchors}.`);
      return 2;
    }
    verification = await options.services.context.anchors.verify(undefined, options.otherAnchors);
  }
  const { firstBroken, anchor } = verification;
  const altered = firstBroken !== null || anchor.finding !== null || anchor.tamperedLines.length > 0;
  if (options.json) {
    io.out(JSON.stringify(verification));
    return altered ? 1 : 0;
  }
  if (firstBroken) io.err(`The audit log was altered: the chain breaks at entry ${firstBroken.seq} (${firstBroken.reason}).`);
  else io.out(`The audit log is intact: ${entriesText(verification.checked)}.`);
  for (const line of anchorLines(verification, options.otherAnchors ?? options.anchorsPath)) (line.problem ? io.err : io.out)(line.text);
  return altered ? 1 : 0;
}

function anchorLines({ entries, anchor }: AuditVerification, anchorsPath: string): { text: string; problem: boolean }[] {
  const lines: { text: string; problem: boolean }[] = [];
  const what =
    anchor.against === 'code'
      ? `the code for ${entriesText(anchor.anchoredCount)}`
      : `the anchor of ${anchor.anchoredAt} (${entriesText(anchor.anchoredCount)})`;
  if (anchor.finding === 'emptied')
    lines.push({ problem: true, text: `The audit log was emptied: 0 entries, where ${what} recorded some.` });
  else if (anchor.finding === 'cut_tail')
    lines.push({
      problem: true,
      text: `The audit log was cut: ${entriesText(entries)}, fewer than ${what}. (After a restore of a backup, the entries since it are gone: run \`audit anchor --after-restore\`.)`,
    });
  else if (anchor.finding === 'rewritten') {
    lines.push({
      problem: true,
      text: `The audit log was rewritten: entry ${anchor.anchoredCount} is not the one in ${what}; the history up to it was changed (its hashes recomputed).`,
    });
  } else if (anchor.against === 'anchor')
    lines.push({
      problem: false,
      text: `It matches the newest anchor, of ${anchor.anchoredAt} (${entriesText(anchor.anchoredCount)}); its code: ${anchor.code}`,
    });
  else if (anchor.against === 'code') {
    lines.push({
      problem: false,
      text: anchor.rewriteChecked
        ? `It matches the code for ${entriesText(anchor.anchoredCount)}.`
        : `It has at least the ${entriesText(anchor.anchoredCount)} of the code; without the anchor key the entries themselves could not be compared with it.`,
    });
  } else if (anchor.keyed) {
    lines.push({
      problem: false,
      text: `No audit anchor yet in ${anchorsPath}: \`audit anchor\` writes one. (If anchors were written before, that file was removed: check with \`audit verify --code CODE\` and the code kept on paper.)`,
    });
  } else {
    lines.push({
      problem: false,
      text: 'No audit anchor key: nothing is anchored, so a tail cut off the log, an emptied log or a history rewritten by someone holding the database key cannot be detected. Give one with --anchor-key-file FILE or CLINICDESK_ANCHOR_KEY.',
    });
  }
  if (anchor.tamperedLines.length > 0) {
    lines.push({
      problem: true,
      text: `The anchors file ${anchorsPath} was tampered with: line ${anchor.tamperedLines.join(', ')} ${anchor.tamperedLines.length === 1 ? 'is not an anchor' : 'are not anchors'} made with this anchor key (edited or forged, unless this is not the anchor key they were made with).`,
    });
  }
  return lines;
}

export async function auditAnchorCommand(
  io: CliIo,
  options: { services: Pick<OpenServices<Db | null>, 'context'>; afterRestore: boolean; json: boolean },
): Promise<number> {
  const outcome = await options.services.context.anchors.anchor(new Date(), { acceptCurrent: options.afterRestore });
  if (options.json)
    io.out(
      JSON.stringify(outcome.written ? { written: true, count: outcome.anchor.count, at: outcome.anchor.at, code: outcome.code } : outcome),
    );
  else if (outcome.written)
    io.out(`Anchored at ${entriesText(outcome.anchor.count)} (${outcome.anchor.at}). Keep this code on paper: ${outcome.code}`);
  else io.err(refusalMessage(outcome.reason));
  return outcome.written ? 0 : outcome.reason === 'no_key' ? 2 : 1;
}

function refusalMessage(reason: 'no_key' | 'chain_broken' | 'emptied' | 'cut_tail' | 'rewritten'): string {
  if (reason === 'no_key')
    return 'No audit anchor key: give one with --anchor-key-file FILE or CLINICDESK_ANCHOR_KEY (64 hexadecimal digits, not the database key).';
  if (reason === 'chain_broken') return "Not anchored: the audit log's chain is broken (`audit verify` names the entry).";
  return `Not anchored: the audit log no longer matches the newest anchor (${reason}; \`audit verify\` says more). After restoring a backup, \`audit anchor --after-restore\` anchors the restored log.`;
}
