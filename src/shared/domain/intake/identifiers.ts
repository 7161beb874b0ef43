// Checks for the standard identifiers of the intake. Each defers to the authority that owns the list:
// ISO 3166 via i18n-iso-countries, ISO 4217 and IANA time zones via the JavaScript engine's Intl data (the
// same data the app formats with), phone numbers via libphonenumber-js's full metadata.
import countries from 'i18n-iso-countries';
import { isValidPhoneNumber, parsePhoneNumberWithError } from 'libphonenumber-js/max';

export function isCountryCode(value: string): boolean {
  return /^[A-Z]{2}$/.test(value) && countries.isValid(value);
}

let currencies: ReadonlySet<string> | undefined;
export function isCurrencyCode(value: string): boolean {
  currencies ??= new Set(Intl.supportedValuesOf('currency'));
  return /^[A-Z]{3}$/.test(value) && currencies.has(value);
}

export function isTimeZone(value: string): boolean {
  if (!/^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)*$/.test(value)) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

const E164 = /^\+[1-9]\d{6,14}$/;

/** An E.164 number ("+8613800138000") that libphonenumber-js knows to be a valid number for its country. */
export function isValidE164(value: string): boolean {
  return E164.test(value) && isValidPhoneNumber(value);
}

/** Turns what a coordinator types ("+86 138-0013-8000", "+82 (0)10 1234 5678") into E.164, or null. */
export function toE164(typed: string): string | null {
  const trimmed = typed.trim();
  if (!trimmed.startsWith('+')) return null;
  try {
    const parsed = parsePhoneNumberWithError(trimmed);
    return parsed.isValid() ? parsed.number : null;
  } catch {
    return null;
  }
}

/** The digit strings a coordinator may type to find a phone: international and national forms. */
export function phoneSearchDigits(e164: string): string[] {
  try {
    const parsed = parsePhoneNumberWithError(e164);
    return [e164.slice(1), parsed.formatNational().replace(/\D/g, '')];
  } catch {
    return [e164.replace(/\D/g, '')];
  }
}

/** "+82 10 1234 5678": E.164 grouped the way the number's country writes it, for reading aloud on the phone. */
export function formatPhone(e164: string): string {
  try {
    return parsePhoneNumberWithError(e164).formatInternational();
  } catch {
    return e164;
  }
}
