/**
 * A streaming ZIP writer (APPNOTE 6.3.10): "stored" entries (media is already compressed), each
 * followed by a data descriptor so no size or CRC is needed up front, and ZIP64 records once an
 * entry, an offset or the entry count outgrows the 32/16-bit fields. Pull-based: an async
 * generator that yields each source chunk as soon as it has been counted and hashed, so the
 * consumer's pace is the sources' pace (backpressure) and memory holds one chunk per entry — never
 * a whole file. Returning early (a cancelled download) or a source error closes the open source.
 *
 * Framework-free; uses zlib.crc32 (Node ≥ 20.15).
 */
import { crc32 } from "node:zlib";

export type ZipEntry = {
  /** The path inside the archive ("media/<interview>/recording.mp4"), "/"-separated, UTF-8. */
  name: string;
  modifiedAt: Date;
  /** Opened when the entry is written, not before (one source open at a time). */
  open: () => AsyncIterable<Uint8Array> | Promise<AsyncIterable<Uint8Array>>;
  /** When known: the entry must have exactly this many bytes (else the archive fails). */
  size?: number | null;
};

const U32_MAX = 0xffffffff;
const U16_MAX = 0xffff;
const FLAGS = 0x0008 | 0x0800; // sizes and CRC in a data descriptor; UTF-8 names

type Written = { nameBytes: Buffer; crc: number; size: number; offset: number; dosTime: number; dosDate: number };

