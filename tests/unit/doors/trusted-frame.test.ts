import { describe, expect, it } from 'vitest';
import { isTrustedFrame } from '../../../src/main/doors/trusted-frame';

const built = 'file:///Applications/ClinicDesk.app/Contents/Resources/app.asar/out/renderer/index.html';
const dev = 'http://localhost:5173/';

describe('which frames may call the services', () => {
  it.each([
    [{ url: `${built}#/patients/x`, parent: null }, built, true],
    [{ url: built, parent: {} }, built, false], // the app page framed inside another page
    [{ url: 'file:///Users/x/Downloads/evil.html', parent: null }, built, false],
    [{ url: 'https://example.com/', parent: null }, built, false],
    [{ url: 'http://localhost:5173/#/patients', parent: null }, dev, true],
    [{ url: 'http://localhost:5174/', parent: null }, dev, false],
    [{ url: 'not a url', parent: null }, built, false],
  ])('%o against %s -> %s', (frame, appUrl, expected) => {
    expect(isTrustedFrame(frame, appUrl)).toBe(expected);
  });

  it('refuses a call with no frame (a destroyed one)', () => {
    expect(isTrustedFrame(null, built)).toBe(false);
  });
});
