// Left-to-right runs inside Arabic text, read back from word positions (`pdftotext -bbox`): the clinic's e-mail,
// a URL, the phone, a Latin and a Korean address, amounts with thousands separators and dates keep their own
// order and inner punctuation, with the Arabic label to their right.
import { beforeAll, describe, expect, it } from 'vitest';
import { makeHandout } from '../../../src/main/handouts/make-handout';
import { planSchema } from '../../../src/shared/domain/plan/plan-schema';
import { handoutInput } from '../../support/handout-input';
import { pdfWords, type PdfWord } from './pdf-tools';

const ARABIC = /\p{Script=Arabic}/u;
const CONTACT = {
  phone: '+82 2-1234-5678',
  messenger: 'https://wa.me/821098765432',
  email: 'care@glow.example.kr',
  address: '123 Teheran-ro, Gangnam-gu, Seoul',
};

let followup: PdfWord[] = [];
let plan: PdfWord[] = [];
beforeAll(async () => {
  const input = handoutInput('ar');
  const settings = { ...input.settings, contact: CONTACT };
  // 400,000 won at 225 won a dinar: the home total has a thousands separator (1,777.778).
  const rated = {
    ...input,
    settings,
    plan: planSchema.parse({ ...input.plan, rate: { krwPerUnit: '225', date: '2026-11-20', source: 'KEB Hana' } }),
  };
  followup = pdfWords(await makeHandout({ ...input, settings }, { kind: 'followup', language: 'ar', bilingual: true }));
  plan = pdfWords(await makeHandout(rated, { kind: 'plan', language: 'ar', bilingual: true }));
});

/** The words of the line that holds `first`, left to right, in the same column (Arabic is the right column). */
function lineOf(words: PdfWord[], first: PdfWord): PdfWord[] {
  return words.filter((w) => w.page === first.page && Math.abs(w.yMin - first.yMin) < 3 && w.xMin >= 290).sort((a, b) => a.xMin - b.xMin);
}

/** The words that spell `text` left to right, consecutive on one line of the Arabic column. */
function findRun(words: PdfWord[], text: string): PdfWord[] {
  const parts = text.split(' ');
  for (const word of words.filter((w) => w.text === parts[0] && w.xMin >= 290)) {
    const line = lineOf(words, word);
    const at = line.indexOf(word);
    if (
      line
        .slice(at, at + parts.length)
        .map((w) => w.text)
        .join(' ') === text
    )
      return line;
  }
  throw new Error(
    `"${text}" is not on one line in its own order: ${JSON.stringify(words.filter((w) => w.text.includes(parts[0]!.slice(0, 4))).map((w) => w.text))}`,
  );
}

describe('left-to-right runs in an Arabic handout', () => {
  it.each([
    ['e-mail', CONTACT.email],
    ['URL', CONTACT.messenger],
    ['phone', CONTACT.phone],
    ['Latin address', CONTACT.address],
  ])('the %s reads in its own order with its Arabic label on the right', (_, text) => {
    const line = findRun(followup, text);
    expect(ARABIC.test(line.at(-1)!.text), `label rightmost on "${line.map((w) => w.text).join(' ')}"`).toBe(true);
    expect(line[0]!.text).toBe(text.split(' ')[0]);
  });

  it('keeps amounts with separators whole: won and the home currency', () => {
    expect(plan.map((w) => w.text)).toContain('300,000');
    expect(plan.map((w) => w.text)).toContain('400,000');
    expect(plan.map((w) => w.text)).toContain('1,777.778');
    expect(
      plan.some((w) => /^\d{3}\.\d+,\d$/u.test(w.text)),
      'no amount reversed around its comma',
    ).toBe(false);
  });

  it('prints dates in their written order', () => {
    // The follow-up table's dates are day/month/year in the Arabic column (the Arabic comma after one sits at its
    // left, where a right-to-left reader meets it next), never reversed around a slash.
    const dates = followup.filter((w) => /^،?\d{2}\/\d{2}\/\d{4}$/u.test(w.text));
    expect(dates.length).toBeGreaterThan(0);
    expect(followup.some((w) => /^\d{4}\/\d{2}\/\d{2}$|^\d{2}\/\d{4}\//u.test(w.text))).toBe(false);
  });
});
