import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../src/main/doors/content-security-policy';
import { isAllowedExternalUrl, secureWebPreferences } from '../../../src/main/electron/secure-web-preferences';
import { buildIfStale } from '../../support/built-entries';

const ROOT = join(import.meta.dirname, '../../..');

describe('Electron security settings', () => {
  // The built index.html is read below: built first when missing or stale.
  beforeAll(() => buildIfStale('renderer'), 120_000);

  it('every window is isolated, sandboxed and without Node', () => {
    const preferences = secureWebPreferences('/app/preload.cjs');
    expect(preferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });

  it('every BrowserWindow in the main process is built with those preferences', () => {
    const main = readFileSync(join(ROOT, 'src/main/electron/main.ts'), 'utf8');
    const sources = readdirSync(join(ROOT, 'src/main/electron')).map((file) => readFileSync(join(ROOT, 'src/main/electron', file), 'utf8'));
    const windows = sources.flatMap((source) =>
      [...source.matchAll(/new BrowserWindow\(\{[\s\S]*?\n {2,4}\}\);/g)].map((match) => match[0]),
    );
    expect(windows.length).toBeGreaterThan(1);
    for (const window of windows) expect(window).toMatch(/webPreferences: secureWebPreferences\(/);
    expect(main).toMatch(/will-navigate[\s\S]*preventDefault/);
    expect(main).toMatch(/setWindowOpenHandler[\s\S]*action: 'deny'/);
    expect(main).toMatch(/setPermissionRequestHandler\([\s\S]*?callback\(false\)/);
  });

  it('the preload exposes named functions, never ipcRenderer itself', () => {
    const preload = readFileSync(join(ROOT, 'src/preload/index.ts'), 'utf8');
    expect(preload).toMatch(/exposeInMainWorld\('api', api\)/);
    expect(preload).not.toMatch(/exposeInMainWorld\([^)]*ipcRenderer/);
  });

  it('the CSP allows no inline or eval script and no remote origin', () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|https?:|\*/);
    expect(CONTENT_SECURITY_POLICY).toMatch(/script-src 'self'/);
  });

  it('the built index.html carries the same CSP', () => {
    const built = join(ROOT, 'out/preview/index.html');
    expect(existsSync(built)).toBe(true);
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(readFileSync(built, 'utf8'))?.[1];
    expect(meta).toBeDefined();
    expect(meta).not.toMatch(/unsafe-inline|unsafe-eval/);
    // The meta tag cannot carry frame-ancestors (browsers ignore it there); the rest must match the header.
    const header = CONTENT_SECURITY_POLICY.split('; ').filter((directive) => !directive.startsWith('frame-ancestors'));
    expect(meta!.split('; ')).toEqual(header);
  });

  it('opens no external URL unless allowlisted', () => {
    expect(isAllowedExternalUrl('https://evil.example/')).toBe(false);
    expect(isAllowedExternalUrl('file:///etc/passwd')).toBe(false);
    expect(isAllowedExternalUrl('javascript:alert(1)')).toBe(false);
  });
});
