// Hardening, read from the sources and the built files rather than trusted: every BrowserWindow's
// webPreferences, the session's handlers, the CSP of the built index.html and of the electron-vite renderer
// source, and the Electron fuses in the packaging config. The renderer is built first when missing or stale (about
// 3 s), so these checks need no build beforehand.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { secureWebPreferences } from '../../../src/main/electron/secure-web-preferences';
import { buildIfStale } from '../../support/built-entries';

const ROOT = join(import.meta.dirname, '../../..');
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');

/** Every TypeScript file of the main process and the preload. */
const mainSources = ['src/main', 'src/preload'].flatMap((folder) =>
  readdirSync(join(ROOT, folder), { recursive: true })
    .map(String)
    .filter((file) => file.endsWith('.ts'))
    .map((file) => relative(ROOT, join(ROOT, folder, file))),
);

/** The directives of a CSP, by name. */
function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0])
      .map(([name, ...values]) => [name!.toLowerCase(), values]),
  );
}

function expectStrictCsp(policy: string | undefined, where: string): void {
  expect(policy, where).toBeDefined();
  const parsed = directives(policy!);
  expect(parsed.get('default-src'), where).toSatisfy(
    (values: string[] | undefined) => values !== undefined && values.length === 1 && ["'self'", "'none'"].includes(values[0]!),
  );
  // script-src falls back to default-src when absent; either way no inline or eval'd script, no remote origin.
  for (const name of ['script-src', 'default-src']) {
    const values = parsed.get(name) ?? [];
    expect(values, `${where} ${name}`).not.toContain("'unsafe-inline'");
    expect(values, `${where} ${name}`).not.toContain("'unsafe-eval'");
    expect(values, `${where} ${name}`).not.toContain("'wasm-unsafe-eval'");
    expect(
      values.filter((value) => /^(https?:|\*|data:|blob:)/.test(value)),
      `${where} ${name}`,
    ).toEqual([]);
  }
  expect(parsed.get('object-src'), where).toEqual(["'none'"]);
}

const metaCsp = (html: string) => /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];

describe('hardening', () => {
  beforeAll(() => buildIfStale('renderer'), 120_000);

  it('every BrowserWindow anywhere in the main process takes secureWebPreferences, and nothing embeds other web content', () => {
    const windows = mainSources.flatMap((file) =>
      [...read(file).matchAll(/new BrowserWindow\(\{[\s\S]*?\n\s*\}\);/g)].map((match) => ({ file, text: match[0] })),
    );
    expect(windows.length).toBeGreaterThan(0);
    for (const { file, text } of windows) expect(text, file).toMatch(/webPreferences: secureWebPreferences\(/);
    for (const file of mainSources) expect(read(file), file).not.toMatch(/new (BrowserView|WebContentsView)\(|<webview/);
  });

  it('those preferences isolate, sandbox, keep Node out and turn webviews off', () => {
    expect(secureWebPreferences('/app/preload.cjs')).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
    });
    // Nothing in the main process switches any of them back on afterwards.
    for (const file of mainSources) {
      expect(read(file), file).not.toMatch(
        /(contextIsolation|sandbox|webSecurity):\s*false|(nodeIntegration\w*|webviewTag|allowRunningInsecureContent):\s*true/,
      );
    }
  });

  it('the session denies navigation, new windows, webviews and every permission request', () => {
    const main = read('src/main/electron/main.ts');
    expect(main).toMatch(/'will-navigate', \(event\) => event\.preventDefault\(\)/);
    expect(main).toMatch(/'will-attach-webview', \(event\) => event\.preventDefault\(\)/);
    expect(main).toMatch(/setWindowOpenHandler\([\s\S]*?return \{ action: 'deny' \};/);
    expect(main).toMatch(/setPermissionRequestHandler\(\(_contents, _permission, callback\) => callback\(false\)\)/);
    expect(main).toMatch(/setPermissionCheckHandler\(\(\) => false\)/);
    // Applied to every web contents the app ever makes, not only the first window.
    expect(main).toMatch(/app\.on\('web-contents-created'/);
  });

  it('the built index.html has a CSP with no unsafe-inline or unsafe-eval script and default-src self or none', () => {
    const built = join(ROOT, 'out/preview/index.html');
    expect(existsSync(built)).toBe(true);
    const html = readFileSync(built, 'utf8');
    expectStrictCsp(metaCsp(html), 'out/preview/index.html');
    // Nothing inline for the CSP to have to allow: no inline script, no inline event handler.
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(html).not.toMatch(/\son[a-z]+=/i);
  });

  it('the CSP check itself refuses what it must (so a passing test means something)', () => {
    expect(() => expectStrictCsp("default-src 'self'; script-src 'self' 'unsafe-inline'; object-src 'none'", 'x')).toThrow();
    expect(() => expectStrictCsp("default-src 'self' 'unsafe-eval'; object-src 'none'", 'x')).toThrow();
    expect(() => expectStrictCsp("default-src *; object-src 'none'", 'x')).toThrow();
    expect(() => expectStrictCsp("script-src 'self'; object-src 'none'", 'x')).toThrow();
    expect(() => expectStrictCsp("default-src 'none'; script-src 'self'; object-src 'none'", 'x')).not.toThrow();
  });

  it('the electron-vite renderer source (what the Electron build bundles) has the same strict CSP', () => {
    expectStrictCsp(metaCsp(read('src/renderer/index.html')), 'src/renderer/index.html');
  });

  it('the packaging config sets the Electron fuses: no run-as-node, NODE_OPTIONS or inspect; app code only from a checked asar', () => {
    const config = read('electron-builder.yml');
    const block = /^electronFuses:\n((?:[ \t]+.*\n?)+)/m.exec(config)?.[1];
    expect(block, 'electronFuses in electron-builder.yml').toBeDefined();
    const fuses = Object.fromEntries(
      [...block!.matchAll(/^[ \t]+([A-Za-z]+):[ \t]*(true|false)[ \t]*$/gm)].map((match) => [match[1]!, match[2] === 'true']),
    );
    expect(fuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
    });
    expect(config).toMatch(/^asar: true$/m);
  });
});
