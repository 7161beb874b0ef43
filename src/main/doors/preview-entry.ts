// What `npm run preview` starts. The Node version is checked before the preview (and the database driver with it)
// is loaded: see node-version.ts.
import { nodeVersionRefusal } from './node-version';

const refusal = nodeVersionRefusal(process.version);
if (refusal) {
  process.stderr.write(`${refusal}\n`);
  process.exit(2);
}
await import('./preview-main');
