// Pagination read back from the PDF: a heading is never the last thing on a page (it keeps its first line of
// text with it), a long table repeats its header row on the next page, and every page has its number.
import { describe, expect, it } from 'vitest';
import { handoutBlocks, makeHandout } from '../../../src/main/handouts/make-handout';
import type { TreatmentId } from '../../../src/shared/domain/catalog/catalog-schema';
import { planSchema } from '../../../src/shared/domain/plan/plan-schema';
import { handoutInput } from '../../support/handout-input';
import { pdfText, pdfWords } from './pdf-tools';

const MANY: TreatmentId[] = [
  'pico-laser',
  'rejuran-healer',
  'ipl',
  'hydrafacial',
  'led-therapy',
  'chemical-peel',
  'water-shine',
  'exosome',
  'shurink',
];

describe('handout pagination', () => {
  it('keeps every treatment heading on the page of the text under it', async () => {
    const input = handoutInput('en', MANY);
    const pdf = await makeHandout(input, { kind: 'aftercare', language: 'en', bilingual: false });
    const words = pdfWords(pdf);
    const pages = Math.max(...words.map((w) => w.page));
    expect(pages).toBeGreaterThan(3);
    // Each treatment section opens with its name, then "Expected recovery time" or "Usually no recovery time".
    const openers = words.flatMap((word, index) =>
      word.text === 'Expected' || (word.text === 'Usually' && words[index + 1]?.text === 'no') ? [index] : [],
    );
    expect(openers.length).toBeGreaterThanOrEqual(MANY.length);
    for (const index of openers) {
      // The line above the opener is the treatment-dates line or the heading itself; both are on its page.
      const above = words
        .slice(0, index)
        .reverse()
        .find((w) => w.yMin < words[index]!.yMin - 2 || w.page !== words[index]!.page)!;
      expect(above.page, `the line before word ${index}`).toBe(words[index]!.page);
    }
    // And no page ends with a heading: the last body line before each footer is not a section title.
    for (let page = 1; page <= pages; page += 1) {
      const body = words.filter((w) => w.page === page && w.yMin < 760 && w.yMin > 90);
      const lastLine = body
        .filter((w) => Math.abs(w.yMin - Math.max(...body.map((b) => b.yMin))) < 2)
        .map((w) => w.text)
        .join(' ');
      expect(['First 1-3 days', '1-2 weeks', '3-6 months', 'Whom to call']).not.toContain(lastLine);
    }
    expect(pdfText(pdf)).toContain(`Page ${pages} of ${pages}`);
    // A page that continues a treatment's section starts with that treatment's name (or a section of its own).
    const sections = handoutBlocks(input, { kind: 'aftercare', language: 'en', bilingual: false }).blocks.flatMap((block) =>
      block.type === 'heading' && block.level === 1 ? [block.text[0]!.text] : [],
    );
    for (let page = 2; page <= pages; page += 1) {
      const body = words.filter((w) => w.page === page && w.yMin > 78 && w.yMin < 778);
      const top = Math.min(...body.map((w) => w.yMin));
      const firstLine = body
        .filter((w) => w.yMin - top < 2)
        .sort((a, b) => a.xMin - b.xMin)
        .map((w) => w.text)
        .join(' ');
      expect(sections, `page ${page} starts with "${firstLine}"`).toContain(firstLine);
    }
  });

  it('repeats a long table’s header row on the next page', async () => {
    const input = handoutInput('en', ['led-therapy']);
    const items = Array.from({ length: 40 }, (_, i) => ({
      treatment: 'led-therapy',
      date: `2027-01-${String((i % 28) + 1).padStart(2, '0')}`,
      time: '10:00',
    }));
    const pdf = await makeHandout({ ...input, plan: planSchema.parse({ items }) }, { kind: 'plan', language: 'en', bilingual: false });
    const words = pdfWords(pdf);
    const headerPages = new Set(words.filter((w) => w.text === 'Recovery').map((w) => w.page));
    const rowPages = new Set(words.filter((w) => w.text === 'LED').map((w) => w.page));
    expect(rowPages.size).toBeGreaterThan(1);
    for (const page of rowPages) expect(headerPages.has(page), `header row on page ${page}`).toBe(true);
  });
});
