// The default handout folder is in the user's Documents, never beside the encrypted database.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultHandoutFolder, documentsFolder } from '../../../src/main/files/documents-folder';
import { openTempServices } from '../../support/temp-services';

let home: string;
beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'clinicdesk-home-'));
});
afterEach(() => rmSync(home, { recursive: true, force: true }));

describe('documentsFolder', () => {
  it('is ~/Documents on Windows, macOS and a Linux without XDG settings', () => {
    expect(documentsFolder('win32', {}, home)).toBe(join(home, 'Documents'));
    expect(documentsFolder('darwin', { XDG_DOCUMENTS_DIR: '/elsewhere' }, home)).toBe(join(home, 'Documents'));
    expect(documentsFolder('linux', {}, home)).toBe(join(home, 'Documents'));
  });

  it('follows XDG_DOCUMENTS_DIR on Linux: the environment first, then user-dirs.dirs', () => {
    expect(documentsFolder('linux', { XDG_DOCUMENTS_DIR: '/data/docs' }, home)).toBe('/data/docs');
    const config = join(home, '.config');
    mkdirSync(config);
    writeFileSync(join(config, 'user-dirs.dirs'), 'XDG_DESKTOP_DIR="$HOME/Desktop"\nXDG_DOCUMENTS_DIR="$HOME/문서"\n');
    expect(documentsFolder('linux', {}, home)).toBe(join(home, '문서'));
    // Set to $HOME itself means "no documents folder".
    writeFileSync(join(config, 'user-dirs.dirs'), 'XDG_DOCUMENTS_DIR="$HOME/"\n');
    expect(documentsFolder('linux', {}, home)).toBe(join(home, 'Documents'));
  });

  it('names the handouts folder inside it', () => {
    expect(defaultHandoutFolder('linux', { XDG_DOCUMENTS_DIR: '/data/docs' }, home)).toBe('/data/docs/ClinicDesk handouts');
  });
});

describe('the defaultHandoutFolder channel', () => {
  it('answers a folder outside the data folder', async () => {
    const services = openTempServices();
    try {
      const result = await services.dispatch('defaultHandoutFolder', {});
      expect(result).toEqual({ ok: true, value: { folder: defaultHandoutFolder() } });
      expect(defaultHandoutFolder().startsWith(services.folder)).toBe(false);
    } finally {
      services.dispose();
    }
  });
});
