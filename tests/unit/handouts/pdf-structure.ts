// The structure tree of a PDF that pdfkit wrote, read straight from the file: pdfkit writes every dictionary as
// plain text (only page content and fonts are compressed, and it makes no object streams), so the objects can be
// listed with a regular expression. Enough for tests; not a general PDF parser.

export interface PdfObject {
  readonly id: number;
  readonly body: string;
}

export const pdfObjects = (pdf: Buffer): PdfObject[] =>
  [...pdf.toString('latin1').matchAll(/(\d+) 0 obj\s*(<<[\s\S]*?>>)\s*(?:stream[\s\S]*?endstream\s*)?endobj/gu)].map((match) => ({ id: Number(match[1]), body: match[2]! }));

/** A name or string entry of a dictionary: `/S /Span` gives "Span", `/Lang (ko)` gives "ko". */
export const entry = (body: string, key: string): string | undefined => new RegExp(`/${key} (?:/([\\w.-]+)|\\(([^)]*)\\))`, 'u').exec(body)?.slice(1).find(Boolean);

export interface StructureSummary {
  readonly catalogLang: string | undefined;
  readonly marked: boolean;
  readonly hasStructTreeRoot: boolean;
  /** Each structure element's type (/S) with its /Lang and whether it has /ActualText. */
  readonly elements: readonly { readonly type: string; readonly lang: string | undefined; readonly actualText: boolean }[];
}

export function structureOf(pdf: Buffer): StructureSummary {
  const objects = pdfObjects(pdf);
  const catalog = objects.find((o) => /\/Type \/Catalog/u.test(o.body));
  const markInfo = objects.find((o) => /\/Marked true/u.test(o.body));
  return {
    catalogLang: catalog ? entry(catalog.body, 'Lang') : undefined,
    marked: markInfo !== undefined,
    hasStructTreeRoot: objects.some((o) => /\/Type \/StructTreeRoot/u.test(o.body)) && /\/StructTreeRoot \d+ 0 R/u.test(catalog?.body ?? ''),
    elements: objects
      .filter((o) => /^<<\s*\/S \//u.test(o.body))
      .map((o) => ({ type: entry(o.body, 'S')!, lang: entry(o.body, 'Lang'), actualText: /\/ActualText /u.test(o.body) })),
  };
}
