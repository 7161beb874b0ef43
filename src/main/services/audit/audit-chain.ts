// The audit log's hash chain, as pure functions: the canonical form of an entry, its hash, and the check of a
// whole chain. Each entry's hash covers its own fields and the hash of the entry before it (the first one
// chains from GENESIS_HASH), so changing, removing or reordering any stored entry breaks the chain at that
// entry. No I/O here: the repository stores entries, the audit trail appends them, tests check this alone.
import { createHash } from 'node:crypto';

/** What the first entry chains from: a fixed value, so an empty log and a wiped log are told apart by count. */
export const GENESIS_HASH = '0'.repeat(64);

export interface AuditFields {
  /** The entry's position; 1 for the first. Part of the hash, so a gap or a swap is caught. */
  readonly seq: number;
  /** ISO 8601 UTC. */
  readonly at: string;
  /** Who did it: the coordinator's name (see README, "Audit log"). */
  readonly actor: string;
  readonly action: string;
  /** The patient's id, or null for actions about no one patient (clinic settings). */
  readonly patientId: string | null;
  /** Changed field paths, never values. */
  readonly fields: readonly string[];
}

export interface AuditEntry extends AuditFields {
  readonly prevHash: string;
  readonly hash: string;
}

/**
 * One JSON array in a fixed order: key order or whitespace can never make two writers hash the same entry
 * differently, and no field can be confused with another (JSON strings are quoted and escaped).
 */
export function canonicalForm(entry: AuditFields, prevHash: string): string {
  return JSON.stringify([
    'clinicdesk.audit/1',
    entry.seq,
    entry.at,
    entry.actor,
    entry.action,
    entry.patientId,
    [...entry.fields],
    prevHash,
  ]);
}

export function entryHash(entry: AuditFields, prevHash: string): string {
  return createHash('sha256').update(canonicalForm(entry, prevHash), 'utf8').digest('hex');
}

/** The next entry of a chain whose last entry is `previous` (undefined for an empty log). */
export function chainEntry(fields: Omit<AuditFields, 'seq'>, previous: Pick<AuditEntry, 'seq' | 'hash'> | undefined): AuditEntry {
  const prevHash = previous?.hash ?? GENESIS_HASH;
  const entry = { ...fields, seq: (previous?.seq ?? 0) + 1 };
  return { ...entry, prevHash, hash: entryHash(entry, prevHash) };
}

export type ChainBreak = 'wrong_position' | 'wrong_previous_hash' | 'wrong_hash';

export interface ChainCheck {
  /** Entries read, up to and including the first broken one. */
  readonly checked: number;
  readonly firstBroken: { readonly seq: number; readonly reason: ChainBreak } | null;
}

/**
 * Checks some entries of a chain (one patient's, in order) without walking all of it: each must hash to its
 * stored hash and follow from the stored entry just before it, whoever that entry is about. A whole walk
 * (verifyChain) costs about half a second per 100,000 entries; this costs one lookup per entry, so the patient
 * screen can check its history every time it opens.
 */
export function verifyEntries(
  entries: Iterable<AuditEntry>,
  entryAt: (seq: number) => Pick<AuditEntry, 'seq' | 'hash'> | undefined,
): ChainCheck {
  let checked = 0;
  for (const entry of entries) {
    checked += 1;
    const broken = (reason: ChainBreak): ChainCheck => ({ checked, firstBroken: { seq: entry.seq, reason } });
    const previous = entry.seq === 1 ? { seq: 0, hash: GENESIS_HASH } : entryAt(entry.seq - 1);
    if (!previous || entry.seq < 1) return broken('wrong_position');
    if (entry.prevHash !== previous.hash) return broken('wrong_previous_hash');
    if (entry.hash !== entryHash(entry, entry.prevHash)) return broken('wrong_hash');
  }
  return { checked, firstBroken: null };
}

/**
 * Walks the entries in stored order and stops at the first that does not follow from the one before. Takes
 * any iterable, or a stream from the database, so a long log is never held in memory whole.
 */
export async function verifyChain(entries: Iterable<AuditEntry> | AsyncIterable<AuditEntry>): Promise<ChainCheck> {
  let previous: Pick<AuditEntry, 'seq' | 'hash'> = { seq: 0, hash: GENESIS_HASH };
  let checked = 0;
  for await (const entry of entries) {
    checked += 1;
    const broken = (reason: ChainBreak): ChainCheck => ({ checked, firstBroken: { seq: entry.seq, reason } });
    if (entry.seq !== previous.seq + 1) return broken('wrong_position');
    if (entry.prevHash !== previous.hash) return broken('wrong_previous_hash');
    if (entry.hash !== entryHash(entry, entry.prevHash)) return broken('wrong_hash');
    previous = entry;
  }
  return { checked, firstBroken: null };
}
