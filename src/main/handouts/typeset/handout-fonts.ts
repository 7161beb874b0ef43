// The handout fonts: one Regular and one Bold per script, copied from their npm packages into resources/fonts by
// scripts/copy-fonts.mjs. Each file is parsed once per process with fontkit and the parsed font is handed to
// every document's registerFont (about 3x faster than giving pdfkit a path each time). The big CJK fonts are
// parsed only when a handout first needs one.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as fontkit from 'fontkit';
import { resourcePath } from '../../resources';
import { useFastSubsets } from './glyph-subset';

export const FONT_FAMILIES = ['NotoSans', 'NotoSansKR', 'NotoSansSC', 'NotoSansTC', 'NotoSansJP', 'NotoSansThai', 'Amiri'] as const;
export type FontFamily = (typeof FONT_FAMILIES)[number];
export type FontWeight = 'Regular' | 'Bold';
/** The name a document registers the font under, e.g. "NotoSansKR-Bold". */
export type FontKey = `${FontFamily}-${FontWeight}`;

export const fontKey = (family: FontFamily, weight: FontWeight): FontKey => `${family}-${weight}`;

const parsed = new Map<FontKey, fontkit.Font>();

export function loadFont(key: FontKey): fontkit.Font {
  let font = parsed.get(key);
  if (!font) {
    const fontsFolder = resourcePath('fonts');
    let buffer: Buffer;
    try {
      buffer = readFileSync(join(fontsFolder, `${key}.ttf`));
    } catch {
      throw new Error(`Handout font ${key}.ttf is missing from ${fontsFolder}: run \`npm install\` (it copies the fonts).`);
    }
    font = fontkit.create(buffer) as fontkit.Font;
    useFastSubsets(font);
    parsed.set(key, font);
  }
  return font;
}

/** Fonts parsed so far (the document registers only these). */
export const loadedFonts = (): ReadonlyMap<FontKey, fontkit.Font> => parsed;
