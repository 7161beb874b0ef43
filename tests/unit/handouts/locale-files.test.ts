// The handout texts are complete in all ten languages: every key of the English file, no empty string, the same
// {{placeholders}}; every treatment's care lists with as many lines as the catalog's; every rule's message.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SUPPORTED_LANGUAGES } from '../../../src/shared/domain/intake/vocabulary';
import { realCatalog, realRules } from '../../support/clinical-content';

const LOCALES = join(import.meta.dirname, '..', '..', '..', 'resources', 'locales');
const read = (language: string, file: string): unknown => JSON.parse(readFileSync(join(LOCALES, language, file), 'utf8'));
const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

/** Every difference in shape between the English file and a translation, as "path: problem". */
function compare(english: unknown, other: unknown, path: string, problems: string[]): void {
  if (typeof english === 'string') {
    if (typeof other !== 'string' || other.trim() === '') problems.push(`${path}: missing or empty`);
    else if (placeholders(english).join() !== placeholders(other).join()) problems.push(`${path}: placeholders differ`);
  } else if (Array.isArray(english)) {
    if (!Array.isArray(other) || other.length !== english.length) problems.push(`${path}: expected ${english.length} lines`);
    else english.forEach((item, i) => compare(item, other[i], `${path}[${i}]`, problems));
  } else if (english && typeof english === 'object') {
    if (!other || typeof other !== 'object') problems.push(`${path}: missing`);
    else
      for (const [key, value] of Object.entries(english))
        compare(value, (other as Record<string, unknown>)[key], `${path}.${key}`, problems);
  }
}

describe('handout texts in ten languages', () => {
  it.each(SUPPORTED_LANGUAGES)('%s has every handout and follow-up text', (language) => {
    const problems: string[] = [];
    for (const file of ['handout.json', 'followups.json']) compare(read('en', file), read(language, file), file, problems);
    expect(problems).toEqual([]);
  });

  it.each(SUPPORTED_LANGUAGES.filter((l) => l !== 'ko' && l !== 'en'))('%s translates every treatment and rule', (language) => {
    const problems: string[] = [];
    const catalog = read(language, 'catalog.json') as Record<string, Record<string, unknown>>;
    for (const treatment of realCatalog()) {
      const english = {
        name: treatment.names.en,
        purpose: treatment.purpose.value.en,
        preCare: treatment.preCare.items.map((i) => i.en),
        aftercare: treatment.aftercare.items.map((i) => i.en),
        sideEffects: treatment.sideEffects.items.map((i) => i.en),
        complications: treatment.complications.items.map((i) => i.en),
      };
      compare(english, catalog[treatment.id], `catalog.${treatment.id}`, problems);
    }
    const rules = read(language, 'rules.json') as Record<string, unknown>;
    for (const rule of realRules()) compare(rule.message.en, rules[rule.id], `rules.${rule.id}`, problems);
    expect(problems).toEqual([]);
  });

  it('the comparison catches a missing line and a dropped placeholder', () => {
    const problems: string[] = [];
    compare({ a: ['x', 'y'], b: 'On {{date}}' }, { a: ['x'], b: 'On the day' }, 'f', problems);
    expect(problems).toEqual(['f.a: expected 2 lines', 'f.b: placeholders differ']);
  });
});
