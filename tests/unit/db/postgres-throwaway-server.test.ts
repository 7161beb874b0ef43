// The throwaway PostgreSQL server the PostgreSQL tests and the benchmark use (tests/support/postgres): TLS and
// scram only, the settings the store notes call for, and nothing left behind however its process ends.
import pg from 'pg';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createConnection } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findPostgresBinaries, isCi, missingPostgresHint, startThrowawayPostgres } from '../../support/postgres/throwaway-server';

const available = findPostgresBinaries() !== null;
if (!available && isCi()) throw new Error(`CI needs PostgreSQL for these tests: ${missingPostgresHint()}`);
const title = (name: string) => (available ? name : `${name} [SKIPPED: no PostgreSQL: ${missingPostgresHint()}]`);

const root = join(import.meta.dirname, '../../..');

async function query(url: string, sql: string): Promise<pg.QueryResultRow[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

const portOpen = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });

/** Running, not a zombie waiting for whoever adopted it to reap it. */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return true;
  }
}

async function until(what: string, condition: () => boolean, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > end) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** A child node process that starts a server, prints its folder and postmaster pid, then runs `then`. */
function childServer(then: string): Promise<{ child: ReturnType<typeof spawn>; folder: string; postmaster: number }> {
  const script = `import { startThrowawayPostgres } from ${JSON.stringify(join(root, 'tests/support/postgres/throwaway-server.ts'))};
    import { readFileSync } from 'node:fs';
    const server = await startThrowawayPostgres();
    const postmaster = Number(readFileSync(server.folder + '/data/postmaster.pid', 'utf8').split('\\n')[0]);
    process.stdout.write(JSON.stringify({ folder: server.folder, postmaster }) + '\\n');
    ${then}`;
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
      if (stdout.includes('\n')) resolve({ child, ...JSON.parse(stdout.split('\n')[0]!) });
    });
    child.once('exit', (code) => reject(new Error(`the child exited (${code}) before its server was ready: ${stderr}`)));
  });
}

describe.skipIf(!available)(title('a throwaway PostgreSQL server'), () => {
  it('takes TLS 1.3 connections verified against its own CA, with a scram password, and nothing else', async () => {
    const server = await startThrowawayPostgres();
    try {
      expect(server.url).toMatch(/^postgres:\/\/postgres:[^@]+@127\.0\.0\.1:\d+\/postgres\?sslmode=verify-full&sslrootcert=/);
      expect(readFileSync(server.caFile, 'utf8')).toMatch(/BEGIN CERTIFICATE/);
      expect(existsSync(join(server.folder, 'tls/ca.key'))).toBe(false);
      const [row] = await query(
        server.url,
        `SELECT s.ssl, s.version, current_setting('jit') AS jit,
        current_setting('max_parallel_workers_per_gather') AS gather, current_setting('listen_addresses') AS listen,
        current_setting('server_encoding') AS encoding, current_setting('password_encryption') AS hashing
        FROM pg_stat_ssl s WHERE s.pid = pg_backend_pid()`,
      );
      expect(row).toEqual({
        ssl: true,
        version: 'TLSv1.3',
        jit: 'off',
        gather: '0',
        listen: '127.0.0.1',
        encoding: 'UTF8',
        hashing: 'scram-sha-256',
      });
      // localhost is in the certificate too.
      await expect(query(server.url.replace('@127.0.0.1:', '@localhost:'), 'SELECT 1')).resolves.toHaveLength(1);
      await expect(query(server.url.replace('sslmode=verify-full', 'sslmode=disable'), 'SELECT 1')).rejects.toThrow(
        /no pg_hba.conf entry.*no encryption/,
      );
      await expect(query(server.url.replace(/:[^:@]+@/, ':wrong@'), 'SELECT 1')).rejects.toThrow(/password authentication failed/);
      // Another CA's server is refused: here, no CA given means the system's, which never signed this one.
      await expect(query(server.url.replace(/&sslrootcert=[^&]*/, ''), 'SELECT 1')).rejects.toThrow(
        /self[- ]signed|unable to (get|verify)/i,
      );
    } finally {
      await server.stop();
    }
    expect(existsSync(server.folder)).toBe(false);
    expect(await portOpen(server.port)).toBe(false);
    await server.stop();
  });

  it('leaves nothing behind when its process exits without stopping it', async () => {
    const { child, folder, postmaster } = await childServer('process.exit(0);');
    await new Promise((resolve) => child.once('exit', resolve));
    expect(existsSync(folder)).toBe(false);
    // pg_ctl stop returns once the postmaster has removed its pid file, a moment before it exits.
    await until('the postmaster exiting', () => !alive(postmaster), 10_000);
  });

  it('leaves nothing behind when its process is killed outright (the watchdog cleans up)', async () => {
    const { child, folder, postmaster } = await childServer('setInterval(() => {}, 1 << 30);');
    expect(alive(postmaster)).toBe(true);
    child.kill('SIGKILL');
    await until('the watchdog stopping the server', () => !alive(postmaster), 30_000);
    await until('the watchdog removing the folder', () => !existsSync(folder), 10_000);
  });

  it('says which step failed, with the server log, when the server does not start', async () => {
    let failure = new Error('the server started with shared_buffers = not-a-size');
    const progress: string[] = [];
    try {
      await (await startThrowawayPostgres({ settings: { shared_buffers: 'not-a-size' }, log: (line) => progress.push(line) })).stop();
    } catch (error) {
      failure = error as Error;
    }
    expect(failure.message).toMatch(/pg_ctl start \(port \d+\) failed/);
    expect(failure.message).toMatch(/server log[\s\S]*shared_buffers/);
    const folder = /^initdb into (\S+)\/data /.exec(progress[0] ?? '')?.[1];
    expect(folder).toMatch(/clinicdesk-pg-/);
    expect(existsSync(folder!)).toBe(false);
  });
});
