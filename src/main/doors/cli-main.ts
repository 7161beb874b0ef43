// Entry point of `npm run cli`. The Node version is checked before the CLI (and the database driver with it) is
// loaded: see node-version.ts.
import { nodeVersionRefusal } from './node-version';

const refusal = nodeVersionRefusal(process.version);
if (refusal) {
  process.stderr.write(`${refusal}\n`);
  process.exit(2);
}
const { runCli } = await import('./cli');
const code = await runCli(process.argv.slice(2), {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
});
process.exitCode = code;
