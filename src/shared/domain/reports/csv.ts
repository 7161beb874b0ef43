// A report table as CSV (RFC 4180) that Excel opens in Korean as well: a byte-order mark first, CRLF line ends,
// every field quoted when it must be. A cell that a spreadsheet would run as a formula (=, +, -, @ first) gets a
// leading apostrophe: a patient's name must never become a formula on the coordinator's computer.
export type CsvCell = string | number | null;

const FORMULA_START = /^[=+\-@\t\r]/;

function field(cell: CsvCell): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return String(cell);
  const safe = FORMULA_START.test(cell) ? `'${cell}` : cell;
  return /[",\r\n]/.test(safe) || safe !== safe.trim() ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return `\uFEFF${[header, ...rows].map((row) => row.map(field).join(',')).join('\r\n')}\r\n`;
}
