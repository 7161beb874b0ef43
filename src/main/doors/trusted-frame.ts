// Which frames may call the IPC door: only the app's own page, loaded in the top frame. An iframe, a page the
// window was navigated to, or a devtools extension gets "forbidden", whatever it sends.

export interface FrameLike {
  readonly url: string;
  /** null for a window's top frame. */
  readonly parent: unknown;
}

/** `appUrl` is what the window loaded: the built renderer (app://clinicdesk/) or the dev server (http:). */
export function isTrustedFrame(frame: FrameLike | null | undefined, appUrl: string): boolean {
  if (!frame || frame.parent !== null) return false;
  let actual: URL;
  let expected: URL;
  try {
    actual = new URL(frame.url);
    expected = new URL(appUrl);
  } catch {
    return false;
  }
  if (actual.protocol !== expected.protocol) return false;
  if (expected.protocol === 'file:') return actual.pathname === expected.pathname && actual.host === expected.host;
  // A scheme of our own (app://clinicdesk) has the opaque origin "null" in Node's URL: compare the host instead.
  if (expected.protocol === 'app:') return actual.host === expected.host;
  return actual.origin === expected.origin;
}
