// The screen's fonts, bundled from npm packages so that a patient's name in Hangul, Han, kana, Thai or Arabic never
// renders as boxes on a PC without those system fonts (the PDFs already embed their own). Variable fonts: one
// WOFF2 per script subset carries every weight, and each face's unicode-range means Chromium downloads only the
// subsets a page actually uses, so a Korean-and-English screen loads a few hundred kilobytes, not all eighteen MB.
import '@fontsource-variable/noto-sans';
import '@fontsource-variable/noto-sans-kr';
import '@fontsource-variable/noto-sans-jp';
import '@fontsource-variable/noto-sans-sc';
import '@fontsource-variable/noto-sans-tc';
import '@fontsource-variable/noto-sans-thai';
import '@fontsource-variable/noto-sans-arabic';

/** The bundled families, in the order the screen falls back through them (see styles.css). */
export const BUNDLED_FONT_FAMILIES = [
  'Noto Sans Variable',
  'Noto Sans KR Variable',
  'Noto Sans JP Variable',
  'Noto Sans SC Variable',
  'Noto Sans TC Variable',
  'Noto Sans Thai Variable',
  'Noto Sans Arabic Variable',
] as const;
