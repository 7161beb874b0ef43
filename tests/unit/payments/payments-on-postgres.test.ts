// The payment channels on the clinic server answer as on the SQLite file: the same records, balance, agencies,
// commission and report, from the same calls (ids aside, which each store makes afresh; they are read as the
// receipt numbers they belong to).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Channel, InputOf, OutputOf, Result } from '../../../src/shared/contract';
import { openServerServices } from '../../../src/main/services/open-server-services';
import { COORDINATOR_SETTING } from '../../../src/main/services/service-context';
import { usePostgres } from '../../support/postgres/use-postgres';
import { FIXED_NOW, fixtureIntake, openTempServices, type TempServices } from '../../support/temp-services';
import { TEST_KEY } from '../../support/test-key';

type Dispatch = <C extends Channel>(channel: C, input: InputOf<C>) => Promise<Result<OutputOf<C>>>;

/** The same calls on either back end; what they answered, ids replaced by the receipt numbers they stand for. */
async function script(dispatch: Dispatch, setCoordinator: () => Promise<void>): Promise<unknown> {
  const call = async <C extends Channel>(channel: C, input: InputOf<C>): Promise<OutputOf<C>> => {
    const result = await dispatch(channel, input);
    if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result.error)}`);
    return result.value;
  };
  await setCoordinator();
  const patient = {
    ...fixtureIntake('ar'),
    homeCurrency: 'SAR',
    trip: { arrival: '2026-11-20', departure: '2026-12-05', stayAddress: '' },
    referral: { route: 'agency' as const, agencyName: 'Gulf Care Travel', agencyRegistrationNumber: 'A-2024-0117' },
  };
  const patientId = (await call('createPatient', { patient })).id;
  await call('savePatientPlan', {
    patientId,
    expectedVersion: 0,
    plan: {
      items: [{ treatment: 'rejuran-healer', date: '2026-11-25' }],
      rate: { krwPerUnit: '366.5', date: '2026-11-23', source: 'bank' },
    },
  });
  await call('markQuoteSent', { patientId, expectedVersion: 1 });
  const entry = { date: '2026-11-24', method: 'card' as const, currency: 'KRW' };
  const deposit = await call('recordPayment', {
    patientId,
    entry: { ...entry, kind: 'deposit', method: 'bank_transfer', amount: '100000' },
  });
  const card = await call('recordPayment', {
    patientId,
    entry: {
      ...entry,
      kind: 'payment',
      amount: '150000',
      lines: [
        { service: 'medical', treatment: 'rejuran-healer', krw: 120_000 },
        { service: 'transport', krw: 30_000 },
      ],
    },
  });
  await call('recordPayment', {
    patientId,
    entry: {
      kind: 'payment',
      date: '2026-11-24',
      method: 'foreign_cash',
      currency: 'SAR',
      amount: '200.00',
      rate: { krwPerUnit: '375', date: '2026-11-23', source: 'bank' },
    },
  });
  await call('recordPayment', { patientId, entry: { ...entry, kind: 'refund', amount: '50000', refundOf: card.id, reason: 'cancelled' } });
  await call('reversePayment', { patientId, paymentId: deposit.id, reason: 'bounced' });
  const refused = await dispatch('saveAgency', {
    agency: {
      name: 'Gulf Care',
      registrationNumber: 'A-2024-0117',
      registrationExpires: '2028-12-31',
      terms: { kind: 'rate', percent: 31 },
    },
  });
  await call('saveAgency', {
    agency: {
      name: 'Gulf Care',
      registrationNumber: 'A-2024-0117',
      registrationExpires: '2028-12-31',
      terms: { kind: 'rate', percent: 20 },
    },
  });
  const listed = await call('listPayments', { patientId });
  const numberOf = new Map(listed.records.map((record) => [record.id, record.receiptNumber]));
  const agencies = await call('listAgencies', {});
  const commission = await call('getPatientCommission', { patientId });
  return {
    records: listed.records.map(({ id: _id, recordedAt: _at, linkedTo, ...record }) => ({
      ...record,
      linkedTo: linkedTo && numberOf.get(linkedTo),
    })),
    balance: listed.balance,
    refused: !refused.ok && refused.error.issues,
    agencies: agencies.agencies.map(({ id: _id, ...agency }) => agency),
    cap: agencies.cap,
    commission: { ...commission, agency: commission.agency && { ...commission.agency, id: undefined } },
    report: await call('getPaymentsReport', { from: '2026-11-01', to: '2026-11-30' }),
  };
}

const postgres = usePostgres();
const folders: string[] = [];
let sqlite: TempServices | null = null;
afterEach(() => {
  sqlite?.dispose();
  sqlite = null;
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

describe.skipIf(!postgres.available)(postgres.title('payments on the clinic server'), () => {
  it('answer as on the SQLite file: records, balance, agencies, commission and report', async () => {
    sqlite = openTempServices();
    const local = sqlite;
    const onFile = await script(local.dispatch, () =>
      local.context.store.transaction((tx) => tx.plans.putSetting(COORDINATOR_SETTING, 'Park Ji-won', FIXED_NOW.toISOString())),
    );

    const dataFolder = mkdtempSync(join(tmpdir(), 'clinicdesk-pc-'));
    folders.push(dataFolder);
    const server = await openServerServices({ url: await postgres.createDatabase(), dataFolder, key: TEST_KEY, now: () => FIXED_NOW });
    try {
      const onServer = await script(server.dispatch, () =>
        server.context.store.transaction((tx) => tx.plans.putSetting(COORDINATOR_SETTING, 'Park Ji-won', FIXED_NOW.toISOString())),
      );
      expect(onServer).toEqual(onFile);
      // And the answers are the ones the file's own tests check, not two equal mistakes.
      expect(onFile).toMatchObject({
        balance: { paidKrw: 225_000, refundedKrw: 50_000, dueKrw: 125_000 },
        commission: { commission: { medicalKrw: 145_000, owedKrw: 29_000 } },
      });
    } finally {
      await server.close();
    }
  }, 120_000);
});
