// The structure tree of a handout PDF, read straight from the file: pdfkit writes every dictionary as plain text,
// and the handouts then pack those into object streams (one inflate away), so the objects can be listed with
// regular expressions. Enough for tests; not a general PDF parser.
import { inflateSync } from 'node:zlib';

export interface PdfObject {
  readonly id: number;
  readonly body: string;
}

/** The objects written at the top level of the file, with each stream's data. */
function topLevel(text: string): { id: number; body: string; data: string | null }[] {
  return [...text.matchAll(/(\d+) 0 obj\n([\s\S]*?)\n(?:stream\n|endobj\n)/gu)].map((match) => {
    const body = match[2]!;
    const length = match[0].endsWith('stream\n') ? /\/Length (\d+)/u.exec(body) : null;
    const start = match.index + match[0].length;
    return { id: Number(match[1]), body, data: length ? text.slice(start, start + Number(length[1])) : null };
  });
}

export function pdfObjects(pdf: Buffer): PdfObject[] {
  const objects: PdfObject[] = [];
  for (const { id, body, data } of topLevel(pdf.toString('latin1'))) {
    if (!/\/Type \/ObjStm/u.test(body) || data === null) {
      objects.push({ id, body });
      continue;
    }
    const packed = inflateSync(Buffer.from(data, 'latin1')).toString('latin1');
    const first = Number(/\/First (\d+)/u.exec(body)![1]);
    const index = packed.slice(0, first).trim().split(/\s+/u).map(Number);
    for (let i = 0; i < index.length; i += 2) {
      const end = i + 3 < index.length ? first + index[i + 3]! : packed.length;
      objects.push({ id: index[i]!, body: packed.slice(first + index[i + 1]!, end).trim() });
    }
  }
  return objects;
}

/** A name or string entry of a dictionary: `/S /Span` gives "Span", `/Lang (ko)` gives "ko". */
export const entry = (body: string, key: string): string | undefined =>
  new RegExp(`/${key} (?:/([\\w.-]+)|\\(([^)]*)\\))`, 'u').exec(body)?.slice(1).find(Boolean);

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
    hasStructTreeRoot:
      objects.some((o) => /\/Type \/StructTreeRoot/u.test(o.body)) && /\/StructTreeRoot \d+ 0 R/u.test(catalog?.body ?? ''),
    elements: objects
      .filter((o) => /^<<\s*\/S \//u.test(o.body))
      .map((o) => ({ type: entry(o.body, 'S')!, lang: entry(o.body, 'Lang'), actualText: /\/ActualText /u.test(o.body) })),
  };
}
