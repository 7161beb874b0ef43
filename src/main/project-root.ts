// The project's folder, found from this module's own place: src/main/ when run from the sources, out/node/ when
// bundled (npm run preview), both two levels below it, so one relative path serves both.
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));
