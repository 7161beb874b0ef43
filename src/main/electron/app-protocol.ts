// The desktop app's pages come from app://clinicdesk/, a scheme of its own, not file://: a file: page shares its
// origin with every file on the disk, while app://clinicdesk is an origin of its own that only serves the built
// renderer folder. The path check here is plain Node so a test can try traversal without Electron.
import { isAbsolute, join, relative, resolve } from 'node:path';

export const APP_SCHEME = 'app';
export const APP_HOST = 'clinicdesk';
export const APP_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/** The file an app:// request names inside `root`, or null when it names anything else (another host, a path
 * that climbs out of the folder, an encoded separator). */
export function appRequestPath(requestUrl: string, root: string): string | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0') || pathname.includes('\\')) return null;
  const file = resolve(join(root, pathname === '/' ? '/index.html' : pathname));
  const inside = relative(resolve(root), file);
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) return null;
  return file;
}

/** Which page the window loads: the dev server only in development (electron-vite sets the variable); a packaged
 * app never takes it, so no environment variable can point the trusted window at another page. */
export function rendererUrl(options: { readonly packaged: boolean; readonly devServerUrl: string | undefined }): string {
  if (!options.packaged && options.devServerUrl) return options.devServerUrl;
  return APP_URL;
}
