// Lays handout blocks out on A4 pages with pdfkit: header (clinic name and logo, the patient's native and Latin
// names) and footer (the "general information, the doctor's instructions prevail" line and page numbers) on
// every page; a heading never alone at a page's foot; a block and its translation, a list item, a table row
// never split across pages (a table repeats its header row on the next page).
import PDFDocument from 'pdfkit';
import type { LanguageTag } from '../../../shared/domain/intake/vocabulary';
import { loadFont, type FontKey, type FontWeight } from '../typeset/handout-fonts';
import { glyphsSpellText, layoutCacheFor } from '../typeset/shaping';
import { paragraphHeight, typesetParagraph, type Txt, type TypesetParagraph } from '../typeset/typeset-paragraph';
import type { Block, Slot } from './handout-blocks';
import { withObjectStreams } from './object-streams';
import { paginate, type Piece } from './paginate';

export interface HandoutFrame {
  readonly language: LanguageTag;
  readonly title: Slot;
  readonly subtitle: Slot;
  readonly clinicName: string;
  readonly logo: Buffer | null;
  readonly patientNative: Txt;
  readonly patientLatin: string;
  readonly disclaimer: Slot;
  readonly pageLabel: (page: number, pages: number) => Slot;
  /** Written into the PDF's metadata, so the same input gives the same file. */
  readonly createdAt: Date;
  /** Words every page repeats in a red band under the header ("DRAFT – not a final quote"), or null. */
  readonly mark?: Slot | null;
}

const PAGE = { width: 595.28, height: 841.89 };
const MARGIN = { left: 48, right: 48, top: 92, bottom: 72 };
const TEXT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
const COLOURS = {
  text: '#1d1d1f',
  translation: '#4a4a4f',
  muted: '#6b6b70',
  heading: '#0b4f6c',
  warning: '#9b1c1c',
  rule: '#c9ced6',
  markBand: '#fbe9e9',
};
const SIZES = { body: 10, h1: 13.5, h2: 11, title: 17, small: 7.5 };
const TRANSLATION_SCALE = 0.92;

/** pdfkit shapes each word through its embedded font's `layoutCache`: handed the process's shaping cache, it finds
 * every word already shaped by the measuring (typeset/shaping.ts). */
function shareLayoutCache(doc: PDFKit.PDFDocument, key: FontKey): void {
  const embedded = (doc as unknown as { _font?: { layoutCache?: Record<string, unknown> } })._font;
  if (embedded?.layoutCache) embedded.layoutCache = layoutCacheFor(key);
}

const THAI_MARK = /[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]/u;

interface Chunk {
  /** A table row's table header, drawn again above the row when it starts a page. */
  readonly tableHeader?: Chunk;
  readonly height: number;
  /** Lines of text (side-by-side columns count once). */
  readonly lines: number;
  /** Draws at y; its text goes into `into` in the structure tree (null: drawn as an artifact, e.g. a repeated row). */
  draw(y: number, into: PDFKit.PDFStructureElement | null): void;
}

/** A slot's paragraphs, each at an offset: stacked (the patient's language, then smaller grey Korean) or, for
 * body text of a bilingual handout, side by side in two columns so the pair takes the room of one. */
interface SlotLayout {
  readonly paragraphs: readonly {
    readonly paragraph: TypesetParagraph;
    readonly lang: string;
    /** The paragraph as written, for the structure tree's ActualText of a right-to-left span. */
    readonly text: string;
    readonly colour: string;
    readonly dx: number;
    readonly dy: number;
    readonly width: number;
  }[];
  readonly height: number;
}

/** Lines a slot's text takes: side-by-side paragraphs count once, stacked ones add up. */
const slotLines = (layout: SlotLayout): number => {
  const rows = new Map<number, number>();
  for (const { paragraph, dy } of layout.paragraphs) rows.set(dy, Math.max(rows.get(dy) ?? 0, paragraph.lines.length));
  return [...rows.values()].reduce((sum, lines) => sum + lines, 0);
};

