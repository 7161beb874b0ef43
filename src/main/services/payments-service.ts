// Payments: a patient's deposits, payments and refunds as records, each numbered for its receipt in the
// transaction that keeps it (with its audit entry); a mistake corrected by a reversing record; the balance against
// the latest quote sent. Agencies: saved only within the legal cap and with a registration in force; what an agency
// is owed for a patient, from the payments received.
import type { Handlers } from '../../shared/contract';
import { fail, invalid, issue, ok } from '../../shared/contract';
import type { ListedAgency, ListedPayment } from '../../shared/contract/payments';
import { CLINIC_TIME_ZONE, todayIn } from '../../shared/domain/intake/calendar-date';
import { agencyRefusals, type AgencyInput } from '../../shared/domain/payments/agency';
import { balanceOf, reversedIds, type QuotedTotal } from '../../shared/domain/payments/balance';
import { commissionOf } from '../../shared/domain/payments/commission';
import { capFor } from '../../shared/domain/payments/commission-caps';
import { recordFromEntry, reversalOf, type NewPaymentRecord, type PaymentIssue } from '../../shared/domain/payments/payment-entry';
import { moneyDirection, type PaymentRecord } from '../../shared/domain/payments/payment-record';
import { paymentsReport } from '../../shared/domain/payments/payments-report';
import { DEFAULT_BRANCH, formatReceiptNumber } from '../../shared/domain/payments/receipt-number';
import type { ClinicSettings } from '../../shared/domain/settings/clinic-settings';
import { commissionCaps } from '../content/commission-caps';
import type { StoredAgency } from '../db/repositories/agencies-repository';
import type { Repositories, Tx } from '../db/store/store';
import { refuseIfRestricted } from './patients-service';
import { clinicSettingsOf, quoteVersionsOf } from './plan-service';
import type { ServiceContext } from './service-context';

/** The total of the newest quote the patient was sent, with its home currency and rate: what "quoted" means. */
export async function latestQuoted(tx: Repositories, patientSeq: number): Promise<QuotedTotal | null> {
  const [newest] = await quoteVersionsOf(tx, patientSeq);
  if (!newest) return null;
  const { home } = newest.quote;
  return {
    version: newest.version,
    totalKrw: newest.quote.totalKrw,
    home: home && { currency: home.currency, krwPerUnit: home.krwPerUnit },
  };
}

const listed = (records: readonly PaymentRecord[]): ListedPayment[] => {
  const reversed = reversedIds(records);
  return records.map((record) => ({ ...record, reversed: reversed.has(record.id) }));
};

const refused = (issues: readonly PaymentIssue[], prefix: readonly (string | number)[]) =>
  invalid(issues.map((found) => issue([...prefix, ...found.path], found.code)));

