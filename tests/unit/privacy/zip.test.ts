import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { dosDateTime, writeZip, type ZipEntry } from "@/lib/privacy/zip";
import { collect, readZip } from "../../support/read-zip";

const at = new Date("2026-12-08T10:20:30Z");

async function* chunks(...parts: string[]): AsyncGenerator<Uint8Array> {
  for (const part of parts) yield Buffer.from(part);
}

const entry = (name: string, ...parts: string[]): ZipEntry => ({ name, modifiedAt: at, open: () => chunks(...parts) });

function hasUnzip(): boolean {
  try {
    execFileSync("unzip", ["-v"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

describe("writeZip", () => {
  it("writes stored entries whose bytes, names and CRCs read back", async () => {
    const zip = await collect(writeZip([entry("candidate.json", '{"a":', "1}"), entry("media/i-1/recording.mp4", "x".repeat(100_000)), entry("media/i-1/empty.txt")]));
    const read = readZip(zip);
    expect(read.map((e) => e.name)).toEqual(["candidate.json", "media/i-1/recording.mp4", "media/i-1/empty.txt"]);
    expect(read[0]!.data.toString()).toBe('{"a":1}');
    expect(read[1]!.data.length).toBe(100_000);
    expect(read[2]!.data.length).toBe(0);
  });

  it.runIf(hasUnzip())("is accepted by Info-ZIP's unzip -t", async () => {
    const dir = mkdtempSync(join(tmpdir(), "zip-test-"));
    try {
      const file = join(dir, "a.zip");
      writeFileSync(file, await collect(writeZip([entry("candidate.json", "{}"), entry("media/i/ü.txt", "hello")])));
      expect(execFileSync("unzip", ["-t", file]).toString()).toContain("No errors detected");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("writes an empty archive as just the end record", async () => {
    const zip = await collect(writeZip([]));
    expect(zip.length).toBe(22);
    expect(readZip(zip)).toEqual([]);
  });

  it("fails when an entry's bytes differ from its declared size", async () => {
    await expect(collect(writeZip([{ ...entry("a.bin", "abc"), size: 4 }]))).rejects.toThrow("3 bytes, 4 expected");
  });

  it("refuses unsafe and duplicate names", async () => {
    await expect(collect(writeZip([entry("../etc/passwd", "x")]))).rejects.toThrow("Unsafe");
    await expect(collect(writeZip([entry("/abs", "x")]))).rejects.toThrow("Unsafe");
    await expect(collect(writeZip([entry("a", "x"), entry("a", "y")]))).rejects.toThrow("Duplicate");
  });

  it("opens sources one at a time, and closes the open one when the reader stops early", async () => {
    const events: string[] = [];
    async function* tracked(name: string): AsyncGenerator<Uint8Array> {
      events.push(`open ${name}`);
      try {
        yield Buffer.from("1");
        yield Buffer.from("2");
      } finally {
        events.push(`close ${name}`);
      }
    }
    const zip = writeZip([
      { name: "a", modifiedAt: at, open: () => tracked("a") },
      { name: "b", modifiedAt: at, open: () => tracked("b") },
    ]);
    await zip.next(); // a's header
    await zip.next(); // a's first chunk
    expect(events).toEqual(["open a"]);
    await zip.return(undefined);
    expect(events).toEqual(["open a", "close a"]);
  });
});

describe("writeZip past 4 GiB", () => {
  // 4 GiB + 1 MiB of one repeated chunk, consumed as it streams; only the archive's tail is kept.
  it("switches to ZIP64: 8-byte sizes in the descriptor and the central directory, a ZIP64 end record", { timeout: 120_000 }, async () => {
    const chunk = Buffer.alloc(1024 * 1024, 7);
    const big = 4 * 1024 + 1; // MiB
    async function* bigSource(): AsyncGenerator<Uint8Array> {
      for (let i = 0; i < big; i++) yield chunk;
    }
    let total = 0;
    let tail = Buffer.alloc(0);
    for await (const part of writeZip([{ name: "big.bin", modifiedAt: at, open: bigSource }, entry("after.txt", "after")])) {
      total += part.byteLength;
      tail = Buffer.concat([tail, Buffer.from(part)]).subarray(-4096);
    }
    const size = big * 1024 * 1024;
    const localBig = 30 + "big.bin".length;
    const afterOffset = localBig + size + 24; // the big entry's descriptor has 8-byte sizes
    const cdOffset = afterOffset + 30 + "after.txt".length + 5 + 16;
    const tailStart = total - tail.length;
    const at64 = (offset: number) => offset - tailStart;

    // Central directory: big.bin's sizes in its ZIP64 extra, after.txt's offset in its own.
    const bigHeader = at64(cdOffset);
    expect(tail.readUInt32LE(bigHeader)).toBe(0x02014b50);
    expect(tail.readUInt32LE(bigHeader + 24)).toBe(0xffffffff);
    expect(tail.readUInt16LE(bigHeader + 30)).toBe(20);
    expect(Number(tail.readBigUInt64LE(bigHeader + 46 + 7 + 4))).toBe(size);
    const afterHeader = bigHeader + 46 + 7 + 20;
    expect(tail.readUInt32LE(afterHeader + 42)).toBe(0xffffffff);
    expect(Number(tail.readBigUInt64LE(afterHeader + 46 + 9 + 4))).toBe(afterOffset);
    // ZIP64 end record and locator, then the classic end record pointing at them.
    const end = tail.length - 22;
    expect(tail.readUInt32LE(end)).toBe(0x06054b50);
    expect(tail.readUInt32LE(end + 16)).toBe(0xffffffff);
    expect(tail.readUInt32LE(end - 20)).toBe(0x07064b50);
    const zip64End = Number(tail.readBigUInt64LE(end - 20 + 8));
    expect(tail.readUInt32LE(at64(zip64End))).toBe(0x06064b50);
    expect(Number(tail.readBigUInt64LE(at64(zip64End) + 48))).toBe(cdOffset);
    expect(Number(tail.readBigUInt64LE(at64(zip64End) + 32))).toBe(2);
  });
});

describe("dosDateTime", () => {
  it("packs the UTC date and time, two-second resolution", () => {
    const { dosTime, dosDate } = dosDateTime(at);
    expect(dosDate).toBe(((2026 - 1980) << 9) | (12 << 5) | 8);
    expect(dosTime).toBe((10 << 11) | (20 << 5) | 15);
  });

  it("clamps dates before 1980", () => {
    expect(dosDateTime(new Date("1970-01-01T00:00:00Z")).dosDate >> 9).toBe(0);
  });
});
