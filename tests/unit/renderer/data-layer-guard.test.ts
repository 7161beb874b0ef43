// Guards of the renderer's data layer: reads go through the query cache, not hand-written effects that guard
// late answers with a flag; the catalog is read only through the shared query (once for every screen); a change
// of settings or profiles is an invalidation, not the signed-out event reused.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const RENDERER = fileURLToPath(new URL('../../../src/renderer/src', import.meta.url));

function sources(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

const files = sources(RENDERER).map((path) => ({ path: relative(RENDERER, path), text: readFileSync(path, 'utf8') }));
const offenders = (pattern: RegExp, except: readonly string[] = []) =>
  files.filter(({ path, text }) => pattern.test(text) && !except.includes(path)).map(({ path }) => path);

describe('the renderer reads through the query cache', () => {
  it('finds the renderer sources (the guard looks somewhere)', () => {
    expect(files.length).toBeGreaterThan(40);
    expect(offenders(/useQuery\(/).length).toBeGreaterThan(5);
  });

  it('has no effect guarding late answers with a flag', () => {
    expect(offenders(/let\s+current\s*=\s*true/)).toEqual([]);
  });

  it('reads the catalog only through the shared query', () => {
    expect(offenders(/api\.getCatalog\(|channelQuery\('getCatalog'/, ['api/reads.ts'])).toEqual([]);
  });

  it('announces no change of settings or profiles with the signed-out event', () => {
    expect(offenders(/announceSessionChange|SESSION_CHANGED/)).toEqual([]);
    // The event is sent by the client when the services refuse a call for want of a sign-in, and heard by the session.
    expect(offenders(/SIGNED_OUT_EVENT/)).toEqual(['api/client.ts', 'app/use-coordinator-session.ts']);
  });
});
