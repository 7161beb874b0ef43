// A PostgreSQL server of its own for a test run or a benchmark: a fresh cluster in a temporary folder, reachable
// only on 127.0.0.1 over TLS (a CA made for it, verify-full) with a scram password, gone when stopped. It is the
// clinic server in miniature, so the tests connect the way the app will: TLS checked, no trust authentication.
//
// We run as root on the CI machines and PostgreSQL refuses to run as root, so there every PostgreSQL program runs
// as the `postgres` user (runuser) and the folder is handed to that user; as anyone else they run directly.
//
// A server must not outlive the process that started it: stop() is idempotent, an exit handler stops the server
// and deletes the folder when the process exits without calling it, and a detached watchdog does the same when
// the process is killed outright (SIGKILL leaves no exit handler to run).
import { execFile, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  accessSync,
  appendFileSync,
  chmodSync,
  chownSync,
  constants,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';

export interface PostgresBinaries {
  /** The folder holding initdb, pg_ctl and postgres of one version (they must match). */
  readonly binDir: string;
  readonly initdb: string;
  readonly pgCtl: string;
}

export interface ThrowawayPostgresOptions {
  /** Where the temporary folder goes; by default CLINICDESK_PG_TMPDIR or the OS temporary folder. */
  readonly parentDir?: string;
  /** Keep fsync and full-page writes on, for a benchmark that compares durable commits; off by default (tests). */
  readonly durable?: boolean;
  /** More postgresql.conf settings, written after ours. */
  readonly settings?: Readonly<Record<string, string | number>>;
  /** How long pg_ctl may wait for the server to accept connections; 60 s by default (two loaded cores). */
  readonly startTimeoutSeconds?: number;
  /** Progress lines ("initdb", "starting on port ..."), for the CLI. */
  readonly log?: (line: string) => void;
}

export interface ThrowawayPostgres {
  /** The superuser's URL of the `postgres` database: TLS verified against caFile, host and port included. */
  readonly url: string;
  /** The same server and credentials for another database on it. */
  urlFor(database: string): string;
  /** The CA that signed the server's certificate (CN and SAN 127.0.0.1 and localhost). */
  readonly caFile: string;
  readonly superuser: string;
  readonly password: string;
  readonly host: '127.0.0.1';
  readonly port: number;
  /** The temporary folder (data, TLS files, socket, log); removed by stop(). */
  readonly folder: string;
  /** The server's log so far, last lines: for a test's failure message. */
  logTail(lines?: number): string;
  /** Stops the server and keeps its data: what the clinic's PCs see when the server goes away mid-session. */
  pause(): Promise<void>;
  /** Starts a paused server again, on the same port with the same data. */
  resume(): Promise<void>;
  /** Stops the server (fast, then immediate, then by signal) and removes the folder. Safe to call twice. */
  stop(): Promise<void>;
}

export class PostgresUnavailableError extends Error {
  override name = 'PostgresUnavailableError';
}

const SUPERUSER = 'postgres';
const OS_USER = process.env.CLINICDESK_PG_OS_USER ?? 'postgres';
const asRoot = (): boolean => process.getuid?.() === 0;

/**
 * initdb and pg_ctl from CLINICDESK_PG_BIN_DIR when set (to test against one version of several), else from PATH
 * (resolved through symlinks, so both come from the same installation), else from the newest
 * /usr/lib/postgresql/<version>/bin (Debian's packages put them there, off PATH). Null when there are none.
 */
export function findPostgresBinaries(env: NodeJS.ProcessEnv = process.env): PostgresBinaries | null {
  const candidates: string[] = [];
  if (env.CLINICDESK_PG_BIN_DIR) return binariesIn(env.CLINICDESK_PG_BIN_DIR);
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    if (dir === '') continue;
    const initdb = join(dir, 'initdb');
    if (isExecutable(initdb)) candidates.push(dirOf(realpathSync(initdb)));
  }
  const debian = '/usr/lib/postgresql';
  if (existsSync(debian)) {
    const versions = readdirSync(debian)
      .filter((name) => /^\d+(\.\d+)?$/.test(name))
      .sort((a, b) => Number(b) - Number(a));
    candidates.push(...versions.map((version) => join(debian, version, 'bin')));
  }
  for (const binDir of candidates) {
    const binaries = binariesIn(binDir);
    if (binaries) return binaries;
  }
  return null;
}

