// The composition root every door uses: open the database and the photo store in a data folder, build the
// handlers, hand back one dispatch function.
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { openDatabase } from '../db/open-database';
import { createPhotoStore } from '../photos/photo-store';
import { createHandoutPool } from '../handouts/handout-pool';
import { createDispatch, type Dispatch } from './dispatch';
import { createHandlers } from './handlers';
import { createServiceContext, type ServiceContext } from './service-context';

export const DATABASE_FILE_NAME = 'clinicdesk.sqlite';

export interface OpenServices {
  readonly dispatch: Dispatch;
  readonly context: ServiceContext;
  close(): void;
}

export interface OpenOptions {
  /** The database file; photos are stored in a folder beside it. */
  readonly databasePath: string;
  readonly now?: () => Date;
  /** Make handouts in worker threads (the app, the preview and batch CLI runs), off the event loop that serves requests. */
  readonly handoutWorkers?: boolean;
}

export function openServices(options: OpenOptions): OpenServices {
  const databasePath = resolve(options.databasePath);
  mkdirSync(dirname(databasePath), { recursive: true });
  const db = openDatabase(databasePath);
  const photoStore = createPhotoStore(join(dirname(databasePath), 'clinicdesk-photos'));
  const pool = options.handoutWorkers ? createHandoutPool() : null;
  const context = createServiceContext({
    db,
    databasePath,
    photoStore,
    ...(options.now ? { now: options.now } : {}),
    ...(pool ? { renderHandout: pool.make } : {}),
  });
  return {
    dispatch: createDispatch(createHandlers(context)),
    context,
    close: () => {
      void pool?.close();
      db.close();
    },
  };
}

/** --db FILE, else CLINICDESK_DB, else the app's own data folder. */
export function chooseDatabasePath(flag: string | undefined, defaultFolder: string): string {
  return flag ?? process.env.CLINICDESK_DB ?? join(defaultFolder, DATABASE_FILE_NAME);
}
