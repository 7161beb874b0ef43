// The support log on disk: JSON lines (pino) in a folder beside the database, rotated by size so it never grows
// past a known bound (5 files of 5 MB by default: weeks of a busy clinic's refusals, and small enough to e-mail
// zipped). A packaged app has no terminal, so this is where "the error was logged" ends up.
//
// Each door writes its own set of files (desktop-app.log, preview.log, command-line.log): the CLI may run beside
// the app, and two processes rotating one file would each rename the other's under it. The rotation runs in this
// process (rotating-file-stream), not in a pino transport's worker thread: a worker would load its module by name at
// run time, which the bundled Electron main cannot do.
import { readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import pino from 'pino';
import { createStream } from 'rotating-file-stream';
import { makePrivateFolder, PRIVATE_FILE_MODE } from '../files/write-private-file';
import { createAppLog, stderrAppLog, type AppLog } from './app-log';

export const LOG_FOLDER_NAME = 'clinicdesk-logs';
export const DEFAULT_MAX_FILES = 5;
export const DEFAULT_MAX_FILE_BYTES = 5 * 1024 * 1024;

/** The log folder of a database: beside it, like the photos and the backups' default. */
export function logFolderOf(databasePath: string): string {
  return join(dirname(resolve(databasePath)), LOG_FOLDER_NAME);
}

export interface FileLogOptions {
  readonly folder: string;
  /** Who writes (the door's name, 'desktop app'): names the files. */
  readonly door: string;
  /** Files kept in all, the one being written included. */
  readonly maxFiles?: number;
  /** A file is rotated once it passes this size. */
  readonly maxFileBytes?: number;
}

const stemOf = (door: string) =>
  door
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '') || 'clinicdesk';

/** `desktop-app.log` is written; `desktop-app.1.log` is the newest rotated one, `desktop-app.4.log` the oldest kept. */
export function logFileName(door: string, index: number | null): string {
  return index === null ? `${stemOf(door)}.log` : `${stemOf(door)}.${index}.log`;
}

/** Every log file in the folder, any door's: what the diagnostics bundle takes. */
export function logFilesIn(folder: string): readonly string[] {
  try {
    return readdirSync(folder)
      .filter((name) => /^[a-z0-9-]+(\.\d+)?\.log$/.test(name))
      .sort()
      .map((name) => join(folder, name));
  } catch {
    return [];
  }
}

/** Opens the log; a folder that cannot be made falls back to stderr, so a read-only disk never stops the app. */
export function openFileLog(options: FileLogOptions): AppLog {
  const maxFiles = Math.max(1, options.maxFiles ?? DEFAULT_MAX_FILES);
  const maxFileBytes = Math.max(1, options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES);
  try {
    makePrivateFolder(options.folder);
  } catch {
    return stderrAppLog;
  }
  // Classic logrotate numbering (rotate: N keeps N rotated files beside the one written): names a person reads in
  // order, and no history file beside them.
  // Called with the rotated file's number, or with nothing for the file being written.
  const stream = createStream((index?: number | Date) => logFileName(options.door, typeof index === 'number' ? index : null), {
    path: options.folder,
    size: `${maxFileBytes}B`,
    rotate: maxFiles - 1,
    mode: PRIVATE_FILE_MODE,
  });
  let broken = false;
  // An unhandled 'error' event would end the process: the log stops instead, and says so once on stderr.
  stream.on('error', (error: Error) => {
    broken = true;
    process.stderr.write(`ClinicDesk: the log in ${options.folder} stopped: ${error.message}\n`);
  });
  // Each line's write is followed to its end, so the diagnostics bundle can wait for the lines written before it.
  let written: Promise<void> = Promise.resolve();
  const destination = {
    write(line: string) {
      written = new Promise((done) => stream.write(line, () => done()));
    },
  };
  const logger = pino(
    {
      base: { door: options.door, pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
    },
    destination,
  );
  let closing: Promise<void> | null = null;
  return createAppLog(
    (level, record) => {
      if (broken || closing) return;
      logger[level](record);
    },
    {
      files: () => logFilesIn(options.folder),
      flush: () => (broken ? Promise.resolve() : written),
      close: () =>
        (closing ??= new Promise<void>((done) => {
          if (broken) return done();
          stream.end(() => done());
        })),
    },
  );
}
