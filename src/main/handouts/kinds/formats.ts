// Intl formats per handout language. Arabic keeps Western digits (the texts and phone numbers use them). Thai dates
// are in the Buddhist era, as a Thai reader expects them, with the Gregorian year beside the year ("24 พฤศจิกายน
// พ.ศ. 2569 (ค.ศ. 2026)"), so the date also reads against the Korean line and the flight ticket.
import type { LanguageTag } from '../../../shared/domain/intake/vocabulary';
import { formatMoney } from '../../../shared/domain/money/currency';
import type { Formats } from './handout-input';

const LOCALES: Record<LanguageTag, string> = {
  ko: 'ko-KR',
  en: 'en-GB',
  'zh-Hans': 'zh-Hans-CN',
  'zh-Hant': 'zh-Hant-TW',
  ja: 'ja-JP',
  th: 'th-TH-u-ca-buddhist',
  vi: 'vi-VN',
  ru: 'ru-RU',
  mn: 'mn-MN',
  ar: 'ar-u-nu-latn',
};

export const intlLocale = (language: LanguageTag): string => LOCALES[language];

const made = new Map<LanguageTag, Formats>();

export function formatsFor(language: LanguageTag): Formats {
  let formats = made.get(language);
  if (!formats) made.set(language, (formats = makeFormats(language)));
  return formats;
}

/** An Intl format made once per locale, options and time zone: making one costs more than formatting with it,
 * and a handout formats a date per session and per phase. */
const dateFormats = new Map<string, Intl.DateTimeFormat>();
function dateFormat(locale: string, options: Intl.DateTimeFormatOptions & { timeZone: string }): Intl.DateTimeFormat {
  const key = `${locale}\u0000${JSON.stringify(options)}`;
  let format = dateFormats.get(key);
  if (!format) dateFormats.set(key, (format = new Intl.DateTimeFormat(locale, options)));
  return format;
}

/** A Buddhist-era Thai date with "พ.ศ." before its year and the Gregorian year after it. */
function thaiBothEras(format: Intl.DateTimeFormat, instant: Date, timeZone: string): string {
  const gregorian = dateFormat('en-u-ca-gregory', { year: 'numeric', timeZone }).format(instant);
  return format
    .formatToParts(instant)
    .map((part) => (part.type === 'year' ? `พ.ศ. ${part.value} (ค.ศ. ${gregorian})` : part.value))
    .join('');
}

function makeFormats(language: LanguageTag): Formats {
  const locale = LOCALES[language];
  const day = dateFormat(locale, { dateStyle: 'long', timeZone: 'UTC' });
  const dateTimeFormat = (timeZone: string) => dateFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone });
  if (language === 'th') {
    return {
      date: (date) => thaiBothEras(day, new Date(`${date}T00:00:00Z`), 'UTC'),
      dateTime: (instant, timeZone) => thaiBothEras(dateTimeFormat(timeZone), new Date(instant), timeZone),
      money: (amount, currency) => formatMoney(amount, currency, locale),
    };
  }
  return {
    date: (date) => day.format(new Date(`${date}T00:00:00Z`)),
    dateTime: (instant, timeZone) => dateTimeFormat(timeZone).format(new Date(instant)),
    money: (amount, currency) => formatMoney(amount, currency, locale),
  };
}
