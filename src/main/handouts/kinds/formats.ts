// Intl formats per handout language. Arabic keeps Western digits (the texts and phone numbers use them) and Thai
// the Gregorian calendar, so a date reads the same year as the Korean line beside it.
import type { LanguageTag } from '../../../shared/domain/intake/vocabulary';
import { formatMoney } from '../../../shared/domain/money/currency';
import type { Formats } from './handout-input';

const LOCALES: Record<LanguageTag, string> = {
  ko: 'ko-KR',
  en: 'en-GB',
  'zh-Hans': 'zh-Hans-CN',
  'zh-Hant': 'zh-Hant-TW',
  ja: 'ja-JP',
  th: 'th-TH-u-ca-gregory',
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

function makeFormats(language: LanguageTag): Formats {
  const locale = LOCALES[language];
  const day = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' });
  return {
    date: (date) => day.format(new Date(`${date}T00:00:00Z`)),
    dateTime: (instant, timeZone) => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(new Date(instant)),
    money: (amount, currency) => formatMoney(amount, currency, locale),
  };
}
