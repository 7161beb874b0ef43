// Packing a pdfkit file into object streams keeps every object as it was and the file as poppler reads it, and
// makes it smaller; a file it does not expect is left as it is.
import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { withObjectStreams } from '../../../src/main/handouts/layout/object-streams';
import { loadFont } from '../../../src/main/handouts/typeset/handout-fonts';
import { pdfObjects } from './pdf-structure';
import { pdfPageTexts, pdfWarnings } from './pdf-tools';

/** Three tagged pages of text, straight from pdfkit. */
function pdfkitFile(version: '1.3' | '1.7'): Promise<Buffer> {
  const doc = new PDFDocument({ pdfVersion: version, tagged: true, lang: 'en', autoFirstPage: false, info: { CreationDate: new Date(0) } });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  doc.registerFont('body', loadFont('NotoSans-Regular') as unknown as string);
  const document = doc.struct('Document');
  doc.addStructure(document);
  for (let page = 1; page <= 3; page += 1) {
    doc.addPage();
    for (let line = 0; line < 20; line += 1) {
      const content = doc.markStructureContent('P');
      doc
        .font('body')
        .fontSize(10)
        .text(`Page ${page}, line ${line}: keep the treated skin out of the sun (SPF 50+).`, 50, 60 + line * 20, { lineBreak: false });
      doc.endMarkedContent();
      document.add(doc.struct('P', {}, [content]));
    }
  }
  document.end();
  doc.end();
  return done;
}

const byId = (objects: readonly { id: number; body: string }[]) => [...objects].sort((a, b) => a.id - b.id);

describe('object streams', () => {
  it('keep every object and the text of every page, in a smaller file', async () => {
    const plain = await pdfkitFile('1.7');
    const packed = withObjectStreams(plain);
    expect(packed.length).toBeLessThan(plain.length * 0.9);
    expect(pdfWarnings(packed)).toEqual([]);
    expect(pdfPageTexts(packed)).toEqual(pdfPageTexts(plain));
    expect(pdfPageTexts(packed)).toHaveLength(3);
    const inStreams = byId(pdfObjects(packed)).filter((o) => !/\/Type \/(ObjStm|XRef)/u.test(o.body));
    expect(inStreams).toEqual(byId(pdfObjects(plain)));
  });

  it('leave a file older than PDF 1.5 as it is', async () => {
    const old = await pdfkitFile('1.3');
    expect(withObjectStreams(old)).toBe(old);
  });
});
