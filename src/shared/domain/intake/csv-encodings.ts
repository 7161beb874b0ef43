// The encodings an agency booking CSV may arrive in. Excel saves "CSV" in the Windows code page of its locale
// (CP949 on Korean Windows, Shift-JIS on Japanese, GB18030's subset GBK on Simplified Chinese), "CSV UTF-8" with
// a byte order mark, and "Unicode text" as UTF-16 with one. The names are iconv-lite's.
export const CSV_ENCODINGS = ['utf-8', 'utf-16le', 'utf-16be', 'cp949', 'shift_jis', 'gb18030'] as const;
export type CsvEncoding = (typeof CSV_ENCODINGS)[number];

/** The legacy code pages, which all decode many byte strings without an error: chosen by how plausible the text is. */
export const LEGACY_CSV_ENCODINGS = ['cp949', 'shift_jis', 'gb18030'] as const satisfies readonly CsvEncoding[];

/** Common spellings a coordinator may type after --encoding, to the one name used here. */
const ALIASES: Record<string, CsvEncoding> = {
  utf8: 'utf-8',
  'utf-8': 'utf-8',
  'utf-16le': 'utf-16le',
  utf16le: 'utf-16le',
  'utf-16be': 'utf-16be',
  utf16be: 'utf-16be',
  cp949: 'cp949',
  'euc-kr': 'cp949',
  euckr: 'cp949',
  uhc: 'cp949',
  'windows-949': 'cp949',
  shift_jis: 'shift_jis',
  'shift-jis': 'shift_jis',
  sjis: 'shift_jis',
  cp932: 'shift_jis',
  'windows-31j': 'shift_jis',
  gb18030: 'gb18030',
  gbk: 'gb18030',
  gb2312: 'gb18030',
  cp936: 'gb18030',
};

export function csvEncodingOf(name: string): CsvEncoding | undefined {
  return Object.hasOwn(ALIASES, name.trim().toLowerCase()) ? ALIASES[name.trim().toLowerCase()] : undefined;
}
