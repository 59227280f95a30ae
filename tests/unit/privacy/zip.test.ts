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
