// The seed articles' titles and section headings kept as data (src/shared/domain/citations/seed-articles.ts) are
// the articles' own: compared with the seed files where they are checked out beside the repository
// (../shared/seeds), and always consistent in themselves.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SEED_ARTICLES } from '../../../src/shared/domain/citations/seed-articles';

const SEEDS_DIR = join(import.meta.dirname, '..', '..', '..', '..', 'shared', 'seeds');
const FILES = Object.keys(SEED_ARTICLES);

/** A line as a heading reads: markdown hashes and a trailing colon left out. */
const asHeading = (line: string) =>
  line
    .replace(/^#+\s*/, '')
    .replace(/:\s*$/, '')
    .trim();

describe('seed article titles and sections', () => {
  it('lists each seed once, with a title and distinct section headings', () => {
    expect(FILES.length).toBeGreaterThan(0);
    for (const file of FILES) {
      const article = SEED_ARTICLES[file]!;
      expect(file).toMatch(/^\d{3}_[0-9a-f]{16}\.txt$/);
      expect(article.title.trim(), file).not.toBe('');
      expect(new Set(article.sections).size, file).toBe(article.sections.length);
    }
  });

  describe.runIf(existsSync(SEEDS_DIR))('against the seed files', () => {
    const text = (file: string) => readFileSync(join(SEEDS_DIR, file), 'utf8');

    it('has every seed file there is', () => {
      const present = FILES.filter((file) => existsSync(join(SEEDS_DIR, file)));
      expect(present).toEqual(FILES);
    });

    it.each(FILES)('%s: the title is the file’s own (first line or front matter), or its first words where it has none', (file) => {
      const article = SEED_ARTICLES[file]!;
      const lines = text(file)
        .split(/\r?\n/)
        .map((line) => line.trim());
      const frontMatter = /^title:\s*"(.+)"$/m.exec(text(file))?.[1];
      if (article.titleFromText) {
        expect(text(file)).toContain(article.titleFromText);
        expect(article.title.toLowerCase()).toBe(article.titleFromText.toLowerCase());
      } else {
        expect([lines[0], frontMatter]).toContain(article.title);
      }
    });

    it.each(FILES)('%s: every section heading is a line of the file', (file) => {
      const headings = new Set(text(file).split(/\r?\n/).map(asHeading));
      expect(SEED_ARTICLES[file]!.sections.filter((section) => !headings.has(section))).toEqual([]);
    });
  });
});