function binariesIn(binDir: string): PostgresBinaries | null {
  const binaries = { binDir, initdb: join(binDir, 'initdb'), pgCtl: join(binDir, 'pg_ctl') };
  return isExecutable(binaries.initdb) && isExecutable(binaries.pgCtl) && isExecutable(join(binDir, 'postgres')) ? binaries : null;
}

const dirOf = (path: string): string => path.slice(0, path.lastIndexOf('/')) || '/';

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** A port on 127.0.0.1 that was free a moment ago (another process may still take it: start() retries). */
export function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

interface Owner {
  readonly uid: number;
  readonly gid: number;
}

function postgresOwner(): Owner | null {
  if (!asRoot()) return null;
  try {
    const uid = Number(execFileSync('id', ['-u', OS_USER], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', OS_USER], { encoding: 'utf8' }).trim());
    return { uid, gid };
  } catch {
    throw new PostgresUnavailableError(
      `Running as root, PostgreSQL must run as another user, and there is no user "${OS_USER}" ` +
        "(Debian's postgresql package makes it; or set CLINICDESK_PG_OS_USER).",
    );
  }
}

/** A PostgreSQL program, as the postgres user when we are root. */
function command(owner: Owner | null, program: string, args: readonly string[]): [string, string[]] {
  return owner ? ['runuser', ['-u', OS_USER, '--', program, ...args]] : [program, [...args]];
}

function run(owner: Owner | null, program: string, args: readonly string[], what: string, timeoutMs: number): Promise<string> {
  const [file, argv] = command(owner, program, args);
  return new Promise((resolve, reject) => {
    execFile(file, argv, { timeout: timeoutMs, killSignal: 'SIGKILL', encoding: 'utf8' }, (error, stdout, stderr) => {
      if (!error) return resolve(stdout);
      const how = error.killed ? `did not finish within ${timeoutMs / 1000} s` : `failed (${error.code ?? error.signal ?? error.message})`;
      reject(new PostgresUnavailableError(`${what} ${how}: ${file} ${argv.join(' ')}\n${tail(`${stdout}\n${stderr}`, 30)}`));
    });
  });
}

const tail = (text: string, lines: number): string => text.trimEnd().split('\n').slice(-lines).join('\n');

function tlsFiles(folder: string): { caFile: string; certFile: string; keyFile: string } {
  const tls = join(folder, 'tls');
  mkdirSync(tls, { mode: 0o700 });
  const caKey = join(tls, 'ca.key');
  const caFile = join(tls, 'ca.crt');
  const keyFile = join(tls, 'server.key');
  const csr = join(tls, 'server.csr');
  const certFile = join(tls, 'server.crt');
  const ext = join(tls, 'server.ext');
  const openssl = (args: string[], what: string) => {
    try {
      execFileSync('openssl', args, { stdio: ['ignore', 'pipe', 'pipe'], timeout: 30_000 });
    } catch (error) {
      const stderr = (error as { stderr?: Buffer }).stderr?.toString() ?? '';
      throw new PostgresUnavailableError(
        `openssl could not ${what} (is openssl installed?): ${(error as Error).message}\n${tail(stderr, 10)}`,
      );
    }
  };
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  openssl(
    [
      'req',
      '-x509',
      ...ec,
      '-keyout',
      caKey,
      '-out',
      caFile,
      '-days',
      '7',
      '-subj',
      '/CN=ClinicDesk throwaway test CA',
      '-addext',
      'basicConstraints=critical,CA:TRUE',
      '-addext',
      'keyUsage=critical,keyCertSign,cRLSign',
    ],
    'make the test CA',
  );
  openssl(['req', '-new', ...ec, '-keyout', keyFile, '-out', csr, '-subj', '/CN=127.0.0.1'], 'make the server key');
  writeFileSync(
    ext,
    'basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=serverAuth\nsubjectAltName=IP:127.0.0.1,DNS:localhost\n',
  );
  openssl(
    ['x509', '-req', '-in', csr, '-CA', caFile, '-CAkey', caKey, '-CAcreateserial', '-out', certFile, '-days', '7', '-extfile', ext],
    'sign the server certificate',
  );
  // Nothing else is ever signed with this CA: its key goes now.
  for (const path of [caKey, csr, ext, join(tls, 'ca.srl')]) rmSync(path, { force: true });
  chmodSync(keyFile, 0o600);
  chmodSync(caFile, 0o644);
  return { caFile, certFile, keyFile };
}

function chownTree(path: string, owner: Owner): void {
  chownSync(path, owner.uid, owner.gid);
  if (statSync(path).isDirectory()) for (const name of readdirSync(path)) chownTree(join(path, name), owner);
}

const quoteConf = (value: string | number): string => (typeof value === 'number' ? String(value) : `'${value.replace(/'/g, "''")}'`);

/** Starts a fresh server; see ThrowawayPostgres. Throws PostgresUnavailableError saying which step failed. */
export async function startThrowawayPostgres(options: ThrowawayPostgresOptions = {}): Promise<ThrowawayPostgres> {
  const binaries = findPostgresBinaries();
  if (!binaries) throw new PostgresUnavailableError(`No PostgreSQL: ${missingPostgresHint()}`);
  const owner = postgresOwner();
  const log = options.log ?? (() => {});
  const parentDir = options.parentDir ?? process.env.CLINICDESK_PG_TMPDIR ?? tmpdir();
  const folder = mkdtempSync(join(parentDir, 'clinicdesk-pg-'));
  const dataDir = join(folder, 'data');
  const socketDir = join(folder, 'sock');
  const logFile = join(folder, 'server.log');
  const password = randomBytes(24).toString('base64url');
  const cleanup = new Cleanup(binaries, owner, folder, dataDir);
  try {
    mkdirSync(socketDir, { mode: 0o700 });
    const pwFile = join(folder, 'pwfile');
    writeFileSync(pwFile, `${password}\n`, { mode: 0o600 });
    const tls = tlsFiles(folder);
    if (owner) {
      chmodSync(folder, 0o700);
      chownTree(folder, owner);
      // The CA stays readable for us; the postgres user must be able to reach the folder from its parent.
      try {
        execFileSync('runuser', ['-u', OS_USER, '--', 'test', '-w', folder]);
      } catch {
        throw new PostgresUnavailableError(
          `The user "${OS_USER}" cannot reach ${folder}: a folder above it is closed to other users. ` +
            'Set CLINICDESK_PG_TMPDIR (or the parentDir option) to a folder it can reach, such as /tmp.',
        );
      }
    }
    log(`initdb into ${dataDir} (${binaries.binDir})`);
    await run(
      owner,
      binaries.initdb,
      [
        '--pgdata',
        dataDir,
        '--username',
        SUPERUSER,
        '--pwfile',
        pwFile,
        '--auth=scram-sha-256',
        '--encoding=UTF8',
        '--locale=C.UTF-8',
        '--no-sync',
        '--no-instructions',
      ],
      'initdb',
      180_000,
    );
    rmSync(pwFile, { force: true });
    // TLS on TCP only, scram everywhere, nothing without a password; the socket is for pg_ctl and stays in the folder.
    writeFileSync(join(dataDir, 'pg_hba.conf'), 'local all all scram-sha-256\nhostssl all all 127.0.0.1/32 scram-sha-256\n');
    if (owner) chownSync(join(dataDir, 'pg_hba.conf'), owner.uid, owner.gid);

    const timeoutSeconds = options.startTimeoutSeconds ?? 60;
    for (let attempt = 1; ; attempt++) {
      const port = await freeLoopbackPort();
      const settings: Record<string, string | number> = {
        listen_addresses: '127.0.0.1',
        port,
        unix_socket_directories: socketDir,
        unix_socket_permissions: '0700',
        ssl: 'on',
        ssl_cert_file: tls.certFile,
        ssl_key_file: tls.keyFile,
        ssl_min_protocol_version: 'TLSv1.3',
        password_encryption: 'scram-sha-256',
        // STORE-NOTES: JIT and parallel query added hundreds of milliseconds to the app's short queries.
        jit: 'off',
        max_parallel_workers_per_gather: 0,
        ...(options.durable ? {} : { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off' }),
        ...options.settings,
      };
      // A file of our own, included last, so a retry on another port replaces rather than appends.
      const ours = join(dataDir, 'throwaway.conf');
      writeFileSync(
        ours,
        Object.entries(settings)
          .map(([key, value]) => `${key} = ${quoteConf(value)}\n`)
          .join(''),
      );
      if (owner) chownSync(ours, owner.uid, owner.gid);
      if (attempt === 1) appendFileSync(join(dataDir, 'postgresql.conf'), `\ninclude 'throwaway.conf'\n`);

      log(`starting on 127.0.0.1:${port}`);
      cleanup.arm();
      try {
        await run(
          owner,
          binaries.pgCtl,
          ['start', '--pgdata', dataDir, '--log', logFile, '--wait', '--timeout', String(timeoutSeconds)],
          `pg_ctl start (port ${port})`,
          (timeoutSeconds + 15) * 1000,
        );
      } catch (error) {
        const serverLog = readTail(logFile, 30);
        await cleanup.stopServer();
        // Someone took the port between our probe and the server's bind: another port.
        if (attempt < 5 && /could not bind|address already in use/i.test(serverLog)) continue;
        throw new PostgresUnavailableError(`${(error as Error).message}\n--- server log (${logFile}) ---\n${serverLog}`);
      }
      const urlFor = (database: string) =>
        `postgres://${SUPERUSER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${encodeURIComponent(database)}` +
        `?sslmode=verify-full&sslrootcert=${encodeURIComponent(tls.caFile)}`;
      log(`ready: ${urlFor('postgres').replace(encodeURIComponent(password), '***')}`);
      return {
        url: urlFor('postgres'),
        urlFor,
        caFile: tls.caFile,
        superuser: SUPERUSER,
        password,
        host: '127.0.0.1',
        port,
        folder,
        logTail: (lines = 30) => readTail(logFile, lines),
        pause: () => cleanup.stopServer(),
        resume: async () => {
          await run(
            owner,
            binaries.pgCtl,
            ['start', '--pgdata', dataDir, '--log', logFile, '--wait', '--timeout', String(timeoutSeconds)],
            `pg_ctl start again (port ${port})`,
            (timeoutSeconds + 15) * 1000,
          );
        },
        stop: () => cleanup.stop(),
      };
    }
  } catch (error) {
    await cleanup.stop();
    throw error;
  }
}

function readTail(path: string, lines: number): string {
  try {
    return tail(readFileSync(path, 'utf8'), lines);
  } catch {
    return '(no server log)';
  }
}

/** What to do when there is no PostgreSQL, for messages. */
export function missingPostgresHint(): string {
  if (process.env.CLINICDESK_PG_BIN_DIR)
    return `CLINICDESK_PG_BIN_DIR (${process.env.CLINICDESK_PG_BIN_DIR}) holds no initdb, pg_ctl and postgres.`;
  return 'initdb and pg_ctl are neither on PATH nor in /usr/lib/postgresql/*/bin. On Debian: apt-get install postgresql (bash .ci/run does).';
}

/** Is this a CI run, where a missing PostgreSQL is a failure rather than a reason to skip? */
export const isCi = (env: NodeJS.ProcessEnv = process.env): boolean =>
  env.CI !== undefined && !['', '0', 'false'].includes(env.CI.toLowerCase());

/**
 * Stopping and removing one server, from stop(), from the exit handler (synchronously) and from the watchdog.
 * Every process it signals is one this module started: the postmaster named in its own postmaster.pid, and the
 * watchdog.
 */
class Cleanup {
  private watchdogPid: number | undefined;
  private stopped = false;
  private readonly onExit = () => this.stopSync();
  private readonly onSignal = (signal: NodeJS.Signals) => {
    this.stopSync();
    // Default behaviour afterwards: end the process as the signal would have, unless someone else handles it.
    if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
  };

  constructor(
    private readonly binaries: PostgresBinaries,
    private readonly owner: Owner | null,
    private readonly folder: string,
    private readonly dataDir: string,
  ) {}

  /** Before the server starts: from here on, an exit of any kind stops it. */
  arm(): void {
    if (this.watchdogPid !== undefined) return;
    process.once('exit', this.onExit);
    process.once('SIGINT', this.onSignal);
    process.once('SIGTERM', this.onSignal);
    process.once('SIGHUP', this.onSignal);
    const [stopFile, stopArgs] = command(this.owner, this.binaries.pgCtl, [
      'stop',
      '--pgdata',
      this.dataDir,
      '--mode',
      'immediate',
      '--wait',
      '--timeout',
      '20',
    ]);
    // Polls our pid once a second; when we are gone (even by SIGKILL) and the folder is still there, cleans up.
    const script =
      'while kill -0 "$1" 2>/dev/null && [ -d "$2" ]; do sleep 1; done; if [ -d "$2" ]; then shift 2; "$@" >/dev/null 2>&1; rm -rf "$FOLDER"; fi';
    const watchdog = spawn('sh', ['-c', script, 'clinicdesk-pg-watchdog', String(process.pid), this.folder, stopFile, ...stopArgs], {
      detached: true,
      stdio: 'ignore',
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', FOLDER: this.folder },
    });
    watchdog.unref();
    this.watchdogPid = watchdog.pid;
  }

  private disarm(): void {
    process.removeListener('exit', this.onExit);
    process.removeListener('SIGINT', this.onSignal);
    process.removeListener('SIGTERM', this.onSignal);
    process.removeListener('SIGHUP', this.onSignal);
    if (this.watchdogPid !== undefined) {
      try {
        process.kill(this.watchdogPid, 'SIGTERM');
      } catch {
        // Already gone.
      }
    }
  }

  /** Stops the server if it runs (fast shutdown, then immediate, then SIGKILL to its postmaster). */
  async stopServer(): Promise<void> {
    if (!existsSync(join(this.dataDir, 'postmaster.pid'))) return;
    for (const mode of ['fast', 'immediate']) {
      try {
        await run(
          this.owner,
          this.binaries.pgCtl,
          ['stop', '--pgdata', this.dataDir, '--mode', mode, '--wait', '--timeout', '30'],
          `pg_ctl stop -m ${mode}`,
          45_000,
        );
        return;
      } catch {
        // Try harder.
      }
    }
    this.killPostmaster();
  }

  private killPostmaster(): void {
    try {
      const pid = Number(readFileSync(join(this.dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
      if (Number.isInteger(pid) && pid > 1) process.kill(pid, 'SIGKILL');
    } catch {
      // No pid file or no such process: nothing runs.
    }
  }

  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    try {
      await this.stopServer();
    } finally {
      rmSync(this.folder, { recursive: true, force: true });
      this.disarm();
    }
  }

  /** The exit handler's version: no event loop left, so synchronous and quick (immediate shutdown). */
  private stopSync(): void {
    if (this.stopped) return;
    this.stopped = true;
    try {
      if (existsSync(join(this.dataDir, 'postmaster.pid'))) {
        const [file, args] = command(this.owner, this.binaries.pgCtl, [
          'stop',
          '--pgdata',
          this.dataDir,
          '--mode',
          'immediate',
          '--wait',
          '--timeout',
          '10',
        ]);
        execFileSync(file, args, { stdio: 'ignore', timeout: 15_000 });
      }
    } catch {
      this.killPostmaster();
    } finally {
      rmSync(this.folder, { recursive: true, force: true });
      this.disarm();
    }
  }
}
