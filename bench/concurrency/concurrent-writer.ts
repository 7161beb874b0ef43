// One of the writers of the concurrency check (concurrent-saves.ts): until its deadline it opens one of the shared
// patients, or their plans, changes it and saves it with the version it read, through the services as a door
// would. It prints one line per outcome; the check trusts only what was printed.
//   patient <id> <version> <stayAddress>   updatePatient answered ok with that version and value
//   plan <id> <version> <marker>           savePatientPlan answered ok with that version
//   conflict                               the save was refused as a conflict (the edit kept as a draft)
//   failed <code>                          anything else
// Database and key: CLINICDESK_DB and CLINICDESK_KEY; ids: CLINICDESK_IDS (comma separated); CLINICDESK_FROM and CLINICDESK_UNTIL: epoch ms.
import { writeSync } from 'node:fs';
import { parseDatabaseKey } from '../../src/main/security/database-key';
import { openFor } from './concurrent-saves';

const say = (line: string) => writeSync(1, `${line}\n`);

const key = parseDatabaseKey(process.env.CLINICDESK_KEY ?? '', 'CLINICDESK_KEY');
const services = await openFor(process.env.CLINICDESK_DB!, key, `writer ${process.pid}`);
const ids = (process.env.CLINICDESK_IDS ?? '').split(',');
const from = Number(process.env.CLINICDESK_FROM);
const until = Number(process.env.CLINICDESK_UNTIL);
say('ready');
// All writers start together, once every process is up.
await new Promise((resolve) => setTimeout(resolve, Math.max(0, from - Date.now())));

for (let n = 0; Date.now() < until; n++) {
  const id = ids[Math.floor(Math.random() * ids.length)]!;
  const marker = `${process.pid}-${n}`;
  if (n % 2 === 0) {
    const opened = await services.dispatch('getPatient', { id });
    if (!opened.ok) {
      say(`failed ${opened.error.code}`);
      continue;
    }
    const record = opened.value;
    const patient = { ...record.patient, trip: { ...record.patient.trip, stayAddress: marker } };
    const saved = await services.dispatch('updatePatient', { id, expectedVersion: record.version, patient });
    if (saved.ok) say(`patient ${id} ${saved.value.version} ${marker}`);
    else say(saved.error.code === 'conflict' ? 'conflict' : `failed ${saved.error.code}`);
  } else {
    const opened = await services.dispatch('getPatientPlan', { patientId: id });
    if (!opened.ok) {
      say(`failed ${opened.error.code}`);
      continue;
    }
    const current = opened.value;
    // The marker rides in the exchange rate's source: a field that changes nothing else of the plan.
    const plan = { ...current.plan, rate: { krwPerUnit: '1000', date: '2026-11-24', source: marker } };
    const saved = await services.dispatch('savePatientPlan', { patientId: id, expectedVersion: current.version, plan });
    if (saved.ok) say(`plan ${id} ${saved.value.version} ${marker}`);
    else say(saved.error.code === 'conflict' ? 'conflict' : `failed ${saved.error.code}`);
  }
}
await services.close();
say('done');
