// The app itself: where the data is, and seeding the demo patients.
import type { Handlers } from '../../shared/contract';
import { ok } from '../../shared/contract';
import { SCHEMA_VERSION } from '../db/open-database';
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
  } satisfies Pick<Handlers, 'getAppInfo' | 'seedDemoPatients'>;
  return handlers;
}
