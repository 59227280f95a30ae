/**
 * Reads a whole ZIP from a buffer by its central directory (stored entries only, ZIP64 aware), checking
 * each entry's CRC-32 and that its local header and data descriptor agree: the tests' independent
 * check of lib/privacy/zip.ts.
 */
import { crc32 } from "node:zlib";

export type ReadZipEntry = { name: string; data: Buffer; crc: number };

export function readZip(zip: Buffer): ReadZipEntry[] {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) throw new Error("No end of central directory record.");
  let count = zip.readUInt16LE(eocd + 10);
  let cdOffset = zip.readUInt32LE(eocd + 16);
  if (count === 0xffff || cdOffset === 0xffffffff) {
    const locator = eocd - 20;
    if (zip.readUInt32LE(locator) !== 0x07064b50) throw new Error("No ZIP64 locator.");
    const rec = Number(zip.readBigUInt64LE(locator + 8));
    if (zip.readUInt32LE(rec) !== 0x06064b50) throw new Error("No ZIP64 end record.");
    count = Number(zip.readBigUInt64LE(rec + 32));
    cdOffset = Number(zip.readBigUInt64LE(rec + 48));
  }
  const entries: ReadZipEntry[] = [];
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(p) !== 0x02014b50) throw new Error(`Bad central header at ${p}.`);
    if (zip.readUInt16LE(p + 10) !== 0) throw new Error("Only stored entries are read.");
    const crc = zip.readUInt32LE(p + 16);
    let size = zip.readUInt32LE(p + 24);
    const nameLength = zip.readUInt16LE(p + 28);
    const extraLength = zip.readUInt16LE(p + 30);
    const commentLength = zip.readUInt16LE(p + 32);
    let offset = zip.readUInt32LE(p + 42);
    const name = zip.subarray(p + 46, p + 46 + nameLength).toString("utf8");
    const extra = zip.subarray(p + 46 + nameLength, p + 46 + nameLength + extraLength);
    if (extra.length >= 4 && extra.readUInt16LE(0) === 0x0001) {
      let q = 4;
      if (size === 0xffffffff) {
        size = Number(extra.readBigUInt64LE(q));
        q += 16; // uncompressed, then compressed
      }
      if (offset === 0xffffffff) offset = Number(extra.readBigUInt64LE(q));
    }
    if (zip.readUInt32LE(offset) !== 0x04034b50) throw new Error(`Bad local header for ${name}.`);
    const localName = zip.subarray(offset + 30, offset + 30 + zip.readUInt16LE(offset + 26)).toString("utf8");
    if (localName !== name) throw new Error(`Local name ${localName} ≠ ${name}.`);
    const start = offset + 30 + zip.readUInt16LE(offset + 26) + zip.readUInt16LE(offset + 28);
    const data = zip.subarray(start, start + size);
    if (crc32(data) !== crc) throw new Error(`CRC mismatch in ${name}.`);
    if (zip.readUInt32LE(start + size) !== 0x08074b50 || zip.readUInt32LE(start + size + 4) !== crc) throw new Error(`Bad data descriptor for ${name}.`);
    entries.push({ name, data, crc });
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Collects an async byte stream into one buffer (small test archives only). */
export async function collect(chunks: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const chunk of chunks) parts.push(Buffer.from(chunk));
  return Buffer.concat(parts);
}
