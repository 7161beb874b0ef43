// Country and currency names in the UI language, from the browser's own Intl data (no table to maintain).
const cache = new Map<string, Intl.DisplayNames>();

function names(language: string, type: 'region' | 'currency'): Intl.DisplayNames {
  const key = `${language}:${type}`;
  let displayNames = cache.get(key);
  if (!displayNames) {
    displayNames = new Intl.DisplayNames([language], { type, fallback: 'code' });
    cache.set(key, displayNames);
  }
  return displayNames;
}

export function countryName(code: string, language: string): string {
  try {
    return names(language, 'region').of(code) ?? code;
  } catch {
    return code;
  }
}

export function currencyName(code: string, language: string): string {
  try {
    return names(language, 'currency').of(code) ?? code;
  } catch {
    return code;
  }
}
