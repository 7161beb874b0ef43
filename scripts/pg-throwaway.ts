// A throwaway PostgreSQL server from the command line (tests/support/postgres/throwaway-server.ts), for trying the
// schema by hand or running a benchmark against it:
//
//   npx tsx scripts/pg-throwaway.ts              prints the URL and waits; Ctrl+C stops it and deletes everything
//   npx tsx scripts/pg-throwaway.ts --json       the same, printed as one JSON line
//   npx tsx scripts/pg-throwaway.ts [--durable] -- COMMAND [ARGS...]
//                                                runs COMMAND with CLINICDESK_PG_URL (and PGSSLROOTCERT) set,
//                                                then stops; exits with COMMAND's status
//
// --durable keeps fsync and full-page writes on (a benchmark of saves); by default they are off, as in the tests.
import { spawn } from 'node:child_process';
import { startThrowawayPostgres } from '../tests/support/postgres/throwaway-server';

const argv = process.argv.slice(2);
const dashes = argv.indexOf('--');
const flags = dashes === -1 ? argv : argv.slice(0, dashes);
const child = dashes === -1 ? [] : argv.slice(dashes + 1);
const unknown = flags.filter((flag) => !['--json', '--durable'].includes(flag));
if (unknown.length > 0 || (dashes !== -1 && child.length === 0)) {
  process.stderr.write(`usage: tsx scripts/pg-throwaway.ts [--json] [--durable] [-- COMMAND [ARGS...]]\n(unknown: ${unknown.join(' ')})\n`);
  process.exit(2);
}

const server = await startThrowawayPostgres({
  durable: flags.includes('--durable'),
  log: (line) => process.stderr.write(`pg-throwaway: ${line}\n`),
});
const info = {
  url: server.url,
  caFile: server.caFile,
  superuser: server.superuser,
  password: server.password,
  port: server.port,
  folder: server.folder,
};

if (child.length > 0) {
  const [file, ...args] = child as [string, ...string[]];
  const status = await new Promise<number>((resolve) => {
    const run = spawn(file, args, {
      stdio: 'inherit',
      env: { ...process.env, CLINICDESK_PG_URL: server.url, PGSSLROOTCERT: server.caFile },
    });
    run.on('error', (error) => {
      process.stderr.write(`pg-throwaway: could not run ${file}: ${error.message}\n`);
      resolve(127);
    });
    run.on('exit', (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
  await server.stop();
  process.exit(status);
}

process.stdout.write(
  flags.includes('--json')
    ? `${JSON.stringify(info)}\n`
    : `CLINICDESK_PG_URL=${server.url}\nCA=${server.caFile}\nSUPERUSER=${server.superuser}\nPASSWORD=${server.password}\n`,
);
process.stderr.write('pg-throwaway: Ctrl+C stops the server and deletes its folder\n');
// Ctrl+C or SIGTERM: the module's own handlers stop the server and delete its folder, then the process ends.
setInterval(() => {}, 1 << 30);
