// Where the app's bundled data (resources/) is: beside the sources in development, tests and the CLI; the
// Electron build sets CLINICDESK_RESOURCES to its resources folder.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const defaultRoot = fileURLToPath(new URL('../../resources', import.meta.url));

export function resourcePath(...parts: string[]): string {
  return join(process.env.CLINICDESK_RESOURCES ?? defaultRoot, ...parts);
}
