// Reading the write-ahead log before SQLite does. SQLite replays WAL frames in order and stops at the first frame
// whose cumulative checksum fails: right for a torn tail (the last frames of a write a crash cut off, never
// reported as committed), but a damaged frame in the middle silently drops every commit after it, and the next
// checkpoint then overwrites them for good. So the frames are checked here first and such damage reported.
//
// Format (https://www.sqlite.org/fileformat.html#the_write_ahead_log): a 32-byte header (magic 0x377f0682 or
// 0x377f0683, the low bit choosing the checksums' byte order; version; page size; checkpoint sequence; two salts;
// a checksum of its first 24 bytes), then frames of a 24-byte header (page number; the database size in pages for a
// commit frame, else 0; the two salts; a checksum) and one page. Each frame's checksum runs over its first 8 header
// bytes and its page, seeded with the previous frame's checksum (the header's for the first frame). With SQLCipher
// the pages are the encrypted bytes while the headers and checksums stay plain, so this works without the key.
import { existsSync, readFileSync } from 'node:fs';

const HEADER = 32;
const FRAME_HEADER = 24;
const MAGIC_LITTLE_ENDIAN = 0x377f0682;
const MAGIC_BIG_ENDIAN = 0x377f0683;

export interface WalInspection {
  /** Complete frames in the file, of the log's current generation (salts) or not. */
  readonly frames: number;
  /** Frames SQLite will replay: the unbroken run from the start. */
  readonly replayed: number;
  /**
   * A frame of the current generation that fails its checksum while later frames of the same generation pass
   * theirs and commit: those commits would be dropped. Null for a clean log or a torn tail.
   */
  readonly damage: { readonly frame: number; readonly commitsAfter: number } | null;
}

/** null when there is no log, or none SQLite would read (empty, or a header that fails its own checksum). */
export function inspectWal(path: string): WalInspection | null {
  if (!existsSync(path)) return null;
  const wal = readFileSync(path);
  if (wal.length < HEADER) return null;
  const magic = wal.readUInt32BE(0);
  if (magic !== MAGIC_LITTLE_ENDIAN && magic !== MAGIC_BIG_ENDIAN) return null;
  const bigEndian = magic === MAGIC_BIG_ENDIAN;
  const pageSize = wal.readUInt32BE(8);
  if (pageSize < 512 || pageSize > 65536 || (pageSize & (pageSize - 1)) !== 0) return null;
  const headerSum = checksum(wal.subarray(0, 24), [0, 0], bigEndian);
  if (headerSum[0] !== wal.readUInt32BE(24) || headerSum[1] !== wal.readUInt32BE(28)) return null;
  const salt1 = wal.readUInt32BE(16);
  const salt2 = wal.readUInt32BE(20);

  const frameSize = FRAME_HEADER + pageSize;
  const frames = Math.floor((wal.length - HEADER) / frameSize);
  let replayed = 0;
  let chainUnbroken = true;
  let firstBad: number | null = null;
  let commitsAfter = 0;
  let seed: [number, number] = headerSum;
  for (let index = 0; index < frames; index += 1) {
    const start = HEADER + index * frameSize;
    const header = wal.subarray(start, start + FRAME_HEADER);
    const stored: [number, number] = [header.readUInt32BE(16), header.readUInt32BE(20)];
    const current = header.readUInt32BE(8) === salt1 && header.readUInt32BE(12) === salt2;
    // Checked against the previous frame's stored checksum, so a frame after a damaged one can still be verified.
    const sum = checksum(
      wal.subarray(start + FRAME_HEADER, start + frameSize),
      checksum(header.subarray(0, 8), seed, bigEndian),
      bigEndian,
    );
    const valid = current && header.readUInt32BE(0) !== 0 && sum[0] === stored[0] && sum[1] === stored[1];
    seed = stored;
    if (chainUnbroken && valid) {
      replayed += 1;
      continue;
    }
    // A frame of an older generation ends this one: what follows is left over from before the last reset.
    if (!current) break;
    chainUnbroken = false;
    if (!valid) firstBad ??= index;
    else if (header.readUInt32BE(4) !== 0) commitsAfter += 1;
  }
  const damage = firstBad !== null && commitsAfter > 0 ? { frame: firstBad + 1, commitsAfter } : null;
  return { frames, replayed, damage };
}

/** SQLite's WAL checksum: over 32-bit words in pairs, in the byte order the magic chose. */
function checksum(bytes: Buffer, [first, second]: [number, number], bigEndian: boolean): [number, number] {
  let s0 = first;
  let s1 = second;
  for (let at = 0; at < bytes.length; at += 8) {
    const x0 = bigEndian ? bytes.readUInt32BE(at) : bytes.readUInt32LE(at);
    const x1 = bigEndian ? bytes.readUInt32BE(at + 4) : bytes.readUInt32LE(at + 4);
    s0 = (s0 + x0 + s1) >>> 0;
    s1 = (s1 + x1 + s0) >>> 0;
  }
  return [s0, s1];
}