/** MS-DOS date and time (local fields; we use UTC), clamped to DOS's 1980–2107 range. */
export function dosDateTime(date: Date): { dosTime: number; dosDate: number } {
  const year = Math.min(Math.max(date.getUTCFullYear(), 1980), 2107);
  const dosTime = (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | Math.floor(date.getUTCSeconds() / 2);
  const dosDate = ((year - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate();
  return { dosTime, dosDate };
}

function localHeader(entry: Written): Buffer {
  const b = Buffer.alloc(30);
  b.writeUInt32LE(0x04034b50, 0);
  b.writeUInt16LE(20, 4); // version needed: the descriptor's 8-byte sizes are announced in the central directory
  b.writeUInt16LE(FLAGS, 6);
  b.writeUInt16LE(0, 8); // stored
  b.writeUInt16LE(entry.dosTime, 10);
  b.writeUInt16LE(entry.dosDate, 12);
  // CRC and sizes (14..25) stay 0: they follow in the data descriptor.
  b.writeUInt16LE(entry.nameBytes.length, 26);
  b.writeUInt16LE(0, 28);
  return Buffer.concat([b, entry.nameBytes]);
}

function dataDescriptor(entry: Written): Buffer {
  const isZip64 = entry.size >= U32_MAX;
  const b = Buffer.alloc(isZip64 ? 24 : 16);
  b.writeUInt32LE(0x08074b50, 0);
  b.writeUInt32LE(entry.crc, 4);
  if (isZip64) {
    b.writeBigUInt64LE(BigInt(entry.size), 8);
    b.writeBigUInt64LE(BigInt(entry.size), 16);
  } else {
    b.writeUInt32LE(entry.size, 8);
    b.writeUInt32LE(entry.size, 12);
  }
  return b;
}

function centralHeader(entry: Written): Buffer {
  const bigSize = entry.size >= U32_MAX;
  const bigOffset = entry.offset >= U32_MAX;
  const extraFields: Buffer[] = [];
  if (bigSize) extraFields.push(u64(entry.size), u64(entry.size));
  if (bigOffset) extraFields.push(u64(entry.offset));
  const extra = extraFields.length ? Buffer.concat([u16(0x0001), u16(extraFields.length * 8), ...extraFields]) : Buffer.alloc(0);
  const b = Buffer.alloc(46);
  b.writeUInt32LE(0x02014b50, 0);
  b.writeUInt16LE((3 << 8) | 45, 4); // made by: Unix, 4.5
  b.writeUInt16LE(extra.length ? 45 : 20, 6);
  b.writeUInt16LE(FLAGS, 8);
  b.writeUInt16LE(0, 10);
  b.writeUInt16LE(entry.dosTime, 12);
  b.writeUInt16LE(entry.dosDate, 14);
  b.writeUInt32LE(entry.crc, 16);
  b.writeUInt32LE(bigSize ? U32_MAX : entry.size, 20);
  b.writeUInt32LE(bigSize ? U32_MAX : entry.size, 24);
  b.writeUInt16LE(entry.nameBytes.length, 28);
  b.writeUInt16LE(extra.length, 30);
  // comment length, disk number, internal attributes: 0
  b.writeUInt32LE((0o100644 << 16) >>> 0, 38); // external attributes: a regular file, rw-r--r--
  b.writeUInt32LE(bigOffset ? U32_MAX : entry.offset, 42);
  return Buffer.concat([b, entry.nameBytes, extra]);
}

function endRecords(count: number, cdOffset: number, cdSize: number): Buffer {
  const parts: Buffer[] = [];
  const isZip64 = count >= U16_MAX || cdOffset >= U32_MAX || cdSize >= U32_MAX;
  if (isZip64) {
    const zip64EndOffset = cdOffset + cdSize;
    const rec = Buffer.alloc(56);
    rec.writeUInt32LE(0x06064b50, 0);
    rec.writeBigUInt64LE(44n, 4); // size of the rest of this record
    rec.writeUInt16LE((3 << 8) | 45, 12);
    rec.writeUInt16LE(45, 14);
    // disk numbers (16, 20): 0
    rec.writeBigUInt64LE(BigInt(count), 24);
    rec.writeBigUInt64LE(BigInt(count), 32);
    rec.writeBigUInt64LE(BigInt(cdSize), 40);
    rec.writeBigUInt64LE(BigInt(cdOffset), 48);
    const locator = Buffer.alloc(20);
    locator.writeUInt32LE(0x07064b50, 0);
    locator.writeBigUInt64LE(BigInt(zip64EndOffset), 8);
    locator.writeUInt32LE(1, 16); // total disks
    parts.push(rec, locator);
  }
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Math.min(count, U16_MAX), 8);
  end.writeUInt16LE(Math.min(count, U16_MAX), 10);
  end.writeUInt32LE(Math.min(cdSize, U32_MAX), 12);
  end.writeUInt32LE(Math.min(cdOffset, U32_MAX), 16);
  parts.push(end);
  return Buffer.concat(parts);
}

const u16 = (n: number) => {
  const b = Buffer.alloc(2);
  b.writeUInt16LE(n, 0);
  return b;
};
const u64 = (n: number) => {
  const b = Buffer.alloc(8);
  b.writeBigUInt64LE(BigInt(n), 0);
  return b;
};

/** The archive's bytes, entry by entry; the central directory once every entry is written. */
export async function* writeZip(entries: Iterable<ZipEntry> | AsyncIterable<ZipEntry>): AsyncGenerator<Uint8Array, void, undefined> {
  const written: Written[] = [];
  const names = new Set<string>();
  let offset = 0;
  for await (const entry of entries) {
    if (!entry.name || entry.name.startsWith("/") || entry.name.split("/").includes("..")) throw new Error(`Unsafe entry name "${entry.name}".`);
    if (names.has(entry.name)) throw new Error(`Duplicate entry name "${entry.name}".`);
    names.add(entry.name);
    const current: Written = { nameBytes: Buffer.from(entry.name, "utf8"), crc: 0, size: 0, offset, ...dosDateTime(entry.modifiedAt) };
    const header = localHeader(current);
    offset += header.length;
    yield header;
    for await (const chunk of await entry.open()) {
      if (chunk.byteLength === 0) continue;
      current.crc = crc32(chunk, current.crc);
      current.size += chunk.byteLength;
      offset += chunk.byteLength;
      yield chunk;
    }
    if (entry.size != null && entry.size !== current.size) throw new Error(`"${entry.name}" has ${current.size} bytes, ${entry.size} expected.`);
    const descriptor = dataDescriptor(current);
    offset += descriptor.length;
    yield descriptor;
    written.push(current);
  }
  const cdOffset = offset;
  let cdSize = 0;
  for (const entry of written) {
    const header = centralHeader(entry);
    cdSize += header.length;
    yield header;
  }
  yield endRecords(written.length, cdOffset, cdSize);
}
