// Entry point of `npm run preview`: the built renderer and the services on 127.0.0.1, for the browsers that open
// the one-time URLs it prints.
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { defaultDataFolder } from '../app-paths';
import { PROJECT_ROOT } from '../project-root';
import { readDoorKey } from '../security/key-source';
import { ANCHOR_KEY_ENV, readDoorAnchorKey } from '../security/anchor-key';
import { chooseDatabasePath, openServices, type OpenServices } from '../services/open-services';
import { isPostgresUrl, openServerServices } from '../services/open-server-services';
import type { Db } from '../db/open-database';
import { logFolderOf } from '../logging/file-log';
import { startBackupTimer } from './backup-timer';
import { runningClockFrom } from './running-clock';
import { isOpenRefusal } from './open-refusal';
import { readDoorServerLogin } from '../security/server-login-file';
import { startPreviewServer } from './preview-server';
import { newCoordinatorSession } from '../services/sessions/coordinator-session';

const { values } = parseArgs({
  options: {
    db: { type: 'string' },
    port: { type: 'string', default: '4780' },
    'key-file': { type: 'string' },
    'anchor-key-file': { type: 'string' },
    'login-file': { type: 'string' },
    'dev-key': { type: 'boolean', default: false },
    /** --now 2027-03-10T18:00:00+09:00: the services' clock starts there (and runs on), for e2e tests and demos
     * of a given day. */
    now: { type: 'string' },
    help: { type: 'boolean', default: false },
  },
});
if (values.help) {
  console.log(`npm run preview -- [--dev-key | --key-file FILE] [--db FILE] [--port N] [--now INSTANT]

Serves ClinicDesk on http://127.0.0.1:PORT (4780) and prints a URL with a one-time ?token=: open it in one
browser, which then has a session (a cookie); the token works once, and the next URL is printed for another
browser. Without a session the page says to open the printed URL, and every call is refused (401).
  --dev-key        a development key kept beside the data (no protection; for trying the app)
  --key-file FILE  the database key (or CLINICDESK_KEY)
  --db FILE|URL    the database file, or a clinic server's postgres:// URL (or CLINICDESK_DB; default: the
                   app's data folder)
  --now INSTANT    the services' clock starts there, e.g. 2027-03-10T18:00:00+09:00
  --login-file FILE  with a clinic server's URL: this PC's database login (or CLINICDESK_LOGIN_FILE), as
                   \`npm run cli -- server add-login\` wrote it`);
  process.exit(0);
}
const staticRoot = join(PROJECT_ROOT, 'out', 'preview');
const databasePath = chooseDatabasePath(values.db, defaultDataFolder());
/** --dev-key: a key kept in a file beside the database. It protects nothing; it is for trying the app. */
const devKeyFile = join(dirname(databasePath), 'clinicdesk-dev.key');
const clock = values.now === undefined ? undefined : clockOption(values.now);

function clockOption(text: string) {
  // An instant with its offset, so "today in Korea" is the same on every machine.
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(text) || Number.isNaN(Date.parse(text))) {
    console.error(`--now takes a date and time with its offset, e.g. 2027-03-10T18:00:00+09:00 (got "${text}")`);
    process.exit(2);
  }
  return runningClockFrom(new Date(text));
}

let services: OpenServices<Db | null>;
try {
  const key = readDoorKey({
    keyFile: values['key-file'],
    devKeyFile: values['dev-key'] ? devKeyFile : undefined,
    hint: 'To try the app with a development key kept beside the data (no protection): npm run preview -- --dev-key',
  });
  // Optional: without it nothing is anchored, and the startup line says so.
  const anchorKey = readDoorAnchorKey({ anchorKeyFile: values['anchor-key-file'], databaseKey: key });
  // A libpq URL names the clinic server (docs/clinic-server.md); the PC's own folder keeps photos and anchors.
  const login = isPostgresUrl(databasePath) ? readDoorServerLogin(values['login-file'], key) : undefined;
  services = isPostgresUrl(databasePath)
    ? await openServerServices({
        url: databasePath,
        dataFolder: defaultDataFolder(),
        key,
        anchorKey,
        ...(login ? { login } : {}),
        handoutWorkers: true,
        offThreadJobs: true,
        requireSignIn: true,
        door: 'preview',
        logFiles: true,
        ...(clock ? { now: clock.now } : {}),
      })
    : openServices({
        databasePath,
        key,
        anchorKey,
        door: 'preview',
        handoutWorkers: true,
        offThreadJobs: true,
        checkInBackground: true,
        requireSignIn: true,
        logFiles: true,
        ...(clock ? { now: clock.now } : {}),
      });
} catch (error) {
  if (!isOpenRefusal(error)) throw error;
  console.error(error.message);
  process.exit(2);
}
// Each printed URL opens a session for one browser, once; when it is spent, the next is printed for the next
// browser. Only whoever reads this terminal (the OS user who started the preview) gets one.
const server = await startPreviewServer({
  dispatchIn: services.dispatchIn,
  newSession: newCoordinatorSession,
  onTokenRedeemed: () => console.log(`Another browser: ${server.newTokenUrl()}`),
  staticRoot,
  port: Number(values.port),
  log: services.context.log,
});
const stopBackups = startBackupTimer(services, console.log, services.context.log);

// A stop closes the services, which releases the database for a restore; installed before the URL is printed, so
// anything that waits for the URL can stop the preview cleanly.
const stop = () => {
  stopBackups();
  void server
    .close()
    .then(() => services.close())
    .then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);

console.log(`ClinicDesk preview: ${server.newTokenUrl()}`);
console.log('  (open it in one browser: the address works once; a browser without it gets a page saying so)');
console.log(`Database: ${services.context.databasePath}`);
console.log(`Support log: ${logFolderOf(services.context.databasePath)}`);
if (clock) console.log(`Clock: from ${clock.now().toISOString()} (--now)`);
if (!services.context.anchors.keyed) {
  console.log(`Audit anchors: none (no --anchor-key-file or ${ANCHOR_KEY_ENV}); a cut or rewritten audit log cannot be detected`);
}
if (values['dev-key'] && values['key-file'] === undefined && !process.env.CLINICDESK_KEY) {
  console.log(`Development key: ${devKeyFile} (beside the data: no protection; not for real patients)`);
}
