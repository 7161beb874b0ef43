// The bidi and line-breaking steps on their own: mixed Arabic, Latin and digits come out in visual order with
// "SPF 50+" and a phone number unbroken and left to right; Thai breaks only between words; Korean only at spaces;
// Chinese lines fill the width without a closing mark at the start of a line.
import { describe, expect, it } from 'vitest';
import { isolateLtrSpans, paragraphLevels, visualRuns } from '../../../src/main/handouts/typeset/bidi-runs';
import { textWidth } from '../../../src/main/handouts/typeset/measure-text';
import { typesetParagraph } from '../../../src/main/handouts/typeset/typeset-paragraph';
import { wrapLines } from '../../../src/main/handouts/typeset/wrap-lines';
import type { LanguageTag } from '../../../src/shared/domain/intake/vocabulary';

const visual = (text: string) => {
  const isolated = isolateLtrSpans(text);
  return visualRuns(paragraphLevels(isolated, 'rtl'), 0, isolated.length);
};

describe('Arabic lines', () => {
  it('run right to left with Latin terms and phone numbers kept in their own order', () => {
    const runs = visual('استخدم واقي الشمس SPF 50+ يوميًا واتصل على 02-1234-5678 عند الحاجة');
    const texts = runs.map((run) => run.text).filter((text) => text.trim() !== '');
    // Left to right on the page: the last Arabic word first, the first one last.
    expect(texts[0]).toBe('الحاجة');
    expect(texts.at(-1)).toBe('استخدم');
    expect(texts).toContain('SPF 50+');
    expect(texts).toContain('02-1234-5678');
    expect(texts.indexOf('02-1234-5678')).toBeLessThan(texts.indexOf('SPF 50+'));
    expect(runs.find((run) => run.text === 'SPF 50+')?.rtl).toBe(false);
  });

  it('keeps a number range and an international number whole', () => {
    const texts = visual('مدة التعافي 3-7 أيام، الهاتف +82 10-9876-5432').map((run) => run.text);
    expect(texts).toContain('3-7');
    expect(texts).toContain('+82 10-9876-5432');
  });

  it('mirrors brackets around an isolated term', () => {
    const texts = visual('مثل (SPF 50+) يوميًا')
      .map((run) => run.text)
      .join('|');
    // In a right-to-left line the bracket that opens the aside is drawn as ")" on its right.
    expect(texts).toMatch(/\(\|?SPF 50\+\|?\)/u);
  });

  it('never draws the isolation controls', () => {
    const paragraph = typesetParagraph({ text: 'الهاتف 02-1234-5678', lang: 'ar' }, 10, 'Regular', 400);
    const drawn = paragraph.lines.flatMap((line) => line.runs.map((run) => run.text)).join('');
    expect(drawn).not.toMatch(/[\u2066-\u2069]/u);
    expect(paragraph.rtl).toBe(true);
  });
});

const lines = (text: string, language: LanguageTag, width: number) =>
  wrapLines(text, language, width, (piece) => textWidth(piece, language, 'Regular', 10)).map((line) => text.slice(line.start, line.end));

describe('line breaking', () => {
  it('breaks long Thai text only between words', () => {
    const text =
      'หลีกเลี่ยงการออกกำลังกายหนักเป็นเวลา 24-48 ชั่วโมง ใช้ครีมกันแดดทุกวันและหลีกเลี่ยงแสงแดดโดยตรงเป็นเวลาสองสัปดาห์หลังการรักษา หากมีไข้หรือรอยแดงที่ลุกลามให้ติดต่อคลินิกทันที';
    const wrapped = lines(text, 'th', 120);
    expect(wrapped.length).toBeGreaterThan(3);
    expect(wrapped.join('')).toBe(text);
    const boundaries = new Set([...new Intl.Segmenter('th', { granularity: 'word' }).segment(text)].map((s) => s.index));
    let at = 0;
    for (const line of wrapped.slice(0, -1)) {
      at += line.length;
      expect(boundaries.has(at)).toBe(true);
    }
    for (const line of wrapped) expect(textWidth(line.trimEnd(), 'th', 'Regular', 10)).toBeLessThanOrEqual(120);
  });

  it('breaks Korean only at spaces (keep-all)', () => {
    const text = '시술 후 바로 일상생활을 하셔도 됩니다. 햇빛에 오래 노출되지 않도록 하시고 SPF 30 이상의 자외선 차단제를 바르세요.';
    const wrapped = lines(text, 'ko', 110);
    expect(wrapped.length).toBeGreaterThan(3);
    for (const line of wrapped.slice(0, -1)) expect(line.endsWith(' ')).toBe(true);
  });

  it('fills Chinese lines to the width, never starting one with a closing mark', () => {
    const text =
      '术后请避免长时间日晒，每天使用SPF 50+的防晒霜。如果出现发烧、红肿扩散、化脓或疼痛加重，请立即联系诊所。恢复期间请勿用力搓揉治疗部位，保持皮肤清洁和湿润。';
    const wrapped = lines(text, 'zh-Hans', 100);
    expect(wrapped.length).toBeGreaterThan(4);
    expect(wrapped.join('')).toBe(text);
    for (const line of wrapped.slice(1)) expect(line).not.toMatch(/^[，。、；：！？）」]/u);
    for (const line of wrapped.slice(0, -1)) expect(textWidth(line, 'zh-Hans', 'Regular', 10)).toBeGreaterThan(100 * 0.75);
  });

  it('cuts a word wider than the line rather than overflowing', () => {
    const wrapped = lines('https://clinic.example.kr/aftercare/very/long/path/that/does/not/fit', 'en', 80);
    expect(wrapped.length).toBeGreaterThan(1);
    for (const line of wrapped) expect(textWidth(line, 'en', 'Regular', 10)).toBeLessThanOrEqual(80);
  });
});
