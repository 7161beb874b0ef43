// The index for one- and two-character queries in the scripts where one character is already a name part: Hangul
// syllables, Han (Chinese characters, kanji, hanja) and kana. A search for "민" or "芳" would otherwise scan every
// patient's search text (its cost set the search's p95 over 100,000 patients); a Latin, Cyrillic or Thai letter or
// two is rarely what a coordinator types to find someone, and still scans. The same character classes are written
// once here for the app (searchPieces, which fills the table as a patient is saved) and for SQL (the migration that
// fills it for the patients already stored), so the two cannot disagree about which pieces exist.

/** Code point ranges of the indexed scripts, as [from, to] inclusive. */
const RANGES: readonly (readonly [number, number])[] = [
  [0x3041, 0x309f], // Hiragana
  [0x30a0, 0x30ff], // Katakana
  [0x3400, 0x4dbf], // CJK Unified Ideographs Extension A
  [0x4e00, 0x9fff], // CJK Unified Ideographs
  [0xac00, 0xd7a3], // Hangul syllables
  [0xf900, 0xfaff], // CJK Compatibility Ideographs
  [0x20000, 0x2a6df], // CJK Unified Ideographs Extension B
];

const isIndexedCharacter = (character: string): boolean => {
  const code = character.codePointAt(0)!;
  return RANGES.some(([from, to]) => code >= from && code <= to);
};

/** The longest needle the pieces serve; longer ones go to the trigram index. */
export const PIECE_MAX_LENGTH = 2;

/** A folded needle the pieces table answers exactly: one or two characters, every one of an indexed script. */
export function isPieceNeedle(needle: string): boolean {
  const characters = [...needle];
  return characters.length >= 1 && characters.length <= PIECE_MAX_LENGTH && characters.every(isIndexedCharacter);
}

/** Every one- and two-character substring of the haystack made only of indexed characters, once each (code
 * points, as SQLite's substr and the search count them). */
export function searchPieces(haystack: string): string[] {
  const characters = [...haystack];
  const pieces = new Set<string>();
  characters.forEach((character, index) => {
    if (!isIndexedCharacter(character)) return;
    pieces.add(character);
    const next = characters[index + 1];
    if (next !== undefined && isIndexedCharacter(next)) pieces.add(character + next);
  });
  return [...pieces];
}

/** The same class for SQLite's GLOB: `piece GLOB '*[^...]*'` is true when a character is outside every range. */
export const PIECE_GLOB_CLASS = RANGES.map(([from, to]) => `${String.fromCodePoint(from)}-${String.fromCodePoint(to)}`).join('');
