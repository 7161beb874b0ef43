// What a handout is made of, before layout: headings, paragraphs, lists, tables and signature lines. Every text
// slot holds one line per language: one for a handout in the patient's language, two (patient's language, then
// Korean) for a bilingual one, so a block and its translation always travel, and are kept on one page, together.
import type { Txt } from '../typeset/typeset-paragraph';

/** One text slot: the patient's language first, then its Korean translation in a bilingual handout. */
export type Slot = readonly Txt[];

/** How a block holds to the page: `together` never splits it; `with-next` also keeps it on the page of the next
 * block's start (a chain of them is one unit: the emergency numbers with the clinic's contacts). */
export type Keep = 'together' | 'with-next';

export type Block = (
  | { readonly type: 'heading'; readonly level: 1 | 2; readonly text: Slot }
  | { readonly type: 'paragraph'; readonly text: Slot; readonly tone?: 'normal' | 'strong' | 'warning' }
  | { readonly type: 'list'; readonly marker: 'bullet' | 'checkbox'; readonly items: readonly Slot[] }
  | {
      readonly type: 'table';
      /** Share of the text width per column (they add up to 1). */
      readonly widths: readonly number[];
      readonly align?: readonly ('start' | 'end')[];
      readonly header: readonly Slot[];
      readonly rows: readonly (readonly Slot[])[];
    }
  | { readonly type: 'signatures'; readonly roles: readonly Slot[]; readonly signature: Slot; readonly date: Slot }
) & { readonly keep?: Keep };

const mergeSlot = (a: Slot, b: Slot): Slot => [...a, ...b.filter((line) => !a.some((other) => other.text === line.text))];

/** Merge two handouts built from the same data in two languages, slot by slot. They must have the same shape. */
export function bilingual(patient: readonly Block[], korean: readonly Block[]): Block[] {
  if (patient.length !== korean.length) throw new Error('bilingual: the two handouts differ in shape');
  return patient.map((a, index): Block => {
    const b = korean[index]!;
    if (a.type !== b.type) throw new Error(`bilingual: block ${index} is ${a.type} in one language and ${b.type} in the other`);
    switch (a.type) {
      case 'heading':
      case 'paragraph':
        return { ...a, text: mergeSlot(a.text, (b as typeof a).text) };
      case 'list':
        return { ...a, items: a.items.map((item, i) => mergeSlot(item, (b as typeof a).items[i] ?? [])) };
      case 'table': {
        const other = b as typeof a;
        return {
          ...a,
          header: a.header.map((cell, i) => mergeSlot(cell, other.header[i] ?? [])),
          rows: a.rows.map((row, r) => row.map((cell, c) => mergeSlot(cell, other.rows[r]?.[c] ?? []))),
        };
      }
      case 'signatures': {
        const other = b as typeof a;
        return {
          ...a,
          roles: a.roles.map((role, i) => mergeSlot(role, other.roles[i] ?? [])),
          signature: mergeSlot(a.signature, other.signature),
          date: mergeSlot(a.date, other.date),
        };
      }
    }
  });
}
