// Agency bookings as their agencies' Excel saves them: CP949 on Korean Windows, Shift-JIS on Japanese, GB18030 on
// Chinese, UTF-8 with or without a BOM, UTF-16 with one. The fixtures are made here from UTF-8 text, so the
// names compared after the import are the names that went in.
import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Result } from '../../../src/shared/contract';
import type { ImportReport } from '../../../src/shared/contract/patients';
import type { CsvEncoding } from '../../../src/shared/domain/intake/csv-encodings';
import { fixtureCase } from '../../support/temp-services';
import { openTestServices, type TestServices } from '../../support/test-services';

let services: TestServices;
beforeEach(async () => (services = await openTestServices()));
afterEach(() => services.dispose());

const HEADER =
  'agency_ref,native_name,latin_name,birth_date,sex,nationality,languages,phone,email,messengers,home_time_zone,home_currency,arrival,departure,stay_address,concerns,notes';
const row = (
  ref: string,
  native: string,
  latin: string,
  nationality: string,
  language: string,
  zone: string,
  currency: string,
  notes: string,
) =>
  `${ref},${native},${latin},1990-04-12,female,${nationality},${language},,,,${zone},${currency},2026-12-10,2026-12-16,"Gangnam-gu, Seoul",melasma,${notes}`;

const KOREAN = [
  HEADER,
  row('KR-1', '김민지', 'Kim Minji', 'KR', 'ko', 'Asia/Seoul', 'KRW', '오전 상담 희망'),
  row('KR-2', '박서연', 'Park Seoyeon', 'US', 'ko;en', 'America/Los_Angeles', 'USD', '인천공항 픽업'),
  row('KR-3', '이지은', 'Lee Jieun', 'KR', 'ko', 'Asia/Seoul', 'KRW', ''),
].join('\r\n');
const JAPANESE = [
  HEADER,
  row('JP-1', '佐藤花子', 'Sato Hanako', 'JP', 'ja', 'Asia/Tokyo', 'JPY', '午前希望'),
  row('JP-2', '鈴木一郎', 'Suzuki Ichiro', 'JP', 'ja', 'Asia/Tokyo', 'JPY', ''),
  row('JP-3', '高橋さくら', 'Takahashi Sakura', 'JP', 'ja;en', 'Asia/Tokyo', 'JPY', '通訳が必要'),
].join('\r\n');
const CHINESE = [
  HEADER,
  row('CN-1', '王芳', 'Wang Fang', 'CN', 'zh-Hans', 'Asia/Shanghai', 'CNY', '同行三人'),
  row('CN-2', '张伟', 'Zhang Wei', 'CN', 'zh-Hans;en', 'Asia/Shanghai', 'CNY', ''),
  row('CN-3', '李娜', 'Li Na', 'CN', 'zh-Hans', 'Asia/Shanghai', 'CNY', '需要翻译'),
].join('\r\n');

const namesOf = (text: string) =>
  text
    .split('\r\n')
    .slice(1)
    .map((line) => line.split(',')[1]);

async function importBytes(name: string, bytes: Buffer, encoding?: CsvEncoding): Promise<Result<ImportReport>> {
  const source = { name, base64: bytes.toString('base64'), ...(encoding ? { encoding } : {}) };
  return services.dispatch('importPatients', { sources: [source] });
}
const storedNames = async () =>
  (await services.sql.all<{ native_name: string }>('SELECT native_name FROM patients ORDER BY seq')).map((stored) => stored.native_name);
const codesOf = (result: Result<unknown>) => (result.ok ? [] : result.error.issues.map((found) => `${found.path.join('.')}:${found.code}`));

