// `npm run preview`: the renderer and the preview server, each rebuilt first only when a source changed, then
// the server run by plain node in this process.
import module from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ensureBuilt, NODE_OUT, ROOT } from './fresh-build.mjs';

await ensureBuilt('renderer');
await ensureBuilt('node');
// As in cli.mjs: compiled code kept between starts.
module.enableCompileCache?.(join(ROOT, 'out', '.compile-cache'));
await import(pathToFileURL(join(NODE_OUT, 'preview.js')).href);
