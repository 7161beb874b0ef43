// Copies the handout fonts out of their npm packages into resources/fonts: only the Regular and Bold files the
// handouts use, with the OFL licence text. Each @expo-google-fonts package carries nine weights (the CJK ones
// 50-90 MB each); the app and the repository keep only these 16 files, and they are never committed.
// Runs on `npm install` (postinstall) and before builds; copying is skipped when the file is already there.
import { copyFileSync, existsSync, mkdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const target = join(root, 'resources', 'fonts');

/** package → file stem: Noto Sans for Latin, Cyrillic (Mongolian Ө, ү) and Vietnamese; one per other script. */
export const FONT_PACKAGES = {
  'noto-sans': 'NotoSans',
  'noto-sans-kr': 'NotoSansKR',
  'noto-sans-sc': 'NotoSansSC',
  'noto-sans-tc': 'NotoSansTC',
  'noto-sans-jp': 'NotoSansJP',
  'noto-sans-thai': 'NotoSansThai',
  // Amiri, not Noto Sans/Naskh Arabic: the Noto fonts draw beh, teh, noon and yeh as one shared dotless glyph plus
  // dot marks (ccmp), so a PDF's ToUnicode map, one character per glyph, cannot say which letter it was and text
  // extraction (search, copy, screen readers) misreads them. Amiri has a glyph per letter form.
  amiri: 'Amiri',
};

mkdirSync(target, { recursive: true });
let copied = 0;
for (const [pkg, stem] of Object.entries(FONT_PACKAGES)) {
  const folder = dirname(require.resolve(`@expo-google-fonts/${pkg}/package.json`));
  for (const weight of ['400Regular', '700Bold']) {
    const from = join(folder, weight, `${stem}_${weight}.ttf`);
    const to = join(target, `${stem}-${weight === '400Regular' ? 'Regular' : 'Bold'}.ttf`);
    if (existsSync(to) && statSync(to).size === statSync(from).size) continue;
    copyFileSync(from, to);
    copied += 1;
  }
  const licence = join(folder, 'LICENSE_FONT');
  if (existsSync(licence)) copyFileSync(licence, join(target, `${stem}-OFL.txt`));
}
console.log(`fonts: ${copied} copied to resources/fonts`);
