import { inflateSync } from 'node:zlib';

const WOFF_SIGNATURE = 0x774f4646;

/**
 * Unpacks a WOFF 1.0 font into the plain sfnt (TrueType/OpenType) it wraps (W3C WOFF 1.0, section 5): the same
 * tables, inflated, behind a rebuilt table directory. pdfkit's font parser reads a plain sfnt several times faster
 * than a WOFF, which it inflates anew for every document.
 */
export function convertWoffToSfnt(woff: Buffer): Buffer {
  if (woff.readUInt32BE(0) !== WOFF_SIGNATURE) throw new Error('convertWoffToSfnt: not a WOFF 1.0 font');
  const numTables = woff.readUInt16BE(12);
  const header = Buffer.alloc(12 + 16 * numTables);
  header.writeUInt32BE(woff.readUInt32BE(4), 0);
  header.writeUInt16BE(numTables, 4);
  let searchRange = 1;
  let entrySelector = 0;
  while (searchRange * 2 <= numTables) {
    searchRange *= 2;
    entrySelector++;
  }
  header.writeUInt16BE(searchRange * 16, 6);
  header.writeUInt16BE(entrySelector, 8);
  header.writeUInt16BE(numTables * 16 - searchRange * 16, 10);
  const tables: Buffer[] = [];
  let offset = header.length;
  for (let index = 0; index < numTables; index++) {
    const entry = 44 + index * 20;
    const start = woff.readUInt32BE(entry + 4);
    const compressedLength = woff.readUInt32BE(entry + 8);
    const length = woff.readUInt32BE(entry + 12);
    const stored = woff.subarray(start, start + compressedLength);
    const table = Buffer.alloc((length + 3) & ~3);
    (compressedLength < length ? inflateSync(stored) : stored).copy(table);
    const record = 12 + index * 16;
    header.writeUInt32BE(woff.readUInt32BE(entry), record);
    header.writeUInt32BE(woff.readUInt32BE(entry + 16), record + 4);
    header.writeUInt32BE(offset, record + 8);
    header.writeUInt32BE(length, record + 12);
    tables.push(table);
    offset += table.length;
  }
  return Buffer.concat([header, ...tables]);
}