/** The structure element each kind of block becomes in the tagged PDF. */
const STRUCTURE_TYPE: Record<Block['type'], (block: Block) => string> = {
  heading: (block) => (block.type === 'heading' && block.level === 2 ? 'H2' : 'H1'),
  paragraph: () => 'P',
  list: () => 'L',
  table: () => 'Table',
  signatures: () => 'Div',
};

const COLUMN_GUTTER = 14;
/** The header's rule, and the mark's band just under it. */
const HEADER_RULE_Y = 74;
const MARK_BAND = { top: HEADER_RULE_Y + 4, pad: 3, below: 8 };

export async function drawHandout(frame: HandoutFrame, blocks: readonly Block[]): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 0,
    bufferPages: true,
    autoFirstPage: false,
    lang: frame.language,
    // Object streams (packed at the end) are PDF 1.5.
    pdfVersion: '1.7',
    // No default font: pdfkit would parse Helvetica's metrics for every document, and every text here names its own.
    font: '',
    // Tagged: a structure tree of headings, paragraphs, lists and tables, each span with its language.
    tagged: true,
    displayTitle: true,
    info: {
      Title: frame.title.map((t) => t.text).join(' / '),
      Author: frame.clinicName,
      CreationDate: frame.createdAt,
      ModDate: frame.createdAt,
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(withObjectStreams(Buffer.concat(chunks))));
    doc.on('error', reject);
  });

  const rtlPage = frame.language === 'ar';

  const registered = new Set<FontKey>();
  const useFont = (key: FontKey) => {
    if (!registered.has(key)) {
      doc.registerFont(key, loadFont(key) as unknown as string);
      registered.add(key);
      doc.font(key);
      shareLayoutCache(doc, key);
    } else doc.font(key);
  };

  /** `indent` leaves room for a list marker on each paragraph's reading side (left of Korean, right of Arabic). */
  const layoutSlot = (
    slot: Slot,
    size: number,
    weight: FontWeight,
    width: number,
    colour: string,
    columns = false,
    indent = 0,
  ): SlotLayout => {
    if (columns && slot.length === 2) {
      const columnWidth = (width - COLUMN_GUTTER) / 2;
      // The patient's language takes the reading side: the right column on an Arabic page.
      const first = rtlPage ? columnWidth + COLUMN_GUTTER : 0;
      const second = rtlPage ? 0 : columnWidth + COLUMN_GUTTER;
      // Side by side, both columns carry the same style (a warning is red in Korean too).
      const paragraphs = slot.map((txt, index) => {
        const paragraph = typesetParagraph(txt, size, weight, columnWidth - indent);
        return {
          paragraph,
          lang: txt.lang,
          text: txt.text,
          colour,
          dx: (index === 0 ? first : second) + (paragraph.rtl ? 0 : indent),
          dy: 0,
          width: columnWidth - indent,
        };
      });
      return { paragraphs, height: Math.max(...paragraphs.map((p) => paragraphHeight(p.paragraph))) };
    }
    let dy = 0;
    const paragraphs = slot.map((txt, index) => {
      const paragraph = typesetParagraph(txt, index === 0 ? size : size * TRANSLATION_SCALE, weight, width - indent);
      const placed = {
        paragraph,
        lang: txt.lang,
        text: txt.text,
        colour: index === 0 ? colour : COLOURS.translation,
        dx: paragraph.rtl ? 0 : indent,
        dy,
        width: width - indent,
      };
      dy += paragraphHeight(paragraph) + 1.5;
      return placed;
    });
    return { paragraphs, height: Math.max(0, dy - 1.5) };
  };

  /** Each paragraph of the slot becomes a Span with its language under `into`, so a screen reader and copy and
   * paste get the patient's language and Korean apart and in order. Without `into` the caller marks an artifact. */
  /** `align` is taken from each paragraph's own direction, or, with `pageSide`, from the page's (a table cell on
   * an Arabic page puts its Korean line on the same side as the Arabic one). */
  const drawSlot = (
    layout: SlotLayout,
    x: number,
    y: number,
    _width: number,
    align: 'start' | 'end' = 'start',
    into: PDFKit.PDFStructureElement | null = null,
    pageSide = false,
  ) => {
    for (const { paragraph, lang, text, colour, dx, dy, width } of layout.paragraphs) {
      // An empty cell has no text to tag.
      const content = into && paragraph.lines.length > 0 ? doc.markStructureContent('Span', { lang }) : null;
      let top = y + dy;
      for (const line of paragraph.lines) {
        const toRight = (pageSide ? rtlPage : paragraph.rtl) !== (align === 'end');
        const left = x + dx + (toRight ? width - line.width : 0);
        const baseline = top + (paragraph.lineHeight - paragraph.size) / 2 + paragraph.size * 0.86;
        doc.fillColor(colour);
        for (const run of line.runs) {
          useFont(run.font);
          // Where shaping split or reordered characters (Thai sara am, Vietnamese stacked accents), the glyphs alone
          // cannot say what the text was: ActualText gives search, copy and screen readers the original. Thai marks
          // too, though they map one to one: a zero-width mark drawn at an offset is read by poppler as a word, or
          // a line, of its own ("ออกให้วน" then "ั"). Not for right-to-left runs: readers would reverse it again.
          const actual = !run.shapeAsWhole && (THAI_MARK.test(run.text) || !glyphsSpellText(run.font, run.text));
          if (actual) doc.markContent('Span', { actual: run.text } as unknown as Parameters<typeof doc.markContent>[1]);
          doc.fontSize(paragraph.size).text(run.text, left + run.x, baseline, {
            lineBreak: false,
            baseline: 'alphabetic',
            // An Arabic run is one word (spaces are runs of their own), so pdfkit's cached per-word shaping lays
            // it out right to left as a whole; `features: []` (shape the string as one) would skip that cache.
            ...(run.shapeAsWhole && run.text.includes(' ') ? { features: [] } : {}),
          });
          if (actual) doc.endMarkedContent();
        }
        top += paragraph.lineHeight;
      }
      if (into && content) {
        doc.endMarkedContent();
        // Glyphs of a right-to-left line are drawn in visual order; the span's ActualText gives a screen reader
        // the sentence as written.
        into.add(doc.struct('Span', paragraph.rtl ? { lang, actual: text } : { lang }, [content]));
      }
    }
  };

  /** Rules, markers and running text that is not content: marked so readers skip it. Never nested: pdfkit closes
   * an open artifact when another opens, so the outer one's end would close something else (a repeated table
   * header row is an artifact that draws its own shading and rule). */
  let inArtifact = false;
  const artifact = (draw: () => void, type?: 'Pagination' | 'Layout') => {
    if (inArtifact) return draw();
    inArtifact = true;
    doc.markContent('Artifact', type ? { type } : {});
    draw();
    doc.endMarkedContent();
    inArtifact = false;
  };
  const structure = doc.struct('Document', { lang: frame.language });
  doc.addStructure(structure);
  /** A structure element appended to `parent` (in reading order: elements are made as their text is drawn). */
  const element = (parent: PDFKit.PDFStructureElement, type: string): PDFKit.PDFStructureElement => {
    const made = doc.struct(type);
    parent.add(made);
    return made;
  };

  const headingChunk = (block: Extract<Block, { type: 'heading' }>): Chunk => {
    const size = block.level === 1 ? SIZES.h1 : SIZES.h2;
    const layout = layoutSlot(block.text, size, 'Bold', TEXT_WIDTH, COLOURS.heading, true);
    const above = block.level === 1 ? 12 : 6;
    return {
      height: above + layout.height + 4,
      // A heading is not body text: a last page needs three lines besides it.
      lines: 0,
      draw: (y, into) => {
        if (block.level === 1)
          artifact(() =>
            doc
              .moveTo(MARGIN.left, y + above - 5)
              .lineTo(PAGE.width - MARGIN.right, y + above - 5)
              .lineWidth(0.6)
              .strokeColor(COLOURS.rule)
              .stroke(),
          );
        drawSlot(layout, MARGIN.left, y + above, TEXT_WIDTH, 'start', into);
      },
    };
  };

  const paragraphChunk = (block: Extract<Block, { type: 'paragraph' }>): Chunk => {
    const colour = block.tone === 'warning' ? COLOURS.warning : COLOURS.text;
    const layout = layoutSlot(block.text, SIZES.body, block.tone === 'strong' ? 'Bold' : 'Regular', TEXT_WIDTH, colour, true);
    return {
      height: layout.height + 4,
      lines: slotLines(layout),
      draw: (y, into) => drawSlot(layout, MARGIN.left, y, TEXT_WIDTH, 'start', into),
    };
  };

  const listChunks = (block: Extract<Block, { type: 'list' }>): Chunk[] => {
    const indent = 16;
    return block.items.map((item) => {
      const layout = layoutSlot(item, SIZES.body, 'Regular', TEXT_WIDTH, COLOURS.text, true, indent);
      return {
        height: layout.height + 2,
        lines: slotLines(layout),
        draw: (y, into) => {
          // One marker per language, each on its own paragraph's reading side.
          artifact(() => {
            for (const { paragraph, dx, dy, width } of layout.paragraphs) {
              const markerX = MARGIN.left + (paragraph.rtl ? dx + width + indent - 10 : dx - indent + 2);
              const middle = y + dy + paragraph.lineHeight / 2;
              if (block.marker === 'checkbox')
                doc
                  .rect(markerX, middle - 4.5, 8, 8)
                  .lineWidth(0.8)
                  .strokeColor(COLOURS.text)
                  .stroke();
              else
                doc
                  .circle(markerX + 3, middle, 1.8)
                  .fillColor(COLOURS.heading)
                  .fill();
            }
          });
          drawSlot(layout, MARGIN.left, y, TEXT_WIDTH, 'start', into ? element(element(into, 'LI'), 'LBody') : null);
        },
      };
    });
  };

  const tableChunks = (block: Extract<Block, { type: 'table' }>): Chunk[] => {
    const pad = 4;
    const order = rtlPage ? block.widths.map((_, i) => block.widths.length - 1 - i) : block.widths.map((_, i) => i);
    const xs: number[] = [];
    let x = MARGIN.left;
    for (const column of order) {
      xs[column] = x;
      x += block.widths[column]! * TEXT_WIDTH;
    }
    const rowChunk = (cells: readonly Slot[], header: boolean): Chunk => {
      const layouts = cells.map((cell, column) =>
        layoutSlot(
          cell,
          header ? SIZES.body - 1 : SIZES.body - 0.5,
          header ? 'Bold' : 'Regular',
          block.widths[column]! * TEXT_WIDTH - 2 * pad,
          COLOURS.text,
        ),
      );
      const height = Math.max(...layouts.map((l) => l.height)) + 2 * pad;
      return {
        height,
        lines: Math.max(...layouts.map(slotLines)),
        draw: (y, into) => {
          if (header) artifact(() => doc.rect(MARGIN.left, y, TEXT_WIDTH, height).fillColor('#eef3f6').fill());
          const row = into ? element(into, 'TR') : null;
          layouts.forEach((layout, column) =>
            drawSlot(
              layout,
              xs[column]! + pad,
              y + pad,
              block.widths[column]! * TEXT_WIDTH - 2 * pad,
              block.align?.[column] ?? 'start',
              row ? element(row, header ? 'TH' : 'TD') : null,
              true,
            ),
          );
          artifact(() =>
            doc
              .moveTo(MARGIN.left, y + height)
              .lineTo(PAGE.width - MARGIN.right, y + height)
              .lineWidth(0.4)
              .strokeColor(COLOURS.rule)
              .stroke(),
          );
        },
      };
    };
    const header = rowChunk(block.header, true);
    return [header, ...block.rows.map((row): Chunk => ({ ...rowChunk(row, false), tableHeader: header }))];
  };

  const signatureChunk = (block: Extract<Block, { type: 'signatures' }>): Chunk => {
    const roleWidth = TEXT_WIDTH * 0.3;
    const rows = block.roles.map((role) => layoutSlot(role, SIZES.body, 'Bold', roleWidth - 6, COLOURS.text));
    const signature = layoutSlot(block.signature, SIZES.small + 0.5, 'Regular', TEXT_WIDTH * 0.4, COLOURS.muted);
    const date = layoutSlot(block.date, SIZES.small + 0.5, 'Regular', TEXT_WIDTH * 0.25, COLOURS.muted);
    const rowHeight = Math.max(...rows.map((r) => r.height), 20) + Math.max(signature.height, date.height) + 14;
    return {
      height: rows.length * rowHeight + 6,
      lines: rows.length * 2,
      draw: (y, into) => {
        // Left to right: role, signature line, date line; an Arabic page mirrors the row.
        const at = (x: number, width: number) => (rtlPage ? PAGE.width - x - width : x);
        const signatureWidth = TEXT_WIDTH * 0.4;
        const dateWidth = TEXT_WIDTH * 0.26;
        rows.forEach((role, i) => {
          const top = y + i * rowHeight + 6;
          const lineY = top + Math.max(role.height, 20) + 2;
          const sigX = at(MARGIN.left + roleWidth, signatureWidth);
          const dateX = at(MARGIN.left + TEXT_WIDTH - dateWidth, dateWidth);
          const paragraph = () => (into ? element(into, 'P') : null);
          drawSlot(role, at(MARGIN.left, roleWidth - 6), top, roleWidth - 6, 'start', paragraph(), true);
          artifact(() =>
            doc
              .moveTo(sigX, lineY)
              .lineTo(sigX + signatureWidth, lineY)
              .moveTo(dateX, lineY)
              .lineTo(dateX + dateWidth, lineY)
              .lineWidth(0.7)
              .strokeColor(COLOURS.text)
              .stroke(),
          );
          drawSlot(signature, sigX, lineY + 2, signatureWidth, 'start', paragraph(), true);
          drawSlot(date, dateX, lineY + 2, dateWidth, 'start', paragraph(), true);
        });
      },
    };
  };

  const chunksOf = (block: Block): Chunk[] => {
    switch (block.type) {
      case 'heading':
        return [headingChunk(block)];
      case 'paragraph':
        return [paragraphChunk(block)];
      case 'list':
        return listChunks(block);
      case 'table':
        return tableChunks(block);
      case 'signatures':
        return [signatureChunk(block)];
    }
  };

  // A marked document's band takes room above the flow of every page, so it never lies over body text.
  const mark = frame.mark ? layoutSlot(frame.mark, SIZES.small + 1, 'Bold', TEXT_WIDTH - 2 * MARK_BAND.pad, COLOURS.warning, true) : null;
  const markBandHeight = mark ? mark.height + 2 * MARK_BAND.pad : 0;
  const top = mark ? Math.max(MARGIN.top, MARK_BAND.top + markBandHeight + MARK_BAND.below) : MARGIN.top;
  // The mark is content once, first in reading order (a screen reader hears "draft" before the title), and a
  // pagination artifact on every other page, like the running header.
  const markElement = mark ? element(structure, 'P') : null;

  // Title block, then the flow.
  let y = top;
  doc.addPage({ size: 'A4', margin: 0 });
  const title = layoutSlot(frame.title, SIZES.title, 'Bold', TEXT_WIDTH, COLOURS.heading);
  drawSlot(title, MARGIN.left, y, TEXT_WIDTH, 'start', element(structure, 'H1'), true);
  y += title.height + 2;
  const subtitle = layoutSlot(frame.subtitle, SIZES.body - 1, 'Regular', TEXT_WIDTH, COLOURS.muted);
  drawSlot(subtitle, MARGIN.left, y, TEXT_WIDTH, 'start', element(structure, 'P'), true);
  y += subtitle.height + 4;

  // Sections open at level-1 headings (a treatment's name); a page that continues one repeats its name on top.
  const all = blocks.map(chunksOf);
  const pieces: Piece[] = [];
  const flat: Chunk[] = [];
  const blockOf: number[] = [];
  let section = -1;
  all.forEach((chunks, blockIndex) => {
    const block = blocks[blockIndex]!;
    const opens = block.type === 'heading' && block.level === 1;
    if (opens) section = blockIndex;
    // A heading, a lead-in line (bold "What to do:", the statement the signatures sign, or a red "Not normal:" that
    // opens a list) and a `with-next` block stay with what follows; a `together` block and a table's header with
    // its first row stay whole.
    const leadsIntoList = block.type === 'paragraph' && block.tone === 'warning' && blocks[blockIndex + 1]?.type === 'list';
    const gluedToNext =
      block.type === 'heading' || (block.type === 'paragraph' && block.tone === 'strong') || leadsIntoList || block.keep === 'with-next';
    chunks.forEach((chunk, index) => {
      const last = index === chunks.length - 1;
      const glueNext = last ? gluedToNext : gluedToNext || block.keep === 'together' || (block.type === 'table' && index === 0);
      pieces.push({
        height: chunk.height,
        lines: chunk.lines,
        glueNext,
        section,
        opensSection: opens && index === 0,
        ...(chunk.tableHeader ? { tableHeader: chunk.tableHeader.height } : {}),
      });
      flat.push(chunk);
      blockOf.push(blockIndex);
    });
  });
  const reminder = (sectionIndex: number) => {
    const heading = blocks[sectionIndex] as Extract<Block, { type: 'heading' }>;
    return layoutSlot(heading.text, SIZES.body, 'Bold', TEXT_WIDTH, COLOURS.muted, true);
  };
  const plan = paginate(pieces, {
    firstTop: y,
    top,
    bottom: PAGE.height - MARGIN.bottom,
    reminderHeight: (sectionIndex) => reminder(sectionIndex).height + 6,
  });
  for (let page = 1; page < plan.pages; page += 1) doc.addPage({ size: 'A4', margin: 0 });
  const firstPage = doc.bufferedPageRange().start;
  plan.reminders.forEach(({ section: sectionIndex, y: top }, page) => {
    if (sectionIndex < 0) return;
    doc.switchToPage(firstPage + page);
    artifact(() => drawSlot(reminder(sectionIndex), MARGIN.left, top, TEXT_WIDTH), 'Pagination');
  });
  const blockElements = new Map<number, PDFKit.PDFStructureElement>();
  flat.forEach((chunk, index) => {
    const { page, y: top, repeatHeader } = plan.placements[index]!;
    doc.switchToPage(firstPage + page);
    const header = chunk.tableHeader;
    if (repeatHeader && header) artifact(() => header.draw(top - header.height, null), 'Pagination');
    const blockIndex = blockOf[index]!;
    let into = blockElements.get(blockIndex);
    if (!into) blockElements.set(blockIndex, (into = element(structure, STRUCTURE_TYPE[blocks[blockIndex]!.type](blocks[blockIndex]!))));
    chunk.draw(top, into);
  });

  // Header and footer on every page, now that the page count is known. The logo is read once: pdfkit embeds an image
  // given as bytes again on every page it is drawn on.
  const logo = openLogo(frame.logo);
  const range = doc.bufferedPageRange();
  const pages = range.count;
  for (let index = 0; index < pages; index += 1) {
    doc.switchToPage(range.start + index);
    artifact(() => {
      drawHeader(index);
      drawFooter(index + 1, pages);
    }, 'Pagination');
    if (mark) drawMark(mark, index);
  }

  function drawMark(layout: SlotLayout, pageIndex: number) {
    artifact(() => doc.rect(MARGIN.left, MARK_BAND.top, TEXT_WIDTH, markBandHeight).fillColor(COLOURS.markBand).fill());
    const draw = (into: PDFKit.PDFStructureElement | null) =>
      drawSlot(layout, MARGIN.left + MARK_BAND.pad, MARK_BAND.top + MARK_BAND.pad, TEXT_WIDTH - 2 * MARK_BAND.pad, 'start', into);
    if (pageIndex === 0 && markElement) draw(markElement);
    else artifact(() => draw(null), 'Pagination');
  }

  // An Arabic page mirrors the header: logo and clinic at the right, the patient's names at the left.
  function drawHeader(pageIndex: number) {
    const clinicWidth = 220;
    let x = rtlPage ? PAGE.width - MARGIN.right : MARGIN.left;
    if (logo) {
      doc.image(logo, rtlPage ? x - 120 : x, 30, { fit: [120, 34], ...(rtlPage ? { align: 'right' as const } : {}) });
      x += rtlPage ? -128 : 128;
    }
    const clinic = layoutSlot([{ text: frame.clinicName, lang: 'ko' }], 11, 'Bold', clinicWidth, COLOURS.heading);
    drawSlot(clinic, rtlPage ? x - clinicWidth : x, 36, clinicWidth, rtlPage ? 'end' : 'start');
    const nameWidth = 230;
    const native = layoutSlot([frame.patientNative], 11, 'Bold', nameWidth, COLOURS.text);
    const latin = layoutSlot([{ text: frame.patientLatin, lang: 'en' }], 9, 'Regular', nameWidth, COLOURS.muted);
    const nameX = rtlPage ? MARGIN.left : PAGE.width - MARGIN.right - nameWidth;
    const nativeRtl = native.paragraphs[0]?.paragraph.rtl ?? false;
    drawSlot(native, nameX, 30, nameWidth, nativeRtl === rtlPage ? 'end' : 'start');
    drawSlot(latin, nameX, 30 + native.height, nameWidth, rtlPage ? 'start' : 'end');
    doc
      .moveTo(MARGIN.left, HEADER_RULE_Y)
      .lineTo(PAGE.width - MARGIN.right, HEADER_RULE_Y)
      .lineWidth(pageIndex === 0 ? 1.2 : 0.6)
      .strokeColor(COLOURS.heading)
      .stroke();
  }

  function openLogo(bytes: Buffer | null): PDFKit.Mixins.ImageSrc | null {
    if (!bytes) return null;
    try {
      // pdfkit's openImage (missing from its type definitions) reads the image; doc.image draws it by reference.
      return (doc as unknown as { openImage(src: Buffer): PDFKit.Mixins.ImageSrc }).openImage(bytes);
    } catch {
      // A logo pdfkit cannot read is left out rather than failing the handout.
      return null;
    }
  }

  function drawFooter(page: number, pageCount: number) {
    const top = PAGE.height - MARGIN.bottom + 14;
    doc
      .moveTo(MARGIN.left, top - 6)
      .lineTo(PAGE.width - MARGIN.right, top - 6)
      .lineWidth(0.4)
      .strokeColor(COLOURS.rule)
      .stroke();
    const labelWidth = 90;
    const disclaimer = layoutSlot(frame.disclaimer, SIZES.small, 'Regular', TEXT_WIDTH - labelWidth - 10, COLOURS.muted);
    const label = layoutSlot(frame.pageLabel(page, pageCount), SIZES.small, 'Regular', labelWidth, COLOURS.muted);
    drawSlot(disclaimer, rtlPage ? MARGIN.left + labelWidth + 10 : MARGIN.left, top, TEXT_WIDTH - labelWidth - 10, 'start', null, true);
    drawSlot(label, rtlPage ? MARGIN.left : PAGE.width - MARGIN.right - labelWidth, top, labelWidth, rtlPage ? 'start' : 'end');
  }

  doc.end();
  return finished;
}
