// The anchors file: one JSON line per anchor ({count, head, at, mac}), appended, never rewritten, beside the
// database (clinicdesk-audit-anchors.jsonl) and, at a backup, in the backup folder too, which may be a disk that
// leaves the machine. Only reading and appending here; what a line means is audit-anchor.ts.
import { closeSync, fsyncSync, openSync, readFileSync, writeSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Anchor } from './audit-anchor';

export const ANCHORS_FILE_NAME = 'clinicdesk-audit-anchors.jsonl';

export function anchorsPathOf(databasePath: string): string {
  return join(dirname(resolve(databasePath)), ANCHORS_FILE_NAME);
}

/** A line as read: an anchor-shaped object, or a line that is not one (which only an edit of the file makes). */
export type AnchorLine = { readonly line: number; readonly anchor: Anchor } | { readonly line: number; readonly anchor: null };

const isAnchor = (value: unknown): value is Anchor => {
  if (typeof value !== 'object' || value === null) return false;
  const { count, head, at, mac } = value as Record<string, unknown>;
  return (
    Number.isSafeInteger(count) && (count as number) >= 0 && typeof head === 'string' && typeof at === 'string' && typeof mac === 'string'
  );
};

/** Every non-blank line, numbered from 1 as an editor shows them; [] when there is no file yet. */
export function readAnchorLines(path: string): AnchorLine[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const lines: AnchorLine[] = [];
  text.split('\n').forEach((raw, index) => {
    if (raw.trim() === '') return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      parsed = null;
    }
    if (isAnchor(parsed)) {
      const { count, head, at, mac } = parsed;
      lines.push({ line: index + 1, anchor: { count, head, at, mac } });
    } else lines.push({ line: index + 1, anchor: null });
  });
  return lines;
}

/** One line in one write, flushed to disk before returning: the anchor exists once this returns. 0600: it is
 * not secret, but nobody else needs to write it. */
export function appendAnchor(path: string, anchor: Anchor): void {
  const fd = openSync(path, 'a', 0o600);
  try {
    writeSync(fd, `${JSON.stringify({ count: anchor.count, head: anchor.head, at: anchor.at, mac: anchor.mac })}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
