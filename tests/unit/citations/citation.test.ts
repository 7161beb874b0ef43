// A source as a person reads it: a seed's title and section, a reference's text, or the clinical-practice note;
// never a file name, for every source the catalog and the rules use.
import { describe, expect, it } from 'vitest';
import { citeSource } from '../../../src/shared/domain/citations/citation';
import { parseSource } from '../../../src/shared/domain/citations/source';
import { realCatalog, realRules } from '../../support/clinical-content';

const GLASS_SKIN = '002_d65572b616b5df97.txt';

/** Every source in the catalog (facts, list items, session counts) and the rules. */
function allSources(): string[] {
  const sources = new Set<string>();
  const walk = (value: unknown, key: string): void => {
    if (typeof value === 'string' && (key === 'source' || key === 'sessionsSource')) sources.add(value);
    else if (Array.isArray(value)) value.forEach((item) => walk(item, ''));
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, k);
  };
  walk(realCatalog(), '');
  walk(realRules(), '');
  return [...sources];
}

describe('citeSource', () => {
  it('names a seed article by its title', () => {
    expect(citeSource(GLASS_SKIN)).toEqual({
      kind: 'seed',
      text: { ko: '“Korean Glass Skin Clinic Guide for Global Travelers”', en: '“Korean Glass Skin Clinic Guide for Global Travelers”' },
    });
  });

  it('adds the section a fact comes from', () => {
    const citation = citeSource(`${GLASS_SKIN}#Ensuring Your Safety`);
    expect(citation.kind).toBe('seed');
    expect(citation.text.en).toBe('“Korean Glass Skin Clinic Guide for Global Travelers”, section “Ensuring Your Safety”');
    expect(citation.text.ko).toBe('“Korean Glass Skin Clinic Guide for Global Travelers”, “Ensuring Your Safety” 부분');
  });

  it('gives the article the acne-scar seed is about, though its file has no title line', () => {
    expect(citeSource('001_c6a7195fe076f43f.txt#Complications in Korea').text.en).toBe(
      '“Acne Scar Treatment in Korea”, section “Complications in Korea”',
    );
  });

  it('shows a reference as the paper, guideline or label it names', () => {
    const source = 'ref: Arif T. Salicylic acid as a peeling agent: a comprehensive review. Clin Cosmet Investig Dermatol 2015;8:455-61';
    expect(citeSource(source)).toEqual({ kind: 'reference', text: { ko: source.slice(5), en: source.slice(5) } });
  });

  it('says a clinical-practice fact is for the clinic’s doctors to confirm, in Korean and English', () => {
    expect(citeSource('clinical-practice')).toEqual({
      kind: 'clinical-practice',
      text: { ko: '임상 관행: 병원 의사가 확인할 사항', en: 'Clinical practice: for the clinic’s doctors to confirm' },
    });
  });

  it('never shows a file name, not even for a seed or section it does not know', () => {
    for (const source of ['999_0000000000000000.txt', `${GLASS_SKIN}#No such heading`, 'notes.txt']) {
      expect(parseSource(source), source).toBeNull();
      expect(citeSource(source).text.en, source).toBe('Unlisted source');
    }
  });

  it('reads every source of the catalog and the rules as a citation without a file name', () => {
    const sources = allSources();
    expect(sources.length).toBeGreaterThan(10);
    expect(sources.some((source) => source.includes('#'))).toBe(true);
    for (const source of sources) {
      expect(parseSource(source), source).not.toBeNull();
      const { text } = citeSource(source);
      expect(`${text.ko} ${text.en}`, source).not.toMatch(/\d{3}_[0-9a-f]{16}|\.txt|Unlisted source/);
    }
  });
});
