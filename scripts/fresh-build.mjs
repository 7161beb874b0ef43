// The built JavaScript that `npm run cli` and `npm run preview` run with plain node, and the renderer the preview
// serves, each rebuilt only when a file it was built from changed since: compiling the TypeScript at every start
// cost seconds a command. Plain JavaScript, so it runs before anything is built.
//
// out/node/     the CLI (cli.js), the preview server (preview.js) and the two worker threads beside them, bundled
//               by esbuild; out/node.build.json lists the files they were built from.
// out/preview/  the renderer (vite.preview.config.ts); out/preview.build.json likewise.
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'out');
export const NODE_OUT = join(OUT, 'node');
export const PREVIEW_OUT = join(OUT, 'preview');

/** The files every build depends on besides its sources: this script and the installed packages. */
const COMMON_INPUTS = ['scripts/fresh-build.mjs', 'package.json', 'package-lock.json', 'node_modules/.package-lock.json'];

/**
 * Packages left to node_modules rather than bundled, each for a reason: native code (the SQLite driver, sharp),
 * files read beside their own code at run time (pdfkit's font metrics, fontkit with it), optional native parts
 * (pg), Electron. Everything else is bundled: resolving packages file by file at start is what was slow (date-fns
 * alone, with its 741-entry "exports", cost 0.6 s of package.json parsing).
 */
const EXTERNAL = ['better-sqlite3-multiple-ciphers', 'sharp', 'pdfkit', 'fontkit', 'pg', 'exceljs', 'electron'];

const BUILDS = {
  node: {
    label: 'the CLI and the preview server',
    stamp: join(OUT, 'node.build.json'),
    outputs: ['cli.js', 'preview.js', 'handout-worker.js', 'quick-check-worker.js', 'job-worker.js'].map((file) => join(NODE_OUT, file)),
    build: buildNode,
  },
  renderer: {
    label: 'the renderer',
    stamp: join(OUT, 'preview.build.json'),
    outputs: [join(PREVIEW_OUT, 'index.html')],
    build: buildRenderer,
  },
};

/** Whether the build is there and no file it was made from changed (or went) since it started. */
export function isFresh(name) {
  const { stamp, outputs } = BUILDS[name];
  let recorded;
  try {
    recorded = JSON.parse(readFileSync(stamp, 'utf8'));
  } catch {
    return false;
  }
  if (!outputs.every((file) => existsSync(file))) return false;
  for (const input of [...COMMON_INPUTS, ...recorded.inputs]) {
    let modified;
    try {
      modified = statSync(join(ROOT, input)).mtimeMs;
    } catch {
      // A lock file that is not there (no npm install yet) changes nothing; a source that went does.
      if (COMMON_INPUTS.includes(input)) continue;
      return false;
    }
    if (modified >= recorded.startedAt) return false;
  }
  return true;
}

/** Builds when stale (or always, with force); returns whether it built. One build at a time across processes. */
export async function ensureBuilt(name, { force = false, log = (text) => process.stderr.write(`${text}\n`) } = {}) {
  if (!force && isFresh(name)) return false;
  return withLock(name, async () => {
    // Another process may have built it while this one waited.
    if (!force && isFresh(name)) return false;
    const { label, stamp, build } = BUILDS[name];
    log(`Building ${label}...`);
    const startedAt = Date.now();
    const inputs = await build();
    writeFileSync(stamp, `${JSON.stringify({ startedAt, inputs: [...new Set(inputs)].sort() }, null, 1)}\n`);
    log(`Built ${label} in ${((Date.now() - startedAt) / 1000).toFixed(1)} s.`);
    return true;
  });
}