export function createPaymentsService(context: ServiceContext) {
  const today = () => todayIn(CLINIC_TIME_ZONE, context.now());
  const cap = (settings: ClinicSettings) => capFor(commissionCaps(), settings.clinicKind ?? 'clinic');
  const withFlags = (agency: StoredAgency, settings: ClinicSettings): ListedAgency => ({
    ...agency,
    flags: agencyRefusals(agency, cap(settings), today(), settings.prices).map((refusal) => refusal.code),
  });
  const missing = (patientId: string) => fail('not_found', `No patient with id ${patientId}.`);

  /** Keeps a new record with the next receipt number of its branch and year, and its audit entry, in `tx`. */
  async function keep(
    tx: Tx,
    patientId: string,
    patientSeq: number,
    made: NewPaymentRecord,
    records: readonly PaymentRecord[],
  ): Promise<ListedPayment> {
    const year = Number(today().slice(0, 4));
    const sequence = await tx.payments.nextReceiptNumber(DEFAULT_BRANCH, year);
    const record: PaymentRecord = {
      ...made,
      id: context.newId(),
      receiptNumber: formatReceiptNumber(DEFAULT_BRANCH, year, sequence),
      recordedAt: context.now().toISOString(),
    };
    const reverses = made.linkedTo === null ? null : (records.find((other) => other.id === made.linkedTo)?.kind ?? null);
    await tx.payments.add(patientSeq, record, moneyDirection(record.kind, made.kind === 'correction' ? reverses : null), {
      branch: DEFAULT_BRANCH,
      year,
      sequence,
    });
    await tx.audit.record(made.kind === 'correction' ? 'payment.reverse' : 'payment.record', patientId, [
      `receipt-${record.receiptNumber}`,
    ]);
    return { ...record, reversed: false };
  }

  /** The patient's seq, records and quote versions, or a refusal (no such patient, a restricted record). */
  async function patientPayments(tx: Tx, patientId: string) {
    const seq = await tx.patients.seqOf(patientId);
    if (seq === undefined) return { found: false, refusal: missing(patientId) } as const;
    const restricted = await refuseIfRestricted(tx, patientId, ['patientId']);
    if (restricted) return { found: false, refusal: restricted } as const;
    const records = await tx.payments.ofPatient(seq);
    const quoteVersions = (await tx.quotes.versions(seq)).map((version) => version.version);
    return { found: true, seq, records, quoteVersions, takenBy: await context.actor(tx) } as const;
  }

  async function saveAgency(tx: Tx, id: string | undefined, expectedVersion: number | undefined, agency: AgencyInput) {
    const settings = await clinicSettingsOf(tx);
    const refusals = agencyRefusals(agency, cap(settings), today(), settings.prices);
    if (refusals.length > 0) return invalid(refusals.map((refusal) => issue(['agency', ...refusal.path], refusal.code)));
    const taken = await tx.agencies.byRegistration(agency.registrationNumber);
    if (taken && taken.id !== id) return invalid([issue(['agency', 'registrationNumber'], 'duplicate')]);
    const now = context.now().toISOString();
    const agencyId = id ?? context.newId();
    if (id === undefined) await tx.agencies.insert(agencyId, agency, now);
    else if ((await tx.agencies.update(id, agency, expectedVersion!, now)) === 'conflict') {
      return (await tx.agencies.get(id))
        ? fail('conflict', 'This agency was saved elsewhere after you opened it.')
        : fail('not_found', `No agency with id ${id}.`);
    }
    await tx.audit.record('agency.save', null, [`agency-${agencyId}`]);
    return ok(withFlags((await tx.agencies.get(agencyId))!, settings));
  }

  const handlers = {
    async recordPayment({ patientId, entry }) {
      return context.store.transaction(async (tx) => {
        const found = await patientPayments(tx, patientId);
        if (!found.found) return found.refusal;
        const made = recordFromEntry(entry, { ...found, today: today() });
        if ('issues' in made) return refused(made.issues, ['entry']);
        return ok(await keep(tx, patientId, found.seq, made.record, found.records));
      });
    },

    async reversePayment({ patientId, paymentId, reason }) {
      return context.store.transaction(async (tx) => {
        const found = await patientPayments(tx, patientId);
        if (!found.found) return found.refusal;
        const made = reversalOf(paymentId, reason, { ...found, today: today() });
        if ('issues' in made) return refused(made.issues, []);
        return ok(await keep(tx, patientId, found.seq, made.record, found.records));
      });
    },

    async listPayments({ patientId }) {
      const found = await context.store.read(async (tx) => {
        const seq = await tx.patients.seqOf(patientId);
        if (seq === undefined) return null;
        return { records: await tx.payments.ofPatient(seq), quoted: await latestQuoted(tx, seq) };
      });
      if (!found) return missing(patientId);
      return ok({ records: listed(found.records), balance: balanceOf(found.records, found.quoted) });
    },

    async getBalance({ patientId }) {
      const found = await context.store.read(async (tx) => {
        const seq = await tx.patients.seqOf(patientId);
        if (seq === undefined) return null;
        return balanceOf(await tx.payments.ofPatient(seq), await latestQuoted(tx, seq));
      });
      return found ? ok(found) : missing(patientId);
    },

    async listAgencies() {
      return ok(
        await context.store.read(async (tx) => {
          const settings = await clinicSettingsOf(tx);
          return { agencies: (await tx.agencies.list()).map((agency) => withFlags(agency, settings)), cap: cap(settings) };
        }),
      );
    },

    async saveAgency({ id, expectedVersion, agency }) {
      return context.store.transaction((tx) => saveAgency(tx, id, expectedVersion, agency));
    },

    async archiveAgency({ id, expectedVersion }) {
      return context.store.transaction(async (tx) => {
        const now = context.now().toISOString();
        if ((await tx.agencies.archive(id, expectedVersion, now)) === 'conflict') {
          return (await tx.agencies.get(id))
            ? fail('conflict', 'This agency was saved elsewhere after you opened it.')
            : fail('not_found', `No agency with id ${id}.`);
        }
        await tx.audit.record('agency.archive', null, [`agency-${id}`]);
        return ok(withFlags((await tx.agencies.get(id))!, await clinicSettingsOf(tx)));
      });
    },

    async getPatientCommission({ patientId }) {
      const found = await context.store.read(async (tx) => {
        const record = await tx.patients.get(patientId);
        const seq = await tx.patients.seqOf(patientId);
        if (!record || seq === undefined) return null;
        const referral = record.patient.referral;
        const agency =
          referral?.route === 'agency' ? await tx.agencies.byRegistration(referral.agencyRegistrationNumber.trim()) : undefined;
        return { agency, records: agency ? await tx.payments.ofPatient(seq) : [], settings: await clinicSettingsOf(tx) };
      });
      if (!found) return missing(patientId);
      if (!found.agency) return ok({ agency: null, commission: null });
      return ok({
        agency: withFlags(found.agency, found.settings),
        commission: commissionOf(found.records, found.agency, cap(found.settings), today()),
      });
    },

    async getPaymentsReport({ from, to }) {
      const groups = await context.store.read((tx) => tx.payments.totalsBetween(from, to));
      return ok(paymentsReport(from, to, groups));
    },
  } satisfies Pick<
    Handlers,
    | 'recordPayment'
    | 'reversePayment'
    | 'listPayments'
    | 'getBalance'
    | 'listAgencies'
    | 'saveAgency'
    | 'archiveAgency'
    | 'getPatientCommission'
    | 'getPaymentsReport'
  >;
  return handlers;
}
