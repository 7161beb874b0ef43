// The writer the crash-safety harness kills: it writes patients (each one transaction: the patient, its consents
// and its search text), every other one with a photo (the encrypted file first, then its row), and every third
// write forces a WAL checkpoint, so a SIGKILL can land in a commit, a photo write or a checkpoint (a run lives a
// few hundred milliseconds, so these come often). After each
// commit returns it prints one line to stdout; the harness trusts only what was printed.
//   patient <id>          the createPatient transaction committed
//   photo <id> <sha256>   the photo file is in place and its row committed
//   checkpoint            a checkpoint finished
// Database and key: CLINICDESK_DB and CLINICDESK_KEY.
import { writeSync } from 'node:fs';
import sharp from 'sharp';
import { parseDatabaseKey } from '../../src/main/security/database-key';
import { openServices } from '../../src/main/services/open-services';
import { generatePatients } from '../generate-patients';

// Written with writeSync: a line reported is a line in the pipe, not in a buffer the kill would throw away.
const say = (line: string) => writeSync(1, `${line}\n`);

const key = parseDatabaseKey(process.env.CLINICDESK_KEY ?? '', 'CLINICDESK_KEY');
const services = openServices({ databasePath: process.env.CLINICDESK_DB!, key });
const patients = generatePatients(200, process.pid);
say('ready');

for (let n = 0; ; n++) {
  const created = await services.dispatch('createPatient', { patient: patients[n % patients.length]! });
  if (!created.ok) throw new Error(`createPatient failed: ${JSON.stringify(created.error)}`);
  const { id } = created.value;
  say(`patient ${id}`);
  if (n % 2 === 0) {
    const image = await sharp({
      create: { width: 640, height: 480, channels: 3, background: { r: n % 256, g: process.pid % 256, b: (n * 7) % 256 } },
    })
      .jpeg()
      .toBuffer();
    const added = await services.dispatch('addPhoto', {
      patientId: id,
      visitDate: '2026-11-24',
      angle: 'front',
      dataBase64: image.toString('base64'),
    });
    if (!added.ok) throw new Error(`addPhoto failed: ${JSON.stringify(added.error)}`);
    const photo = added.value;
    say(`photo ${photo.id} ${photo.sha256}`);
  }
  if (n % 3 === 1) {
    services.context.db.pragma('wal_checkpoint(TRUNCATE)');
    say('checkpoint');
  }
}
