// Where handouts and archives go unless the coordinator picks a folder: a folder of the user's Documents, where a
// person looks for a file to print or send. Not the data folder: that holds the encrypted database, and plain
// PDFs beside it would read as if they were protected like it.
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import { PRODUCT_NAME } from '../app-paths';

export const HANDOUT_FOLDER_NAME = `${PRODUCT_NAME} handouts`;

/** XDG_DOCUMENTS_DIR from user-dirs.dirs ("$HOME/Dokumente" or an absolute path), or null when none is set. */
function xdgUserDocuments(configHome: string, home: string): string | null {
  let text: string;
  try {
    text = readFileSync(join(configHome, 'user-dirs.dirs'), 'utf8');
  } catch {
    return null;
  }
  const line = /^XDG_DOCUMENTS_DIR="([^"]*)"/m.exec(text);
  if (!line) return null;
  const path = line[1]!.replace(/^\$HOME(?=\/|$)/, home);
  // xdg-user-dirs sets a folder to $HOME itself to mean "none"; a handout folder then goes in ~/Documents.
  return isAbsolute(path) && resolve(path) !== resolve(home) ? resolve(path) : null;
}

/** The user's Documents folder: XDG_DOCUMENTS_DIR on Linux where set (environment, then user-dirs.dirs). */
export function documentsFolder(platform: NodeJS.Platform = process.platform, env = process.env, home = homedir()): string {
  if (platform !== 'win32' && platform !== 'darwin') {
    const fromEnv = env.XDG_DOCUMENTS_DIR;
    if (fromEnv && isAbsolute(fromEnv)) return fromEnv;
    const fromFile = xdgUserDocuments(env.XDG_CONFIG_HOME ?? join(home, '.config'), home);
    if (fromFile) return fromFile;
  }
  return join(home, 'Documents');
}

export function defaultHandoutFolder(platform: NodeJS.Platform = process.platform, env = process.env, home = homedir()): string {
  return join(documentsFolder(platform, env, home), HANDOUT_FOLDER_NAME);
}
