// npm run stress: the crash-safety figures as JSON lines on stdout (progress on stderr). STRESS_KILLS sets the
// number of kills (200 by default; 10 is a quick run).
import { runStress } from './stress/harness';

const kills = Number(process.env.STRESS_KILLS ?? 200);
const result = await runStress({ kills, progress: (text) => process.stderr.write(`${text}\n`) });
const emit = (name: string, value: number, unit: string) => process.stdout.write(`${JSON.stringify({ name, value, unit })}\n`);
emit('crash_kills', result.kills, 'count');
emit('committed_rows_lost', result.committedRowsLost, 'count');
emit('integrity_failures', result.integrityFailures, 'count');
emit('half_written_transactions', result.halfWrittenTransactions, 'count');
emit('damage_reports', result.damageReports, 'count');
emit('stress_committed_patients', result.committedPatients, 'count');
emit('stress_committed_photos', result.committedPhotos, 'count');
emit('stress_checkpoints', result.checkpoints, 'count');
for (const problem of result.problems) process.stderr.write(`${problem}\n`);
if (result.committedRowsLost + result.integrityFailures + result.halfWrittenTransactions + result.damageReports > 0) process.exitCode = 1;
