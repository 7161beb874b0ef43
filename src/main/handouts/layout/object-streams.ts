// Packs a PDF written by pdfkit into object streams (PDF 1.5): every dictionary that is not a stream (pages, fonts'
// dictionaries, and above all the tagged structure tree, one object per heading, paragraph and language span) goes
// compressed into a few streams, and the cross-reference table becomes a compressed stream too. pdfkit writes
// them all as plain text with a 20-byte table row each: a fifth of a bilingual handout, a tenth once packed. Pages,
// fonts and images are not touched. Anything that does not look like what pdfkit writes is returned unchanged.
import { deflateSync } from 'node:zlib';

interface PlainObject {
  readonly id: number;
  readonly body: string;
}

/** Objects per object stream: a reader inflates a whole stream to reach one object in it. */
const PER_STREAM = 200;

export function withObjectStreams(pdf: Buffer): Buffer {
  const text = pdf.toString('latin1');
  const header = /^%PDF-1\.[5-7]\n%[^\n]*\n/u.exec(text);
  const trailerAt = text.lastIndexOf('\nxref\n');
  const trailer = /trailer\n<<\n([\s\S]*?)\n>>\nstartxref/u.exec(text.slice(trailerAt));
  if (!header || trailerAt < 0 || !trailer) return pdf;

  const plain: PlainObject[] = [];
  /** Stream objects, kept byte for byte. */
  const kept: { id: number; bytes: string }[] = [];
  let at = header[0].length;
  const start = /(\d+) 0 obj\n/uy;
  while (at < trailerAt + 1) {
    start.lastIndex = at;
    const opened = start.exec(text);
    if (!opened) return pdf;
    const id = Number(opened[1]);
    const bodyAt = at + opened[0].length;
    const streamAt = text.indexOf('\nstream\n', bodyAt);
    const endAt = text.indexOf('\nendobj\n', bodyAt);
    if (endAt < 0) return pdf;
    if (streamAt >= 0 && streamAt < endAt) {
      // A stream's data may hold anything: its end is found from its length, not by searching.
      const length = /\/Length (\d+)\n/u.exec(text.slice(bodyAt, streamAt));
      if (!length) return pdf;
      const dataEnd = streamAt + '\nstream\n'.length + Number(length[1]);
      const close = '\nendstream\nendobj\n';
      if (text.slice(dataEnd, dataEnd + close.length) !== close) return pdf;
      kept.push({ id, bytes: text.slice(at, dataEnd + close.length) });
      at = dataEnd + close.length;
    } else {
      plain.push({ id, body: text.slice(bodyAt, endAt) });
      at = endAt + '\nendobj\n'.length;
    }
  }
  const entries = trailer[1]!;
  const size = Number(/\/Size (\d+)/u.exec(entries)?.[1]);
  const root = /\/Root (\d+ 0 R)/u.exec(entries)?.[1];
  if (!Number.isInteger(size) || !root) return pdf;
  const info = /\/Info (\d+ 0 R)/u.exec(entries)?.[1];
  const fileId = /\/ID (\[[^\]]*\])/u.exec(entries)?.[1];

  const out: Buffer[] = [];
  let offset = 0;
  const write = (chunk: string | Buffer) => {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'latin1') : chunk;
    out.push(bytes);
    offset += bytes.length;
  };
  /** Per object number: [type, field 2, field 3] of its cross-reference stream row. */
  const rows = new Map<number, [number, number, number]>();
  write(header[0]);
  for (const { id, bytes } of kept) {
    rows.set(id, [1, offset, 0]);
    write(bytes);
  }
  let nextId = size;
  for (let first = 0; first < plain.length; first += PER_STREAM) {
    const group = plain.slice(first, first + PER_STREAM);
    const streamId = nextId++;
    let index = '';
    let bodies = '';
    group.forEach(({ id, body }, position) => {
      rows.set(id, [2, streamId, position]);
      index += `${id} ${bodies.length} `;
      bodies += `${body}\n`;
    });
    const data = deflateSync(Buffer.from(index + bodies, 'latin1'));
    rows.set(streamId, [1, offset, 0]);
    write(
      `${streamId} 0 obj\n<<\n/Type /ObjStm\n/N ${group.length}\n/First ${Buffer.byteLength(index, 'latin1')}\n/Filter /FlateDecode\n/Length ${data.length}\n>>\nstream\n`,
    );
    write(data);
    write('\nendstream\nendobj\n');
  }

  const xrefId = nextId++;
  rows.set(xrefId, [1, offset, 0]);
  // Rows of 1 + 4 + 2 bytes: type, offset or object stream, generation or index in the stream.
  const table = Buffer.alloc(nextId * 7);
  table.writeUInt8(0, 0);
  table.writeUInt32BE(0, 1);
  table.writeUInt16BE(0xffff, 5);
  for (const [id, [type, second, third]] of rows) {
    table.writeUInt8(type, id * 7);
    table.writeUInt32BE(second, id * 7 + 1);
    table.writeUInt16BE(third, id * 7 + 5);
  }
  const xref = deflateSync(table);
  const xrefAt = offset;
  write(
    `${xrefId} 0 obj\n<<\n/Type /XRef\n/Size ${nextId}\n/W [1 4 2]\n/Root ${root}\n${info ? `/Info ${info}\n` : ''}${fileId ? `/ID ${fileId}\n` : ''}/Filter /FlateDecode\n/Length ${xref.length}\n>>\nstream\n`,
  );
  write(xref);
  write(`\nendstream\nendobj\nstartxref\n${xrefAt}\n%%EOF\n`);
  return Buffer.concat(out);
}
