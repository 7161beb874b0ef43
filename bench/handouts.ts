// Handout figures: a bilingual aftercare of one treatment (ko+ar, ko+th, ko+zh-Hans) beside its floor, bare
// PDFKit drawing the same text in the same parsed fonts with no layout logic of ours (pdfkit's own wrapping, one
// font per language), interleaved sample by sample; a batch of 100 through the worker pool, cold; and the file
// size, of those and of the largest of all 95 kind x language handouts.
import PDFDocument from 'pdfkit';
import { performance } from 'node:perf_hooks';
import { createHandoutPool } from '../src/main/handouts/handout-pool';
import { handoutBlocks, makeHandout, type HandoutRequest } from '../src/main/handouts/make-handout';
import type { Block, Slot } from '../src/main/handouts/layout/handout-blocks';
import { fontKey, loadFont, type FontFamily } from '../src/main/handouts/typeset/handout-fonts';
import { HANDOUT_KINDS } from '../src/main/handouts/kinds/handout-input';
import { SUPPORTED_LANGUAGES, type LanguageTag } from '../src/shared/domain/intake/vocabulary';
import { handoutInput } from '../tests/support/handout-input';
import { pdfObjects } from '../tests/unit/handouts/pdf-structure';
import type { Emit } from './measure';

const LANGUAGES = ['ar', 'th', 'zh-Hans'] as const;
const SAMPLES = 30;
const MAIN_FONT: Partial<Record<LanguageTag, FontFamily>> = { ar: 'Amiri', th: 'NotoSansThai', 'zh-Hans': 'NotoSansSC', ko: 'NotoSansKR' };

const slotsOf = (block: Block): Slot[] => {
  switch (block.type) {
    case 'heading':
    case 'paragraph':
      return [block.text];
    case 'list':
      return [...block.items];
    case 'table':
      return [...block.header, ...block.rows.flat()];
    case 'signatures':
      return [...block.roles, block.signature, block.date];
  }
};

/** Bare PDFKit: every text of the handout, in order, in its language's font, wrapped and paginated by pdfkit. */
function floorPdf(blocks: readonly Block[]): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 48 });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  const registered = new Set<string>();
  for (const txt of blocks.flatMap(slotsOf).flat()) {
    const key = fontKey(MAIN_FONT[txt.lang] ?? 'NotoSans', 'Regular');
    if (!registered.has(key)) {
      doc.registerFont(key, loadFont(key) as unknown as string);
      registered.add(key);
    }
    doc.font(key).fontSize(10.5).text(txt.text, { width: 499 });
  }
  doc.end();
  return done;
}

const p50 = (samples: number[]) => [...samples].sort((a, b) => a - b)[Math.floor(samples.length / 2)]!;

export async function benchHandouts(emit: Emit, progress: (text: string) => void): Promise<void> {
  progress('handouts...');
  let largest = 0;
  for (const language of LANGUAGES) {
    const input = handoutInput(language, ['pico-laser']);
    const request: HandoutRequest = { kind: 'aftercare', language, bilingual: true };
    const { blocks } = handoutBlocks(input, request);
    for (let i = 0; i < 5; i += 1) {
      await makeHandout(input, request);
      await floorPdf(blocks);
    }
    const ours: number[] = [];
    const floor: number[] = [];
    for (let i = 0; i < SAMPLES; i += 1) {
      let start = performance.now();
      const pdf = await makeHandout(input, request);
      ours.push(performance.now() - start);
      largest = Math.max(largest, pdf.length);
      start = performance.now();
      await floorPdf(blocks);
      floor.push(performance.now() - start);
    }
    // Page dictionaries are packed into object streams: counted from the objects unpacked.
    const pages = pdfObjects(await makeHandout(input, request)).filter((o) => /\/Type \/Page\b/u.test(o.body)).length;
    progress(`  ko+${language}: ${pages} pages`);
    const name = language.replace('-', '_').toLowerCase();
    emit(`handout_bilingual_p50_ms_ko_${name}`, p50(ours), 'ms');
    emit(`handout_pdfkit_floor_p50_ms_ko_${name}`, p50(floor), 'ms');
    emit(`handout_vs_floor_ratio_ko_${name}`, p50(ours) / p50(floor), 'ratio');
  }
  emit('handout_size_kb', largest / 1024, 'KB');

  // Every kind in every language, alone and with Korean, for the tests' four-treatment case: "each PDF" of the
  // size target, not only the aftercares timed above.
  let largestOfAll = 0;
  for (const language of SUPPORTED_LANGUAGES) {
    const input = handoutInput(language);
    for (const kind of HANDOUT_KINDS) {
      for (const bilingual of language === 'ko' ? [false] : [false, true]) {
        largestOfAll = Math.max(largestOfAll, (await makeHandout(input, { kind, language, bilingual })).length);
      }
    }
  }
  emit('handout_size_max_kb_every_kind', largestOfAll / 1024, 'KB');

  // 100 bilingual aftercares through a cold pool of two workers, as "export all" for a group would.
  const inputs = LANGUAGES.map((language) => handoutInput(language, ['pico-laser']));
  const start = performance.now();
  const pool = createHandoutPool(2);
  await Promise.all(
    Array.from({ length: 100 }, (_, i) => {
      const input = inputs[i % inputs.length]!;
      return pool.make(input, { kind: 'aftercare', language: LANGUAGES[i % LANGUAGES.length]!, bilingual: true });
    }),
  );
  emit('handout_batch_100_s', (performance.now() - start) / 1000, 's');
  await pool.close();
}
