// A source as a person reads it: the seed article's title (and its section), the paper, guideline or label a
// reference names, or a plain statement that the clinic's doctors must confirm a fact from clinical practice.
// Never a file name. Pure, so the renderer can import it as well as the main process.
import { parseSource } from './source';
import { SEED_ARTICLES } from './seed-articles';

export interface Citation {
  readonly kind: 'seed' | 'reference' | 'clinical-practice';
  readonly text: { readonly ko: string; readonly en: string };
}

const CLINICAL_PRACTICE_TEXT = { ko: '임상 관행: 병원 의사가 확인할 사항', en: 'Clinical practice: for the clinic’s doctors to confirm' };

/** The citation of a catalog fact's or a rule's source. A source the data schemas would refuse reads as an
 * unlisted source rather than showing its raw form. */
export function citeSource(source: string): Citation {
  const parsed = parseSource(source);
  if (parsed === null) return { kind: 'reference', text: { ko: '출처 미등록', en: 'Unlisted source' } };
  if (parsed.kind === 'clinical-practice') return { kind: 'clinical-practice', text: CLINICAL_PRACTICE_TEXT };
  if (parsed.kind === 'reference') return { kind: 'reference', text: { ko: parsed.text, en: parsed.text } };
  const title = SEED_ARTICLES[parsed.file]!.title;
  if (parsed.section === null) return { kind: 'seed', text: { ko: `“${title}”`, en: `“${title}”` } };
  return {
    kind: 'seed',
    text: { ko: `“${title}”, “${parsed.section}” 부분`, en: `“${title}”, section “${parsed.section}”` },
  };
}
