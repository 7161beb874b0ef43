// What the preview reads of a request body, decided from its Content-Length before a byte of it is read: each
// channel's limit (a photo or a bookings file is large, everything else small), and a cap on large bodies being
// read at once, so the memory a burst of uploads takes is bounded and small calls (a search) are never queued
// behind them.
import type { IncomingMessage } from 'node:http';
import { MAX_IMPORT_FILE_BYTES } from '../../shared/contract/patients';
import { MAX_PHOTO_BYTES } from '../../shared/contract/photos';

const MiB = 1024 * 1024;
/** Base64 of the largest file, plus room for the rest of the JSON. */
const fileBody = (bytes: number) => Math.ceil((bytes * 4) / 3) + MiB;

/** Every other channel: the largest is a draft (256 K characters, up to 3 bytes each in UTF-8) or an intake. */
export const DEFAULT_BODY_LIMIT = 2 * MiB;
const CHANNEL_BODY_LIMITS: Readonly<Record<string, number>> = {
  addPhoto: fileBody(MAX_PHOTO_BYTES),
  // One bookings file of the largest size per call (the CLI imports in-process, not through this door).
  importPatients: fileBody(MAX_IMPORT_FILE_BYTES),
};

export function bodyLimitOf(channel: string): number {
  return Object.hasOwn(CHANNEL_BODY_LIMITS, channel) ? CHANNEL_BODY_LIMITS[channel]! : DEFAULT_BODY_LIMIT;
}

/** Above this a body is large, and counts against MAX_LARGE_BODIES. */
export const LARGE_BODY_BYTES = 64 * 1024;
/** Large bodies read at once: a coordinator uploads one photo or file at a time; more wait and try again (503). */
export const MAX_LARGE_BODIES = 4;
/** Small bodies read at once: more than a page ever has in flight. */
export const MAX_SMALL_BODIES = 64;

export interface BodySlots {
  /** A slot for a body of `length` bytes, or null when all of its kind are taken; release it when read. */
  take(length: number): (() => void) | null;
}

export function createBodySlots(): BodySlots {
  const inUse = { large: 0, small: 0 };
  return {
    take(length) {
      const kind = length > LARGE_BODY_BYTES ? 'large' : 'small';
      if (inUse[kind] >= (kind === 'large' ? MAX_LARGE_BODIES : MAX_SMALL_BODIES)) return null;
      inUse[kind] += 1;
      let released = false;
      return () => {
        if (!released) inUse[kind] -= 1;
        released = true;
      };
    },
  };
}

/** The declared length: a number, or 'missing' (chunked, no length) or 'invalid'. */
export function declaredLength(request: IncomingMessage): number | 'missing' | 'invalid' {
  const header = request.headers['content-length'];
  if (header === undefined) return 'missing';
  if (!/^\d{1,12}$/.test(header)) return 'invalid';
  return Number(header);
}

/** How long a body may take to arrive: a photo over the loopback takes well under a second, and a client that
 * trickles its body must not hold one of the few large slots for the server's five-minute request timeout. */
export const BODY_DEADLINE_MS = 30_000;

/** Reads a body already allowed by its declared length (Node's parser stops it at that length); 'aborted' when the
 * client went away first, or was cut off at `deadlineMs` (nothing to answer, and nothing wrong with the server). */
export function readBody(
  request: IncomingMessage,
  limit: number,
  deadlineMs = BODY_DEADLINE_MS,
): Promise<string | 'too_large' | 'aborted'> {
  return new Promise((resolvePromise) => {
    const deadline = setTimeout(() => request.destroy(), deadlineMs);
    request.on('close', () => clearTimeout(deadline));
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        resolvePromise('too_large');
        request.destroy();
      } else chunks.push(chunk);
    });
    request.on('end', () => resolvePromise(Buffer.concat(chunks).toString('utf8')));
    request.on('error', () => resolvePromise('aborted'));
    request.on('close', () => resolvePromise('aborted'));
  });
}
