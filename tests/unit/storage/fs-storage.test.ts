/**
 * The filesystem backend: the shared MediaStorage contract (tests/support/storage-contract.ts),
 * then what only the filesystem does: files at their keys, a relative MEDIA_DIR, the .partial
 * staging folder, readers that keep the version they opened, memory, and the stale-partials sweep.
 */
import { createHash } from "node:crypto";
import { mkdir, mkdtemp, readdir, readFile, rm, utimes, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createFsStorage, type MediaStorage, removeStalePartials, StorageNotFoundError } from "@/lib/storage";
import { bytes, chunked, expectSameBytes, readAll, sha256 } from "../../support/bytes";
import { describeStorageContract } from "../../support/storage-contract";

const CONTENT = { contentType: "application/octet-stream" };

let dir: string;
let storage: MediaStorage;

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "fs-storage-"));
  storage = createFsStorage({ dir });
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function expectNoLeftovers() {
  expect(await readdir(path.join(dir, ".partial"))).toEqual([]);
}

describeStorageContract("createFsStorage", {
  storage: () => storage,
  expectNoLeftovers,
  contentType: CONTENT.contentType,
  chunkSize: 1024,
  overflow: { bodyBytes: 10 * 1024 * 1024, expectedSize: 4096, expectedSizeMaxPulled: 256 * 1024, maxBytes: 8192, maxBytesMaxPulled: 256 * 1024 },
  failingBodyBytes: [64 * 1024],
  abort: { pushedBytes: 4096, waitMs: 20 },
  overwrite: { bytes: 300_000, pauseAt: 150_000, waitMs: 20 },
});

describe("createFsStorage: files", () => {
  it("writes the object to the file at its key", async () => {
    const data = bytes(100_000);
    await storage.put("interviews/int-1/recording.mp4", chunked(data).body, CONTENT);
    expectSameBytes(await readFile(path.join(dir, "interviews", "int-1", "recording.mp4")), data);
    await expectNoLeftovers();
  });

  it("does not take a folder for an object", async () => {
    await mkdir(path.join(dir, "folder"));
    expect(await storage.stat("folder")).toBeNull();
    await expect(storage.read("folder")).rejects.toBeInstanceOf(StorageNotFoundError);
  });

  it("resolves a relative dir against the working directory", async () => {
    const relative = createFsStorage({ dir: path.relative(process.cwd(), dir) });
    await relative.put("rel.bin", chunked(bytes(10)).body, CONTENT);
    expectSameBytes(await readFile(path.join(dir, "rel.bin")), bytes(10));
  });

  it("never lets a key reach the staging folder", async () => {
    await mkdir(path.join(dir, ".partial"), { recursive: true });
    await writeFile(path.join(dir, ".partial", "stale"), "x");
    await expect(storage.stat(".partial/stale")).rejects.toThrow("Invalid storage key");
  });

  it("lets a reader opened before an overwrite commits keep the version it opened", async () => {
    const v1 = bytes(200_000, 1);
    const v2 = bytes(300_000, 2);
    await storage.put("swap.bin", chunked(v1).body, CONTENT);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    async function* slowV2() {
      yield v2.subarray(0, 150_000);
      await gate;
      yield v2.subarray(150_000);
    }
    const put = storage.put("swap.bin", slowV2(), CONTENT);
    await new Promise((resolve) => setTimeout(resolve, 20));
    const readerOfV1 = await storage.read("swap.bin");
    release();
    await put;
    expectSameBytes(await readAll(await storage.read("swap.bin")), v2);
    expectSameBytes(await readAll(readerOfV1), v1);
  });
});

describe("createFsStorage: memory", () => {
  it("streams a 50 MB body without holding it in memory", async () => {
    const chunkSize = 64 * 1024;
    const chunkCount = 800;
    // The body reuses a small pool of buffers, refilled before each yield, so the only allocations
    // measured are the storage's own; an implementation that held on to chunks would store
    // overwritten bytes and fail the sha256 check instead.
    const pool = Array.from({ length: 16 }, () => Buffer.alloc(chunkSize));
    const fill = (i: number) => pool[i % pool.length]!.fill(i % 251);
    const expected = createHash("sha256");
    for (let i = 0; i < chunkCount; i++) expected.update(fill(i));

    const baseline = process.memoryUsage();
    let peakGrowth = 0;
    async function* body() {
      for (let i = 0; i < chunkCount; i++) {
        const usage = process.memoryUsage();
        peakGrowth = Math.max(peakGrowth, usage.heapUsed + usage.arrayBuffers - baseline.heapUsed - baseline.arrayBuffers);
        yield fill(i);
      }
    }
    const result = await storage.put("big.bin", body(), CONTENT);
    expect(result.size).toBe(chunkSize * chunkCount);
    expect(result.sha256).toBe(expected.digest("hex"));
    expect(sha256(await readFile(path.join(dir, "big.bin")))).toBe(result.sha256);
    expect(peakGrowth).toBeLessThan(16 * 1024 * 1024);
  });
});

describe("removeStalePartials", () => {
  it("removes temporary files older than the limit, keeps newer ones and committed files", async () => {
    await storage.put("kept.bin", Readable.from([Buffer.from("kept")]), { contentType: "x" });
    await mkdir(path.join(dir, ".partial"), { recursive: true });
    await writeFile(path.join(dir, ".partial", "old"), "left by a killed process");
    await writeFile(path.join(dir, ".partial", "new"), "a download in progress");
    const dayAgo = new Date(Date.now() - 25 * 3600_000);
    await utimes(path.join(dir, ".partial", "old"), dayAgo, dayAgo);
    expect(await removeStalePartials(dir, 24 * 3600_000)).toBe(1);
    expect(await readdir(path.join(dir, ".partial"))).toEqual(["new"]);
    expect(await storage.stat("kept.bin")).toEqual({ size: 4 });
    expect(await removeStalePartials(path.join(dir, "nowhere"), 1)).toBe(0);
  });
});
