// What may go into the support log, and the one way each field gets there. A clinic sends this log to whoever
// supports it, so nothing a coordinator typed about a patient may reach it: the log takes no payload, no name and
// no free text; an exception's message is cut down here before it is written, because SQLite and Node put values
// into their messages ("UNIQUE constraint failed ... 'Wang Fang'", "ENOENT ... '/home/kim/王芳.pdf'").
//
// The rules for an error message, decided for what real messages carry:
// - anything inside quotes ('…', "…", `…`) goes: SQLite, Node and zod quote the values and paths they name, and a
//   JSON payload in a message is all quoted strings;
// - from a quote left without its pair to the end goes too (an apostrophe in "O'Brien" would otherwise keep the
//   rest of a value);
// - every run of two or more digits becomes '#' (phone, passport, dates, amounts); a lone digit stays, so
//   "SQLITE_IOERR 5" or "step 3" keep their meaning;
// - every run of letters outside ASCII goes (a name in Hangul, Han, Thai, Cyrillic, Arabic written bare);
// - e-mail addresses and URLs go, then the message is cut to 200 characters.
// A name in Latin letters written bare into a message cannot be told from a word, which is why the log keeps the
// error's class, its code and where it was thrown, and treats the message as a hint.
import type { Issue } from '../../shared/contract';

export const MAX_MESSAGE_LENGTH = 200;
export const MAX_FRAMES = 12;
export const MAX_ISSUES = 50;

declare const safe: unique symbol;
/** A string that went through one of the functions below (the log's types take no plain string for free text). */
export type Safe<T extends string = string> = T & { readonly [safe]: true };

export interface SafeError {
  /** The class's name (TypeError, SqliteError), or 'Error' when it is not an identifier. */
  readonly class: Safe;
  /** The code a library attached (SQLITE_CONSTRAINT_UNIQUE, ENOENT), when it is an upper-case identifier. */
  readonly errno?: Safe;
  readonly message: Safe;
  /** "folder/file.ts:line:column" of each frame, nothing else from the stack. */
  readonly frames: readonly Safe[];
}

export interface SafeIssue {
  /** The field path with each part checked: a schema's field names and indexes, '?' for anything else. */
  readonly path: Safe;
  readonly code: Issue['code'];
}

const asSafe = <T extends string>(text: T): Safe<T> => text as Safe<T>;

/** Quoted text, a dangling quote and what follows it, digit runs, non-ASCII letters, addresses: see the file's top. */
export function sanitizeMessage(message: string): Safe {
  let text = message
    .replace(/https?:\/\/\S+/gi, '?')
    .replace(/[^\s@'"`]+@[^\s@'"`]+/g, '?')
    .replace(/'[^'\n]*'|"[^"\n]*"|`[^`\n]*`/g, '?')
    .replace(/['"`].*$/s, '?')
    .replace(/\d{2,}/g, '#')
    .replace(/[^\x00-\x7f]+/g, '?')
    // A control character (a newline in a message) would start a second line in a reader that splits on them.
    .replace(/[\x00-\x1f\x7f]+/g, ' ')
    .replace(/ {2,}/g, ' ')
    .trim();
  if (text.length > MAX_MESSAGE_LENGTH) text = `${text.slice(0, MAX_MESSAGE_LENGTH)}…`;
  return asSafe(text);
}

const IDENTIFIER = /^[A-Za-z_$][\w$]{0,63}$/;
const ERRNO = /^[A-Z][A-Z0-9_]{0,63}$/;

/**
 * The frames' file and position, with the path cut to its last two parts: a full path carries the user's home
 * folder (their name) and the --db folder; the function names are left out as the brief allows file:line only.
 */
export function stackFrames(stack: string | undefined, message = ''): readonly Safe[] {
  if (!stack) return [];
  // The stack starts with the message, which may span lines that look like frames: read from after it.
  const at = message === '' ? -1 : stack.indexOf(message);
  const frameText = at === -1 ? stack : stack.slice(at + message.length);
  const frames: Safe[] = [];
  for (const line of frameText.split('\n')) {
    if (!/^\s+at /.test(line)) continue;
    const location = /\(?((?:[A-Za-z]:)?[^\s()]*?):(\d+):(\d+)\)?\s*$/.exec(line);
    if (!location) continue;
    const parts = location[1]!
      .replace(/^file:\/\//, '')
      .split(/[\\/]/)
      .filter(Boolean);
    const file = parts.slice(-2).join('/');
    // A file name is code's, not a person's, but check it anyway: a frame from an eval'd string has none.
    if (!/^[\w.@+-]+(\/[\w.@+-]+)?$/.test(file)) continue;
    frames.push(asSafe(`${file}:${location[2]}:${location[3]}`));
    if (frames.length === MAX_FRAMES) break;
  }
  return frames;
}

/** An exception as the log keeps it: class, library code, cut-down message, frames. Anything thrown that is not an
 * Error (a string, an object) keeps only its type: its text is whatever the thrower put there. */
export function safeError(error: unknown): SafeError {
  if (!(error instanceof Error)) return { class: asSafe(`thrown ${typeof error}`), message: asSafe(''), frames: [] };
  const name = error.constructor?.name ?? error.name;
  const errno = (error as { code?: unknown }).code;
  return {
    class: asSafe(IDENTIFIER.test(name) ? name : 'Error'),
    ...(typeof errno === 'string' && ERRNO.test(errno) ? { errno: asSafe(errno) } : {}),
    message: sanitizeMessage(error.message),
    frames: stackFrames(error.stack, error.message),
  };
}

/** A schema's field name or a record key of ours (a catalog id like "pico-laser"); anything else is a value. */
const PATH_PART = /^[A-Za-z][A-Za-z0-9_-]{0,63}$/;

/** An issue's path and code, never its value. An unknown field's name is whatever the sender put there, so it is
 * '?'; a file name in an import's path (bookings.csv) is too. */
export function safeIssue(found: Issue): SafeIssue {
  const parts = found.path.map((part, index) => {
    if (typeof part === 'number') return String(part);
    if (found.code === 'unknown_field' && index === found.path.length - 1) return '?';
    return PATH_PART.test(part) ? part : '?';
  });
  return { path: asSafe(parts.join('.')), code: found.code };
}

export function safeIssues(issues: readonly Issue[]): readonly SafeIssue[] {
  return issues.slice(0, MAX_ISSUES).map(safeIssue);
}

/** A method name of ours, as the store reports it ("patients.insert"). */
export function safeCallName(name: string): Safe | null {
  return /^[A-Za-z][A-Za-z0-9]{0,40}\.[A-Za-z][A-Za-z0-9]{0,60}$/.test(name) ? asSafe(name) : null;
}
