// The app itself: where the data is, seeding the demo patients, and the support bundle.
import { join } from 'node:path';
import type { Handlers } from '../../shared/contract';
import { invalid, issue, ok } from '../../shared/contract';
import { SCHEMA_VERSION } from '../db/open-database';
import { writePrivateFile } from '../files/write-private-file';
import { buildDiagnosticsBundle, diagnosticsFileName } from '../logging/diagnostics-bundle';
import { loadDemoPatients } from './demo-patients';
import { clinicToday } from './patients-service';
import type { ServiceContext } from './service-context';

export const APP_VERSION = '0.1.0';

export function createAppService(context: ServiceContext) {
  const handlers = {
    async getAppInfo() {
      return ok({
        appVersion: APP_VERSION,
        schemaVersion: SCHEMA_VERSION,
        databasePath: context.databasePath,
        patientCount: await context.store.read((tx) => tx.patients.count()),
        clinicToday: clinicToday(context),
        databaseCheck: context.databaseCheck(),
      });
    },
    async seedDemoPatients() {
      // The demo file is read and checked before the transaction that adds its patients.
      const patients = loadDemoPatients(clinicToday(context));
      const now = context.now().toISOString();
      await context.store.transaction(async (tx) => {
        for (const patient of patients) {
          const id = context.newId();
          await tx.patients.insert(id, { ...patient, id }, now);
          await tx.audit.record('patient.create', id);
        }
      });
      return ok({ created: patients.length });
    },
    async saveDiagnostics({ folder }) {
      const bundle = await buildDiagnosticsBundle(context, APP_VERSION);
      const path = join(folder, diagnosticsFileName(context.now()));
      try {
        writePrivateFile(path, bundle.zip);
      } catch {
        return invalid([issue(['folder'], 'folder_not_writable')]);
      }
      context.log.diagnosticsSaved({ files: bundle.entries.length, bytes: bundle.zip.length });
      return ok({ path, bytes: bundle.zip.length, entries: bundle.entries });
    },
  } satisfies Pick<Handlers, 'getAppInfo' | 'seedDemoPatients' | 'saveDiagnostics'>;
  return handlers;
}
