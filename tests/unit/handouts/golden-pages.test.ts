// Golden page images: the first page of the bilingual aftercare in Arabic, Thai, Simplified Chinese, Japanese
// and Mongolian, and the Arabic bilingual plan-and-quote and consent (its signature page), rendered by pdftoppm
// and compared pixel by pixel with images that were looked at by eye before they were committed. A tolerance
// absorbs anti-aliasing noise; text that moves by a couple of pixels does not pass. After an intended layout
// change: UPDATE_GOLDEN=1 npx vitest run tests/unit/handouts/golden-pages.test.ts, then look at every image in
// tests/fixtures/handout-golden before committing them.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { makeHandout } from '../../../src/main/handouts/make-handout';
import type { LanguageTag } from '../../../src/shared/domain/intake/vocabulary';
import { handoutInput } from '../../support/handout-input';
import { pdfPageGrey } from './pdf-tools';

const GOLDEN = join(import.meta.dirname, '..', '..', 'fixtures', 'handout-golden');
const DPI = 60;
/** A pixel differs when its grey level moves by more than this; a page differs when more than MAX_SHARE do. */
const PIXEL_THRESHOLD = 48;
const MAX_SHARE = 0.002;

interface Grey {
  readonly width: number;
  readonly height: number;
  readonly pixels: Buffer;
}

export function differingShare(a: Grey, b: Grey): number {
  if (a.width !== b.width || a.height !== b.height) return 1;
  let differing = 0;
  for (let i = 0; i < a.pixels.length; i += 1) if (Math.abs(a.pixels[i]! - b.pixels[i]!) > PIXEL_THRESHOLD) differing += 1;
  return differing / a.pixels.length;
}

const readPng = async (path: string): Promise<Grey> => {
  const { data, info } = await sharp(path).greyscale().raw().toBuffer({ resolveWithObject: true });
  return { width: info.width, height: info.height, pixels: data };
};

async function pageOne(language: LanguageTag): Promise<Grey> {
  const pdf = await makeHandout(handoutInput(language), { kind: 'aftercare', language, bilingual: true });
  return pdfPageGrey(pdf, 1, DPI);
}

describe('golden page images of the bilingual aftercare', () => {
  it.each(['ar', 'th', 'zh-Hans', 'ja', 'mn'] as const)('%s page 1 matches its golden image', async (language) => {
    const page = await pageOne(language);
    const path = join(GOLDEN, `aftercare-${language}-ko-p1.png`);
    if (process.env.UPDATE_GOLDEN === '1' || !existsSync(path)) {
      if (process.env.CI) throw new Error(`missing golden image ${path}`);
      mkdirSync(GOLDEN, { recursive: true });
      await sharp(page.pixels, { raw: { width: page.width, height: page.height, channels: 1 } })
        .png()
        .toFile(path);
    }
    expect(differingShare(page, await readPng(path))).toBeLessThanOrEqual(MAX_SHARE);
  });

  // The Arabic page's other layouts: a mirrored table with amounts (plan and quote), the signature lines (consent,
  // last page).
  it.each([
    ['plan', 1],
    ['consent', 3],
  ] as const)('ar %s page %i matches its golden image', async (kind, pageNumber) => {
    const pdf = await makeHandout(handoutInput('ar'), { kind, language: 'ar', bilingual: true });
    const page = pdfPageGrey(pdf, pageNumber, DPI);
    const path = join(GOLDEN, `${kind}-ar-ko-p${pageNumber}.png`);
    if (process.env.UPDATE_GOLDEN === '1' || !existsSync(path)) {
      if (process.env.CI) throw new Error(`missing golden image ${path}`);
      mkdirSync(GOLDEN, { recursive: true });
      await sharp(page.pixels, { raw: { width: page.width, height: page.height, channels: 1 } })
        .png()
        .toFile(path);
    }
    expect(differingShare(page, await readPng(path))).toBeLessThanOrEqual(MAX_SHARE);
  });

  it('tells a page whose text moved by two pixels from its golden image', async () => {
    const golden = await readPng(join(GOLDEN, 'aftercare-th-ko-p1.png'));
    const shifted = Buffer.alloc(golden.pixels.length, 255);
    for (let y = 0; y < golden.height; y += 1)
      golden.pixels.copy(shifted, y * golden.width + 2, y * golden.width, (y + 1) * golden.width - 2);
    expect(differingShare(golden, { ...golden, pixels: shifted })).toBeGreaterThan(MAX_SHARE * 5);
  });
});
