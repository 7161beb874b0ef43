// Entry point of `npm run preview`: the built renderer and the services on 127.0.0.1.
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { defaultDataFolder } from '../app-paths';
import { DatabaseTooNewError } from '../db/open-database';
import { chooseDatabasePath, openServices } from '../services/open-services';
import { startPreviewServer } from './preview-server';

const { values } = parseArgs({ options: { db: { type: 'string' }, port: { type: 'string', default: '4780' } } });
const staticRoot = fileURLToPath(new URL('../../../out/preview', import.meta.url));

let services;
try {
  services = openServices({ databasePath: chooseDatabasePath(values.db, defaultDataFolder()) });
} catch (error) {
  if (!(error instanceof DatabaseTooNewError)) throw error;
  console.error(error.message);
  process.exit(2);
}
const server = await startPreviewServer({ dispatch: services.dispatch, staticRoot, port: Number(values.port) });
console.log(`ClinicDesk preview: ${server.url}`);
console.log(`Database: ${services.context.databasePath}`);

const stop = () => {
  void server.close().then(() => {
    services.close();
    process.exit(0);
  });
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
