// Agency bookings arrive as bytes in whatever encoding the agency's Excel saved them. A byte order mark settles
// it (UTF-8, UTF-16LE/BE); bytes that are valid UTF-8 are UTF-8 (other encodings almost never are, once they
// hold anything but ASCII). Otherwise the legacy code pages are tried, and since each decodes the others' bytes
// without an error, the one whose names fit their rows wins (name-scripts.ts), preferring the characters each
// code page's core set holds over its rare extensions. When two fit equally, or none fits, the file is refused
// with a request to name the encoding rather than stored as mojibake.
import iconv from 'iconv-lite';
import { parse as parseCsv } from 'csv-parse/sync';
import { AGENCY_CSV_COLUMNS, delimiterOf } from '../../../shared/domain/intake/agency-csv';
import { LEGACY_CSV_ENCODINGS, type CsvEncoding } from '../../../shared/domain/intake/csv-encodings';
import { nameFit } from '../../../shared/domain/intake/name-scripts';

export type DecodedBookings =
  | { readonly ok: true; readonly text: string; readonly encoding: CsvEncoding }
  | { readonly ok: false; readonly code: 'encoding_unsure' | 'implausible_text' };

/** Replacement characters, C0/C1 controls other than tab and line ends, private-use code points: not an agency's text. */
const NOT_TEXT = /[\uFFFD\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uE000-\uF8FF]/u;

const BOMS: readonly [Buffer, CsvEncoding][] = [
  [Buffer.from([0xef, 0xbb, 0xbf]), 'utf-8'],
  [Buffer.from([0xff, 0xfe]), 'utf-16le'],
  [Buffer.from([0xfe, 0xff]), 'utf-16be'],
];

function decode(bytes: Buffer, encoding: CsvEncoding): string {
  // iconv-lite strips a byte order mark of the encoding it decodes.
  return iconv.decode(bytes, encoding);
}

function isUtf8(bytes: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** Whether a character is in the code page's common core (KS X 1001, GB 2312, JIS X 0208) and not a rare extension. */
function inCore(char: string, encoding: (typeof LEGACY_CSV_ENCODINGS)[number]): boolean {
  const bytes = iconv.encode(char, encoding);
  const [lead = 0, trail = 0] = bytes;
  if (bytes.length === 1) return lead < 0x80;
  if (bytes.length !== 2) return false;
  if (encoding === 'cp949') return lead >= 0xa1 && trail >= 0xa1;
  if (encoding === 'gb18030') return lead >= 0xa1 && lead <= 0xf7 && trail >= 0xa1;
  return lead <= 0x84 || (lead >= 0x88 && lead <= 0x9f) || (lead >= 0xe0 && lead <= 0xea);
}

interface Reading {
  readonly headerOk: boolean;
  /** Sum over rows of how well the native name fits the row (name-scripts.ts), rare characters counting as no fit. */
  readonly score: number;
  readonly misfits: number;
}

const isLegacy = (encoding: CsvEncoding): encoding is (typeof LEGACY_CSV_ENCODINGS)[number] =>
  (LEGACY_CSV_ENCODINGS as readonly string[]).includes(encoding);

function read(text: string, encoding: (typeof LEGACY_CSV_ENCODINGS)[number]): Reading | null {
  if (NOT_TEXT.test(text)) return null;
  let records: Record<string, string>[];
  try {
    records = parseCsv(text, { columns: true, bom: true, skip_empty_lines: true, relax_column_count: true, delimiter: delimiterOf(text) });
  } catch {
    return null;
  }
  const header = Object.keys(records[0] ?? {});
  const headerOk = AGENCY_CSV_COLUMNS.every((column) => header.includes(column));
  let score = 0;
  let misfits = 0;
  for (const record of records) {
    const name = record.native_name ?? '';
    const fit = nameFit(name, record.nationality ?? '', (record.languages ?? '').split(';'));
    if (fit < 0) misfits++;
    const rare = [...name].some((char) => !inCore(char, encoding));
    score += fit > 0 && rare ? 0 : fit;
  }
  return { headerOk, score, misfits };
}

/**
 * The text of a bookings file and the encoding it was read in. `chosen`: the encoding the coordinator named, for
 * a file the detector is unsure of; a legacy code page named is still refused when the names do not read as text
 * in it.
 */
export function decodeBookings(bytes: Buffer, chosen?: CsvEncoding): DecodedBookings {
  const bom = BOMS.find(([mark]) => bytes.subarray(0, mark.length).equals(mark));
  const certain = chosen === undefined ? (bom?.[1] ?? (isUtf8(bytes) ? 'utf-8' : undefined)) : isLegacy(chosen) ? undefined : chosen;
  if (certain) {
    // The bytes say which encoding it is; what the rows hold is the import's to check, row by row.
    const text = decode(bytes, certain);
    return NOT_TEXT.test(text) ? { ok: false, code: 'implausible_text' } : { ok: true, text, encoding: certain };
  }
  if (chosen && isLegacy(chosen)) {
    const text = decode(bytes, chosen);
    const reading = read(text, chosen);
    if (!reading || reading.score < 0 || (reading.misfits > 0 && reading.score === 0)) return { ok: false, code: 'implausible_text' };
    return { ok: true, text, encoding: chosen };
  }
  const candidates = LEGACY_CSV_ENCODINGS.map((encoding) => {
    const text = decode(bytes, encoding);
    return { encoding, text, reading: read(text, encoding) };
  });
  const plausible = candidates
    .filter((candidate) => candidate.reading !== null && candidate.reading.headerOk && candidate.reading.score > 0)
    .sort((a, b) => b.reading!.score - a.reading!.score);
  const [best, second] = plausible;
  // Readable in some code page, but nothing in the names tells which: the coordinator names it.
  if (!best) return { ok: false, code: candidates.some(({ reading }) => reading?.headerOk) ? 'encoding_unsure' : 'implausible_text' };
  if (second && second.reading!.score === best.reading!.score) return { ok: false, code: 'encoding_unsure' };
  return { ok: true, text: best.text, encoding: best.encoding };
}
