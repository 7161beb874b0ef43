// One writer of the receipt-number check (tests/unit/stress/receipt-numbers.test.ts): from its start time it
// records CLINICDESK_COUNT payments on the shared patients through the services, as a door would; every fourth is a
// refund over what was paid, which the services refuse (a refusal must take no number). One line per outcome:
//   receipt <number>     recordPayment answered ok with that receipt number
//   refused <code>       refused, as expected for the over-refunds
//   failed <code>        anything else
import { writeSync } from 'node:fs';
import { openFor } from '../../../bench/concurrency/concurrent-saves';
import { parseDatabaseKey } from '../../../src/main/security/database-key';
import type { Result } from '../../../src/shared/contract';
import type { ListedPayment } from '../../../src/shared/contract/payments';
import { CLINIC_TIME_ZONE, todayIn } from '../../../src/shared/domain/intake/calendar-date';

const say = (line: string) => writeSync(1, `${line}\n`);

const key = parseDatabaseKey(process.env.CLINICDESK_KEY ?? '', 'CLINICDESK_KEY');
const services = await openFor(process.env.CLINICDESK_DB!, key, `receipt writer ${process.pid}`);
const ids = (process.env.CLINICDESK_IDS ?? '').split(',');
const count = Number(process.env.CLINICDESK_COUNT);
say('ready');
await new Promise((resolve) => setTimeout(resolve, Math.max(0, Number(process.env.CLINICDESK_FROM) - Date.now())));

let lastPaid: { patientId: string; id: string } | null = null;
for (let n = 0; n < count; n++) {
  const patientId = ids[n % ids.length]!;
  const date = todayIn(CLINIC_TIME_ZONE, new Date());
  const overRefund: boolean = n % 4 === 3 && lastPaid !== null;
  const result: Result<ListedPayment> = overRefund
    ? await services.dispatch('recordPayment', {
        patientId: lastPaid!.patientId,
        entry: {
          kind: 'refund',
          date,
          method: 'card',
          currency: 'KRW',
          amount: '999999999',
          refundOf: lastPaid!.id,
          reason: 'more than paid',
        },
      })
    : await services.dispatch('recordPayment', {
        patientId,
        entry: { kind: 'payment', date, method: 'card', currency: 'KRW', amount: String(1000 + n) },
      });
  if (result.ok) {
    say(`receipt ${result.value.receiptNumber}`);
    lastPaid = { patientId, id: result.value.id };
  } else
    say(
      overRefund && result.error.code === 'invalid_input'
        ? `refused ${result.error.issues[0]?.code}`
        : `failed ${result.error.code} ${result.error.message}`,
    );
}
await services.close();
say('done');
