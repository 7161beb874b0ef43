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
    const entriesOf = (storage: Storage) => Object.keys(storage).map((key) => `${key}=${storage.getItem(key) ?? ''}`);
    return {
      entries: [...entriesOf(localStorage), ...entriesOf(sessionStorage)],
      localStorageKeys: Object.keys(localStorage),
      indexedDbNames: (await indexedDB.databases()).map((database) => database.name ?? ''),
    };
  });
}
