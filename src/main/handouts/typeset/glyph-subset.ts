// A faster TrueType subset for pdfkit's font embedding. fontkit's own decodes each glyph's whole outline (every
// point) only to learn whether the glyph is composite, then copies its bytes; every document does it again for
// the same few hundred glyphs, and it was a fifth of a warm handout's time. Here each glyph is read once per
// process: its bytes, its components' positions (for a composite, whose component ids are renumbered per
// subset) and its metrics. The bytes written are the same as fontkit's (tests/unit/handouts/glyph-subset.test.ts).
import type * as fontkit from 'fontkit';

interface RawGlyph {
  readonly bytes: Uint8Array;
  /** A composite glyph's components: the original glyph id and where it is written in `bytes`. */
  readonly components: readonly { readonly glyphID: number; readonly pos: number }[];
  readonly advance: number;
  readonly bearing: number;
}

/** The parts of fontkit's TrueType font and subset this reaches into (not in its type definitions). */
interface FontInternals {
  readonly directory: { readonly tables: Record<string, unknown> };
  readonly _variationProcessor?: unknown;
  readonly loca: { readonly offsets: readonly number[] };
  _getTableStream(tag: string): { pos: number; readBuffer(length: number): Uint8Array };
  getGlyph(id: number): {
    readonly advanceWidth: number;
    _getMetrics(): { readonly leftBearing: number };
    _decode(): { readonly components?: readonly { readonly glyphID: number; readonly pos: number }[] } | null;
  };
  createSubset(): SubsetInternals;
}

interface SubsetInternals {
  glyf: Uint8Array[];
  offset: number;
  loca: { offsets: number[] };
  hmtx: { metrics: { advance: number; bearing: number }[] };
  includeGlyph(id: number): number;
}

type SubsetClass = new (font: FontInternals) => SubsetInternals;

/** Makes `font.createSubset()` return the faster subset. A CFF or variable font keeps fontkit's own. */
export function useFastSubsets(font: fontkit.Font): void {
  const internals = font as unknown as FontInternals;
  if (!internals.directory.tables.glyf || internals._variationProcessor) return;
  const Base = Object.getPrototypeOf(internals.createSubset()).constructor as SubsetClass;
  const glyphs = new Map<number, RawGlyph>();

  const read = (id: number): RawGlyph => {
    let raw = glyphs.get(id);
    if (!raw) {
      const start = internals.loca.offsets[id]!;
      const stream = internals._getTableStream('glyf');
      stream.pos += start;
      const bytes = Uint8Array.from(stream.readBuffer(internals.loca.offsets[id + 1]! - start));
      // numberOfContours, the glyph's first int16, is negative for a composite.
      const composite = bytes.length >= 2 && (bytes[0]! & 0x80) !== 0;
      const glyph = internals.getGlyph(id);
      raw = {
        bytes,
        components: composite ? (glyph._decode()?.components ?? []).map(({ glyphID, pos }) => ({ glyphID, pos })) : [],
        advance: glyph.advanceWidth,
        bearing: glyph._getMetrics().leftBearing,
      };
      glyphs.set(id, raw);
    }
    return raw;
  };

  class FastSubset extends Base {
    // fontkit calls this for each glyph included, components included as they are found.
    _addGlyph(id: number): number {
      const raw = read(id);
      let bytes = raw.bytes;
      if (raw.components.length > 0) {
        bytes = Uint8Array.from(raw.bytes);
        const view = new DataView(bytes.buffer);
        for (const { glyphID, pos } of raw.components) view.setUint16(pos, this.includeGlyph(glyphID));
      }
      this.glyf.push(bytes);
      this.loca.offsets.push(this.offset);
      this.hmtx.metrics.push({ advance: raw.advance, bearing: raw.bearing });
      this.offset += bytes.length;
      return this.glyf.length - 1;
    }
  }
  internals.createSubset = () => new FastSubset(internals);
}
