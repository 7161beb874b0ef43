// What the page keeps in the browser's own storage, read in the page: patient data must live only in the
// encrypted database, so a deletion request reaches all of it.
import type { Page } from '@playwright/test';

export interface BrowserStorage {
  /** Every localStorage and sessionStorage entry, as "key=value". */
  readonly entries: readonly string[];
  readonly localStorageKeys: readonly string[];
  readonly indexedDbNames: readonly string[];
}

export async function browserStorage(page: Page): Promise<BrowserStorage> {
  return page.evaluate(async () => {
    // The page's globals, typed here: these tests compile without the DOM's types.
    interface KeyValueStorage {
      getItem(key: string): string | null;
    }
    const win = globalThis as unknown as {
      localStorage: KeyValueStorage;
      sessionStorage: KeyValueStorage;
      indexedDB: { databases(): Promise<{ name?: string }[]> };
    };
    const entriesOf = (storage: KeyValueStorage) => Object.keys(storage).map((key) => `${key}=${storage.getItem(key) ?? ''}`);
    return {
      entries: [...entriesOf(win.localStorage), ...entriesOf(win.sessionStorage)],
      localStorageKeys: Object.keys(win.localStorage),
      indexedDbNames: (await win.indexedDB.databases()).map((database) => database.name ?? ''),
    };
  });
}
