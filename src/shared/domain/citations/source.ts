// What a fact's source may be, and what it says: a seed article (optionally one of its sections, after a "#"),
// a named reference ("ref: " and the paper, guideline or label), or "clinical-practice" (a conservative default
// the clinic's doctors must confirm). One grammar for the catalog and the rules; a seed or section that does not
// exist is refused when the data is loaded, so a citation never has to fall back to a file name.
import { z } from 'zod';
import { SEED_ARTICLES } from './seed-articles';

export const CLINICAL_PRACTICE = 'clinical-practice';
const SEED_FILE = /^\d{3}_[0-9a-f]{16}\.txt$/;
const REFERENCE = /^ref: (.{10,})$/s;

export type Source =
  | { readonly kind: 'seed'; readonly file: string; readonly section: string | null }
  | { readonly kind: 'reference'; readonly text: string }
  | { readonly kind: 'clinical-practice' };

/** The source's parts, or null when it is none of the three forms or names a seed or section that does not exist. */
export function parseSource(source: string): Source | null {
  if (source === CLINICAL_PRACTICE) return { kind: 'clinical-practice' };
  const reference = REFERENCE.exec(source);
  if (reference) return { kind: 'reference', text: reference[1]!.trim() };
  const hash = source.indexOf('#');
  const file = hash === -1 ? source : source.slice(0, hash);
  const section = hash === -1 ? null : source.slice(hash + 1);
  if (!SEED_FILE.test(file)) return null;
  const article = SEED_ARTICLES[file];
  if (!article) return null;
  if (section !== null && !article.sections.includes(section)) return null;
  return { kind: 'seed', file, section };
}

/** The seed file a source cites, or null for a reference or clinical practice. */
export function seedFileOf(source: string): string | null {
  const parsed = parseSource(source);
  return parsed?.kind === 'seed' ? parsed.file : null;
}

export const sourceSchema = z.string().refine((source) => parseSource(source) !== null, 'unknown_source');
