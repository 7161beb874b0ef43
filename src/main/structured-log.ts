// One JSON object a line on stderr, for what a door reports while it runs (the database check after open): a
// person reads it in the terminal, a supervisor or a support script can parse it.
export interface LogEntry {
  readonly event: string;
  readonly [field: string]: unknown;
}

export type StructuredLog = (entry: LogEntry) => void;

export const stderrLog: StructuredLog = (entry) => {
  process.stderr.write(`${JSON.stringify({ time: new Date().toISOString(), ...entry })}\n`);
};
