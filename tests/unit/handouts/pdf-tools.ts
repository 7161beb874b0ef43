// poppler's command-line tools, as a reader of the PDF sees it: which fonts are in it, its text, word positions
// and page images.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function withFile<T>(pdf: Buffer, use: (path: string, folder: string) => T): T {
  const folder = mkdtempSync(join(tmpdir(), 'clinicdesk-pdf-'));
  try {
    const path = join(folder, 'handout.pdf');
    writeFileSync(path, pdf);
    return use(path, folder);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

export interface PdfFont {
  readonly name: string;
  readonly embedded: boolean;
  readonly subset: boolean;
}

export const pdfFonts = (pdf: Buffer): PdfFont[] =>
  withFile(pdf, (path) =>
    execFileSync('pdffonts', [path], { encoding: 'utf8' })
      .split('\n')
      .slice(2)
      .filter((line) => line.trim() !== '')
      .map((line) => {
        const columns = line.trim().split(/\s+/);
        // name type... encoding emb sub uni object ID: read from the right, the name and type may hold spaces.
        const [emb, sub] = columns.slice(-5, -3);
        return { name: columns[0]!, embedded: emb === 'yes', subset: sub === 'yes' };
      }),
  );

/** The text with bidi marks removed and white space collapsed, so a sentence matches across line breaks. */
export const pdfText = (pdf: Buffer): string =>
  withFile(pdf, (path) => execFileSync('pdftotext', [path, '-'], { encoding: 'utf8' }))
    .replace(/[\u200e\u200f\u202a-\u202e]/gu, '')
    .replace(/\s+/gu, ' ');

export const normalise = (text: string): string => text.replace(/\s+/gu, ' ').trim();

export interface PdfWord {
  readonly text: string;
  readonly xMin: number;
  readonly yMin: number;
  readonly page: number;
}

export const pdfWords = (pdf: Buffer): PdfWord[] =>
  withFile(pdf, (path) => {
    const html = execFileSync('pdftotext', ['-bbox', path, '-'], { encoding: 'utf8' });
    const words: PdfWord[] = [];
    let page = 0;
    for (const line of html.split('\n')) {
      if (line.includes('<page ')) page += 1;
      const match = /<word xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>(.*)<\/word>/u.exec(line);
      if (match) words.push({ text: match[3]!, xMin: Number(match[1]), yMin: Number(match[2]), page });
    }
    return words;
  });

/** Page `page` as 8-bit grey pixels at `dpi`. */
export const pdfPageGrey = (pdf: Buffer, page: number, dpi: number): { width: number; height: number; pixels: Buffer } =>
  withFile(pdf, (path, folder) => {
    execFileSync('pdftoppm', ['-gray', '-r', String(dpi), '-f', String(page), '-l', String(page), path, join(folder, 'page')]);
    const pgm = readFileSync(join(folder, `page-${page}.pgm`));
    // Binary PGM: "P5\n<width> <height>\n255\n" then the pixels.
    const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/u.exec(pgm.subarray(0, 40).toString('latin1'))!;
    return { width: Number(header[1]), height: Number(header[2]), pixels: pgm.subarray(header[0].length) };
  });

/** Each page's text (pdftotext's default reading order), one string per page. */
export const pdfPageTexts = (pdf: Buffer): string[] =>
  withFile(pdf, (path) => execFileSync('pdftotext', [path, '-'], { encoding: 'utf8' }))
    .split('\f')
    .slice(0, -1)
    .map((page) => page.replace(/[\u200e\u200f\u202a-\u202e]/gu, ''));

/** What poppler complains of while reading the PDF (e.g. "Mismatched EMC operator": marked content closed twice). */
export const pdfWarnings = (pdf: Buffer): string[] =>
  withFile(pdf, (path) =>
    spawnSync('pdftotext', [path, '-'], { encoding: 'utf8' })
      .stderr.split('\n')
      .filter((line) => line.trim() !== ''),
  );