describe('the encodings of an agency bookings CSV', () => {
  it.each([
    ['cp949', KOREAN],
    ['shift_jis', JAPANESE],
    ['gb18030', CHINESE],
  ])('detects %s and stores the names intact', async (encoding, text) => {
    const result = await importBytes('bookings.csv', iconv.encode(text, encoding));
    expect(codesOf(result)).toEqual([]);
    expect(result.ok && result.value.sources).toEqual([{ name: 'bookings.csv', encoding }]);
    expect(await storedNames()).toEqual(namesOf(text));
  });

  it.each([
    ['utf-8', false],
    ['utf-8', true],
    ['utf-16le', true],
    ['utf-16be', true],
  ] as const)('reads %s (byte order mark: %s)', async (encoding, bom) => {
    const result = await importBytes('bookings.csv', iconv.encode(KOREAN, encoding, { addBOM: bom }));
    expect(result.ok && result.value.sources).toEqual([{ name: 'bookings.csv', encoding }]);
    expect(await storedNames()).toEqual(namesOf(KOREAN));
  });

  it('reads Excel\'s "Unicode text": UTF-16LE with a BOM, tab-separated', async () => {
    // No cell of the fixture holds a comma but the stay address, which is quoted.
    const tabbed = JAPANESE.split('\r\n')
      .map((line) => line.replace(/"([^"]*)"/, (_, inner: string) => inner.replace(', ', ' ')).replaceAll(',', '\t'))
      .join('\r\n');
    const result = await importBytes('bookings.txt.csv', iconv.encode(tabbed, 'utf-16le', { addBOM: true }));
    expect(result.ok && result.value.sources).toEqual([{ name: 'bookings.txt.csv', encoding: 'utf-16le' }]);
    expect(await storedNames()).toEqual(namesOf(JAPANESE));
  });

  it('never takes a CP949 file for GB18030, though it decodes as GB18030 without an error', async () => {
    const bytes = iconv.encode(KOREAN, 'cp949');
    // The trap: as GB18030 the Korean names are common Chinese characters, no replacement character in sight.
    expect(iconv.decode(bytes, 'gb18030')).not.toContain('\uFFFD');
    expect(iconv.decode(bytes, 'gb18030')).not.toContain('김민지');
    // Named as GB18030 by the coordinator, it is refused rather than stored as mojibake.
    expect(codesOf(await importBytes('bookings.csv', bytes, 'gb18030'))).toEqual(['bookings.csv.1:implausible_text']);
    expect(await services.context.store.read((tx) => tx.patients.count())).toBe(0);
    // Left to the detector, it is CP949.
    const detected = await importBytes('bookings.csv', bytes);
    expect(detected.ok && detected.value.sources[0]?.encoding).toBe('cp949');
  });

  it('refuses Shift-JIS named as CP949 and GB18030 named as Shift-JIS', async () => {
    expect(codesOf(await importBytes('jp.csv', iconv.encode(JAPANESE, 'shift_jis'), 'cp949'))).toEqual(['jp.csv.1:implausible_text']);
    expect(codesOf(await importBytes('cn.csv', iconv.encode(CHINESE, 'gb18030'), 'shift_jis'))).toEqual(['cn.csv.1:implausible_text']);
    expect(await services.context.store.read((tx) => tx.patients.count())).toBe(0);
  });

  it('asks for the encoding when the names cannot tell, and imports with the one named', async () => {
    // Latin-script names with a Korean note: nothing in the names says which code page the note is in.
    const text = [HEADER, row('X-1', 'Anna Müller', 'Anna Muller', 'DE', 'en', 'Europe/Berlin', 'EUR', '오전 상담')].join('\r\n');
    const bytes = iconv.encode(text, 'cp949');
    expect(codesOf(await importBytes('bookings.csv', bytes))).toEqual(['bookings.csv.1:encoding_unsure']);
    const named = await importBytes('bookings.csv', bytes, 'cp949');
    expect(named.ok && named.value.sources).toEqual([{ name: 'bookings.csv', encoding: 'cp949' }]);
    const notes = (await services.sql.get<{ screening_json: string }>('SELECT screening_json FROM patients'))!;
    expect(JSON.parse(services.seal.open('patients.screening_json', notes.screening_json)).notes).toContain('오전 상담');
  });

  it('refuses bytes that are no text in any of them, and keeps text callers working', async () => {
    expect(codesOf(await importBytes('bookings.csv', Buffer.from([0x00, 0xff, 0x00, 0xfe, 0x81, 0x00])))).toEqual([
      'bookings.csv.1:implausible_text',
    ]);
    const asText = await services.dispatch('importPatients', { sources: [{ name: 'bookings.csv', text: CHINESE }] });
    expect(asText.ok && asText.value.sources).toEqual([{ name: 'bookings.csv', encoding: null }]);
    expect(await storedNames()).toEqual(namesOf(CHINESE));
  });

  it("reads a case file's bytes as UTF-8, with or without a BOM, and refuses one that is not UTF-8", async () => {
    const caseFile = fixtureCase('ja');
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(JSON.stringify(caseFile), 'utf8')]);
    const result = await importBytes('ja.json', bytes);
    expect(result.ok && result.value.sources).toEqual([{ name: 'ja.json', encoding: 'utf-8' }]);
    expect(await storedNames()).toEqual([caseFile.patient.names.native]);
    const shiftJis = iconv.encode(JSON.stringify({ ...caseFile, patient: { ...caseFile.patient, id: undefined } }), 'shift_jis');
    expect(codesOf(await importBytes('sjis.json', shiftJis))).toEqual(['sjis.json.1:invalid_json']);
  });

  it('refuses a source with both bytes and text, or with neither, or an unknown encoding', async () => {
    const both = await services.dispatch('importPatients', { sources: [{ name: 'a.csv', base64: 'QQ==', text: 'A' }] });
    const neither = await services.dispatch('importPatients', { sources: [{ name: 'a.csv' }] });
    const unknown = await services.dispatchRaw('importPatients', { sources: [{ name: 'a.csv', base64: 'QQ==', encoding: 'latin1' }] });
    expect(codesOf(both)).toEqual(['sources.0.base64:invalid']);
    expect(codesOf(neither)).toEqual(['sources.0.base64:required']);
    expect(codesOf(unknown)).toEqual(['sources.0.encoding:invalid_choice']);
  });
});