/** Root-relative paths of the sources a bundler read, without node_modules (the lock files stand for those). */
function sourceInputs(paths) {
  return paths
    .map((path) => relative(ROOT, resolve(ROOT, path.replace(/[?#].*$/, ''))))
    .filter((path) => !path.startsWith('..') && !path.split(/[\\/]/).includes('node_modules') && existsSync(join(ROOT, path)));
}

async function buildNode() {
  const { build } = await import('esbuild');
  // Built beside, then swapped in, so a process starting meanwhile finds the old build or the new one, whole.
  const next = `${NODE_OUT}.next-${process.pid}`;
  rmSync(next, { recursive: true, force: true });
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: {
      cli: 'src/main/doors/cli-main.ts',
      preview: 'src/main/doors/preview-entry.ts',
      // Started as worker threads from the file beside the module that starts them (handout-pool.ts,
      // background-quick-check.ts): every output is in one folder, so './handout-worker.js' is found.
      'handout-worker': 'src/main/handouts/handout-worker.ts',
      'quick-check-worker': 'src/main/db/quick-check-worker.ts',
      // The KHIDI year off the event loop (jobs/run-off-thread.ts).
      'job-worker': 'src/main/jobs/job-worker.ts',
    },
    outdir: next,
    bundle: true,
    // Code split at the entries' dynamic imports, so the Node version check in cli-main.ts and preview-entry.ts
    // still runs before the database driver is loaded. Chunks stay in the same folder as the entries, two levels
    // below the project like src/main/*.ts, so import.meta.url-relative paths (resources.ts, project-root.ts) hold.
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node22',
    external: EXTERNAL,
    // Bundled CommonJS packages (iconv-lite, jszip...) call require for Node's own modules.
    banner: {
      js: "import { createRequire as __clinicdeskRequire } from 'node:module'; const require = __clinicdeskRequire(import.meta.url);",
    },
    sourcemap: 'linked',
    metafile: true,
    logLevel: 'warning',
  });
  rmSync(`${NODE_OUT}.old`, { recursive: true, force: true });
  if (existsSync(NODE_OUT)) renameSync(NODE_OUT, `${NODE_OUT}.old`);
  renameSync(next, NODE_OUT);
  rmSync(`${NODE_OUT}.old`, { recursive: true, force: true });
  return [...sourceInputs(Object.keys(result.metafile.inputs)), 'tsconfig.json', 'tsconfig.base.json', 'tsconfig.node.json'];
}

async function buildRenderer() {
  const { build } = await import('vite');
  const modules = new Set();
  await build({
    configFile: join(ROOT, 'vite.preview.config.ts'),
    logLevel: 'warn',
    plugins: [
      {
        name: 'clinicdesk-record-inputs',
        generateBundle(_options, bundle) {
          for (const output of Object.values(bundle)) if (output.type === 'chunk') for (const id of output.moduleIds) modules.add(id);
        },
      },
    ],
  });
  return [
    ...sourceInputs([...modules]),
    'src/renderer/index.html',
    'vite.preview.config.ts',
    'tsconfig.json',
    'tsconfig.base.json',
    'tsconfig.web.json',
  ];
}

const sleep = (ms) => new Promise((done) => setTimeout(done, ms));

/** A lock folder holding its owner's pid: a second builder waits for the first, and a dead owner's lock is taken. */
async function withLock(name, work) {
  mkdirSync(OUT, { recursive: true });
  const lock = join(OUT, `.${name}.build-lock`);
  const deadline = Date.now() + 10 * 60_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
    }
    if (lockIsAbandoned(lock)) {
      rmSync(lock, { recursive: true, force: true });
      continue;
    }
    if (Date.now() > deadline) throw new Error(`${lock} is still held; remove it if no build is running`);
    await sleep(100);
  }
  try {
    writeFileSync(join(lock, 'pid'), String(process.pid));
    return await work();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

function lockIsAbandoned(lock) {
  let pid;
  try {
    pid = Number(readFileSync(join(lock, 'pid'), 'utf8'));
  } catch {
    // Made but its pid not yet written: only a lock that stayed so for long is a crashed one.
    try {
      return Date.now() - statSync(lock).mtimeMs > 30_000;
    } catch {
      return false;
    }
  }
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return error.code === 'ESRCH';
  }
}

// node scripts/fresh-build.mjs [node] [renderer] [--if-stale]: builds those named (both by default), always unless
// --if-stale. `npm run build:node` and `npm run build:renderer` run it.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const names = args.filter((arg) => !arg.startsWith('--'));
  const unknown = names.filter((name) => !(name in BUILDS));
  if (unknown.length > 0 || args.some((arg) => arg.startsWith('--') && arg !== '--if-stale')) {
    process.stderr.write(`usage: node scripts/fresh-build.mjs [node] [renderer] [--if-stale]\n`);
    process.exit(2);
  }
  for (const name of names.length > 0 ? names : Object.keys(BUILDS)) {
    const built = await ensureBuilt(name, { force: !args.includes('--if-stale') });
    if (!built) process.stderr.write(`${BUILDS[name].label}: up to date\n`);
  }
}
