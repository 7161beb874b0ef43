// The desktop window's pages: app://clinicdesk/ serves only the built renderer folder, the dev server URL is taken
// only when not packaged, and the IPC door trusts only that origin's top frame.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_URL, appRequestPath, rendererUrl } from '../../../src/main/electron/app-protocol';
import { isTrustedFrame } from '../../../src/main/doors/trusted-frame';

const ROOT = '/opt/clinicdesk/out/renderer';

describe('app://clinicdesk', () => {
  it('maps the app’s own files inside the renderer folder', () => {
    expect(appRequestPath('app://clinicdesk/index.html', ROOT)).toBe(join(ROOT, 'index.html'));
    expect(appRequestPath('app://clinicdesk/', ROOT)).toBe(join(ROOT, 'index.html'));
    expect(appRequestPath('app://clinicdesk/assets/index-abc.js', ROOT)).toBe(join(ROOT, 'assets/index-abc.js'));
    expect(appRequestPath('app://clinicdesk/index.html#/patients', ROOT)).toBe(join(ROOT, 'index.html'));
  });

  it('refuses anything that climbs out, another host, another scheme, or a path it cannot read plainly', () => {
    // Dot segments, plain or encoded, are resolved by the URL parser or refused: never a file outside the folder.
    for (const url of [
      'app://clinicdesk/../../etc/passwd',
      'app://clinicdesk/%2e%2e/%2e%2e/etc/passwd',
      'app://clinicdesk/assets/..%2f..%2f..%2fetc%2fpasswd',
    ]) {
      const file = appRequestPath(url, ROOT);
      expect(file === null || file.startsWith(`${ROOT}/`), `${url} -> ${file}`).toBe(true);
    }
    for (const url of [
      'app://clinicdesk/..%5c..%5cwindows',
      'app://clinicdesk/index.html%00.js',
      'app://clinicdesk/%E0%A4%A',
      'app://evil/index.html',
      'file:///opt/clinicdesk/out/renderer/index.html',
      'https://clinicdesk/index.html',
      'not a url',
    ]) {
      expect(appRequestPath(url, ROOT), url).toBeNull();
    }
  });

  it('loads the dev server only in development: a packaged app ignores ELECTRON_RENDERER_URL', () => {
    expect(rendererUrl({ packaged: true, devServerUrl: 'http://evil.example/' })).toBe(APP_URL);
    expect(rendererUrl({ packaged: false, devServerUrl: 'http://localhost:5173/' })).toBe('http://localhost:5173/');
    expect(rendererUrl({ packaged: false, devServerUrl: undefined })).toBe(APP_URL);
  });

  it('trusts only the app’s own top frame on app://clinicdesk', () => {
    expect(isTrustedFrame({ url: `${APP_URL}#/week`, parent: null }, APP_URL)).toBe(true);
    expect(isTrustedFrame({ url: 'app://clinicdesk/other.html', parent: null }, APP_URL)).toBe(true);
    expect(isTrustedFrame({ url: 'app://evil/index.html', parent: null }, APP_URL)).toBe(false);
    expect(isTrustedFrame({ url: 'file:///opt/clinicdesk/out/renderer/index.html', parent: null }, APP_URL)).toBe(false);
    expect(isTrustedFrame({ url: APP_URL, parent: {} }, APP_URL)).toBe(false);
  });

  it('is what the main process loads: no file:// page, and the renderer URL only through rendererUrl', () => {
    const main = readFileSync(join(import.meta.dirname, '../../../src/main/electron/main.ts'), 'utf8');
    expect(main).toMatch(/rendererUrl\(\{ packaged: app\.isPackaged, devServerUrl: process\.env\.ELECTRON_RENDERER_URL \}\)/);
    expect(main.match(/ELECTRON_RENDERER_URL/g)).toHaveLength(1);
    expect(main).toMatch(/protocol\.handle\(APP_SCHEME/);
    expect(main).not.toMatch(/loadFile\(/);
    expect(main).toMatch(/window\.loadURL\(appUrl\)/);
  });
});
