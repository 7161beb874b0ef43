// Who has the database open. Node has no flock, and SQLite's own locks protect transactions, not the files: a
// restore that renames a new database in under a running app leaves the app writing to the replaced file. So every
// door registers itself in a folder beside the database (one small file per holder: its door, pid and process
// start time) and removes its file when it closes. Holders that share (the app, the preview, the CLI's reads and
// backups) may run together; whatever replaces the database files (a restore, the one-time encryption of a plain
// database) needs it alone and is refused while any other live holder is registered.
//
// Register first, then look: two programs that start at once each see the other, so at worst both are refused,
// never both let through. A file whose process is gone (killed, crashed, power cut) is stale: ignored and removed.
// Since a clean close removes the file, a stale one also says the last session ended uncleanly.
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isProcessAlive, processStartTime } from './process-liveness';

export interface Holder {
  /** Which program: 'desktop app', 'preview', 'command line', 'restore'. */
  readonly door: string;
  readonly pid: number;
  /**
   * The computer it runs on. A data folder on a network share can be opened from two: a pid from another computer
   * cannot be checked here, so that holder counts as live (its own next start on that computer clears it if stale).
   */
  readonly host: string;
  /** See process-liveness.ts; null where the OS does not tell. */
  readonly startTime: string | null;
  /** Set while the holder needs the database alone: what it is doing, for the others' refusal message. */
  readonly alone: string | null;
  readonly since: string;
}

export class DatabaseInUseError extends Error {
  constructor(
    readonly databasePath: string,
    readonly purpose: string,
    readonly holders: readonly Holder[],
  ) {
    const named = [...holders].sort((a, b) => a.since.localeCompare(b.since)).map(describeHolder);
    super(
      `Cannot ${purpose}: the database ${databasePath} is in use by ${named.join(', ')}. Close ${named.length > 1 ? 'them' : 'it'} first, then try again. Nothing was changed.`,
    );
    this.name = 'DatabaseInUseError';
  }
}

const describeHolder = (holder: Holder): string =>
  `the ${holder.door} (pid ${holder.pid}${holder.host === hostname() ? '' : ` on ${holder.host}`}${holder.alone === null ? '' : `, to ${holder.alone}`}, since ${holder.since})`;

export interface HolderRegistration {
  /** Stale registrations were found: a holder before this one did not close the database cleanly. */
  readonly uncleanShutdown: boolean;
  /** Marks this holder as needing the database alone; throws DatabaseInUseError if another live holder has it. */
  requireAlone(purpose: string): void;
  /** Back to sharing, after requireAlone's work is done. */
  share(): void;
  /** Removes the registration; idempotent. */
  release(): void;
}

export interface RegisterOptions {
  readonly door: string;
  /** Register as needing the database alone, for this purpose ("restore a backup"). */
  readonly alone?: string;
}

export const holdersFolderOf = (databasePath: string): string => `${databasePath}.holders`;

export function registerHolder(databasePath: string, options: RegisterOptions): HolderRegistration {
  const folder = holdersFolderOf(databasePath);
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  const name = `${process.pid}-${randomBytes(6).toString('hex')}.json`;
  const since = new Date().toISOString();
  const startTime = processStartTime(process.pid);
  let released = false;

  const write = (alone: string | null) => {
    const holder: Holder = { door: options.door, pid: process.pid, host: hostname(), startTime, alone, since };
    // Written whole under a dot name, then renamed: a reader never sees half a registration.
    const temporary = join(folder, `.${name}.tmp`);
    writeFileSync(temporary, JSON.stringify(holder), { mode: 0o600 });
    renameSync(temporary, join(folder, name));
  };
  const release = () => {
    if (released) return;
    released = true;
    rmSync(join(folder, name), { force: true });
  };

  write(options.alone ?? null);
  const { live, staleFound } = otherHolders(folder, name);
  const blocking = options.alone === undefined ? live.filter((holder) => holder.alone !== null) : live;
  if (blocking.length > 0) {
    release();
    throw new DatabaseInUseError(databasePath, options.alone ?? `open the database for the ${options.door}`, blocking);
  }
  return {
    uncleanShutdown: staleFound,
    requireAlone(purpose) {
      write(purpose);
      const others = otherHolders(folder, name).live;
      if (others.length > 0) {
        write(null);
        throw new DatabaseInUseError(databasePath, purpose, others);
      }
    },
    share: () => write(null),
    release,
  };
}

/** The other registrations in the folder, live ones returned, stale ones (and leftover temporaries) removed. */
function otherHolders(folder: string, own: string): { live: Holder[]; staleFound: boolean } {
  const live: Holder[] = [];
  let staleFound = false;
  for (const file of readdirSync(folder)) {
    if (file === own) continue;
    if (file.endsWith('.json.tmp')) {
      // Written and renamed in a moment; one a minute old was left by a process that died in between.
      removeIfOlderThan(join(folder, file), 60_000);
      continue;
    }
    if (!file.endsWith('.json')) continue;
    const holder = readHolder(join(folder, file));
    if (holder === 'gone') continue;
    if (holder && (holder.host !== hostname() || isProcessAlive(holder.pid, holder.startTime))) {
      live.push(holder);
    } else {
      staleFound = true;
      rmSync(join(folder, file), { force: true });
    }
  }
  return { live, staleFound };
}

function removeIfOlderThan(path: string, ms: number): void {
  try {
    if (Date.now() - statSync(path).mtimeMs > ms) rmSync(path, { force: true });
  } catch {
    // Renamed or removed meanwhile.
  }
}

/** 'gone': released between listing and reading; null: not a registration this code wrote (stale). */
function readHolder(path: string): Holder | null | 'gone' {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return 'gone';
  }
  try {
    const parsed = JSON.parse(text) as Partial<Holder>;
    if (typeof parsed.pid !== 'number' || typeof parsed.door !== 'string') return null;
    return {
      door: parsed.door,
      pid: parsed.pid,
      host: typeof parsed.host === 'string' ? parsed.host : hostname(),
      startTime: typeof parsed.startTime === 'string' ? parsed.startTime : null,
      alone: typeof parsed.alone === 'string' ? parsed.alone : null,
      since: typeof parsed.since === 'string' ? parsed.since : '?',
    };
  } catch {
    return null;
  }
}
