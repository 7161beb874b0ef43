// The CLI and the preview need Node 22.12 or newer: the database driver's prebuilt binary for older Node loads and
// then crashes the process with a segmentation fault and no message. This check runs before that module is loaded
// (the entry points import the door only after it), so an old Node gets a sentence instead of a crash.

export const MINIMUM_NODE = { major: 22, minor: 12 } as const;

/** The refusal for this Node version, or null when it is new enough. */
export function nodeVersionRefusal(version: string): string | null {
  const [major = 0, minor = 0] = version.replace(/^v/, '').split('.').map(Number);
  if (major > MINIMUM_NODE.major || (major === MINIMUM_NODE.major && minor >= MINIMUM_NODE.minor)) return null;
  return (
    `ClinicDesk needs Node ${MINIMUM_NODE.major}.${MINIMUM_NODE.minor} or newer; this is Node ${version.replace(/^v/, '')}. ` +
    'Install Node 22 (for example `npm install --prefix DIR node@22`, then put DIR/node_modules/.bin first on PATH).'
  );
}
