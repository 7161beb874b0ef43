// What patient search matches on. A coordinator types part of a name in whatever script is at hand: "nguyen"
// for "Nguyễn", "ива" for "Иванова", two Hangul syllables of a three-syllable name, or a phone number in local
// form. Both the stored haystack and the query go through `foldForSearch`, so they meet in the middle.
import { phoneSearchDigits } from './identifiers';

/** NFKC (full-width Latin, compatibility Han), lower case, and diacritics removed from Latin and Cyrillic letters
 * only: marks are letters' vowels in Thai and Arabic, and stripping Kana's dakuten would merge different names. */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .normalize('NFD')
    .replace(/([\p{Script=Latin}\p{Script=Cyrillic}])\p{M}+/gu, '$1')
    .replace(/đ/g, 'd')
    .normalize('NFC')
    .replace(/\s+/g, ' ')
    .trim();
}

export function searchHaystack(patient: { names: { native: string; latin: string }; phone: string | null }): string {
  const parts = [foldForSearch(patient.names.native), foldForSearch(patient.names.latin)];
  if (patient.phone) parts.push(...phoneSearchDigits(patient.phone));
  return parts.join(' | ');
}

/** A query that looks like a phone number ("+86 138-0013", "010 1234") is searched as bare digits. */
export function searchNeedle(query: string): string {
  const trimmed = query.trim();
  if (/^\+?[\d\s().-]{3,}$/.test(trimmed) && /\d{3}/.test(trimmed.replace(/\D/g, ''))) {
    return trimmed.replace(/\D/g, '');
  }
  return foldForSearch(trimmed);
}
