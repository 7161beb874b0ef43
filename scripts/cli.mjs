// `npm run cli`: the CLI built to JavaScript (rebuilt first when a source changed), run by plain node in this
// process, so a command answers in a fraction of a second instead of compiling the TypeScript at every start.
import module from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ensureBuilt, NODE_OUT, ROOT } from './fresh-build.mjs';

await ensureBuilt('node');
// V8 keeps the code it compiled for the bundle and the packages between runs (Node 22.1+; keyed by each file's
// contents, so a rebuild is never served stale code).
module.enableCompileCache?.(join(ROOT, 'out', '.compile-cache'));
await import(pathToFileURL(join(NODE_OUT, 'cli.js')).href);
