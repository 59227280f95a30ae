import { createHash } from "node:crypto";
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createFsStorage, type MediaStorage, StorageNotFoundError, StorageVerificationError } from "@/lib/storage";
import { bytes, chunked, expectSameBytes, failingAfter, readAll, rejection, sha256 } from "../../support/bytes";

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

describe("createFsStorage: put, stat, read", () => {
  it("stores a body and reports its size and sha256", async () => {
    const data = bytes(100_000);
    const result = await storage.put("interviews/int-1/recording.mp4", chunked(data).body, CONTENT);
    expect(result).toEqual({ key: "interviews/int-1/recording.mp4", size: data.length, sha256: sha256(data) });
    expect(await storage.stat("interviews/int-1/recording.mp4")).toEqual({ size: data.length });
    expectSameBytes(await readAll(await storage.read("interviews/int-1/recording.mp4")), data);
    expectSameBytes(await readFile(path.join(dir, "interviews", "int-1", "recording.mp4")), data);
    await expectNoLeftovers();
  });

  it("accepts a Node Readable and a web ReadableStream", async () => {
    const data = bytes(50_000);
    await storage.put("a.bin", Readable.from([data.subarray(0, 10), data.subarray(10)]), CONTENT);
    await storage.put("b.bin", new Blob([new Uint8Array(data)]).stream(), CONTENT);
    expectSameBytes(await readAll(await storage.read("a.bin")), data);
    expectSameBytes(await readAll(await storage.read("b.bin")), data);
  });

  it("stores an empty body", async () => {
    const result = await storage.put("empty.txt", chunked(Buffer.alloc(0)).body, { ...CONTENT, expectedSize: 0 });
    expect(result).toEqual({ key: "empty.txt", size: 0, sha256: sha256(Buffer.alloc(0)) });
    expect(await storage.stat("empty.txt")).toEqual({ size: 0 });
  });

  it("passes when expectedSize and expectedSha256 match", async () => {
    const data = bytes(10_000);
    const result = await storage.put("ok.bin", chunked(data).body, { ...CONTENT, expectedSize: data.length, expectedSha256: sha256(data), maxBytes: data.length });
    expect(result.size).toBe(data.length);
  });

  it("reads inclusive byte ranges: first byte, last byte, middle", async () => {
    const data = bytes(4096);
    await storage.put("r.bin", chunked(data).body, CONTENT);
    expectSameBytes(await readAll(await storage.read("r.bin", { start: 0, end: 0 })), data.subarray(0, 1));
    expectSameBytes(await readAll(await storage.read("r.bin", { start: 4095, end: 4095 })), data.subarray(4095));
    expectSameBytes(await readAll(await storage.read("r.bin", { start: 1000, end: 2999 })), data.subarray(1000, 3000));
  });

  it("reports a missing object: stat null, read StorageNotFoundError, delete a no-op", async () => {
    expect(await storage.stat("missing.bin")).toBeNull();
    await expect(storage.read("missing.bin")).rejects.toBeInstanceOf(StorageNotFoundError);
    await expect(storage.delete("missing.bin")).resolves.toBeUndefined();
    // A folder is not an object.
    await mkdir(path.join(dir, "folder"));
    expect(await storage.stat("folder")).toBeNull();
    await expect(storage.read("folder")).rejects.toBeInstanceOf(StorageNotFoundError);
  });

  it("deletes an object", async () => {
    await storage.put("gone.bin", chunked(bytes(10)).body, CONTENT);
    await storage.delete("gone.bin");
    expect(await storage.stat("gone.bin")).toBeNull();
  });

  it("resolves a relative dir against the working directory", async () => {
    const relative = createFsStorage({ dir: path.relative(process.cwd(), dir) });
    await relative.put("rel.bin", chunked(bytes(10)).body, CONTENT);
    expectSameBytes(await readFile(path.join(dir, "rel.bin")), bytes(10));
  });
});

describe("createFsStorage: verification", () => {
  it("rejects a body shorter than expectedSize", async () => {
    const error = await rejection(storage.put("short.bin", chunked(bytes(1000)).body, { ...CONTENT, expectedSize: 1001 }));
    expect(error).toBeInstanceOf(StorageVerificationError);
    expect((error as StorageVerificationError).reason).toBe("size_mismatch");
    expect(await storage.stat("short.bin")).toBeNull();
    await expectNoLeftovers();
  });

  it("rejects a body longer than expectedSize as soon as it overflows, without reading the rest", async () => {
    const { body, state } = chunked(bytes(10 * 1024 * 1024), 1024);
    const error = await rejection(storage.put("long.bin", body, { ...CONTENT, expectedSize: 4096 }));
    expect((error as StorageVerificationError).reason).toBe("size_mismatch");
    expect(state.pulled).toBeLessThan(256 * 1024);
    expect(state.closed).toBe(true);
    expect(await storage.stat("long.bin")).toBeNull();
    await expectNoLeftovers();
  });

  it("rejects a body whose sha256 differs", async () => {
    const data = bytes(5000);
    const error = await rejection(storage.put("sha.bin", chunked(data).body, { ...CONTENT, expectedSha256: sha256(bytes(5000, 2)) }));
    expect((error as StorageVerificationError).reason).toBe("sha256_mismatch");
    expect(await storage.stat("sha.bin")).toBeNull();
    await expectNoLeftovers();
  });

  it("aborts early past maxBytes and accepts a body of exactly maxBytes", async () => {
    const { body, state } = chunked(bytes(10 * 1024 * 1024), 1024);
    const error = await rejection(storage.put("cap.bin", body, { ...CONTENT, maxBytes: 8192 }));
    expect((error as StorageVerificationError).reason).toBe("too_large");
    expect(state.pulled).toBeLessThan(256 * 1024);
    expect(await storage.stat("cap.bin")).toBeNull();
    await expectNoLeftovers();

    await storage.put("cap.bin", chunked(bytes(8192)).body, { ...CONTENT, maxBytes: 8192 });
    expect(await storage.stat("cap.bin")).toEqual({ size: 8192 });
  });
});

describe("createFsStorage: failures and atomicity", () => {
  it("rejects with the body's error, leaving the previous object untouched", async () => {
    const previous = bytes(3000, 7);
    await storage.put("media.bin", chunked(previous).body, CONTENT);
    const boom = new Error("connection reset");
    await expect(storage.put("media.bin", failingAfter(bytes(64 * 1024), boom), CONTENT)).rejects.toBe(boom);
    expectSameBytes(await readAll(await storage.read("media.bin")), previous);
    await expectNoLeftovers();
  });

  it("leaves nothing at a new key when the body fails", async () => {
    await expect(storage.put("new.bin", failingAfter(bytes(1024), new Error("boom")), CONTENT)).rejects.toThrow("boom");
    expect(await storage.stat("new.bin")).toBeNull();
    await expectNoLeftovers();
  });

  it("rejects with the signal's reason when aborted mid-stream, and closes the body", async () => {
    const controller = new AbortController();
    const body = new Readable({ read() {} });
    body.push(bytes(4096));
    const put = storage.put("aborted.bin", body, { ...CONTENT, signal: controller.signal });
    await new Promise((resolve) => setTimeout(resolve, 20));
    const reason = new Error("job cancelled");
    controller.abort(reason);
    await expect(put).rejects.toBe(reason);
    expect(body.destroyed).toBe(true);
    expect(await storage.stat("aborted.bin")).toBeNull();
    await expectNoLeftovers();
  });

  it("rejects at once with an already-aborted signal", async () => {
    const put = storage.put("pre.bin", chunked(bytes(10)).body, { ...CONTENT, signal: AbortSignal.abort() });
    await expect(put).rejects.toMatchObject({ name: "AbortError" });
    expect(await storage.stat("pre.bin")).toBeNull();
  });

  it("keeps the old object fully readable until an overwrite commits, then serves the new one", async () => {
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
    expect(await storage.stat("swap.bin")).toEqual({ size: v1.length });
    const readerOfV1 = await storage.read("swap.bin");
    release();
    await put;

    expectSameBytes(await readAll(await storage.read("swap.bin")), v2);
    // A reader opened before the commit keeps the version it opened.
    expectSameBytes(await readAll(readerOfV1), v1);
    await expectNoLeftovers();
  });

  it("reports progress with non-decreasing counts, throttled, ending at the size", async () => {
    const data = bytes(8 * 1024);
    async function* slow() {
      for (let i = 0; i < 8; i++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        yield data.subarray(i * 1024, (i + 1) * 1024);
      }
    }
    const counts: number[] = [];
    await storage.put("progress.bin", slow(), { ...CONTENT, onProgress: (n) => counts.push(n) });
    expect(counts.length).toBeGreaterThanOrEqual(2);
    // ~800 ms of body: at most one call per 250 ms plus the final one.
    expect(counts.length).toBeLessThanOrEqual(5);
    expect(counts).toEqual([...counts].sort((a, b) => a - b));
    expect(counts.at(-1)).toBe(data.length);
  });
});

describe("createFsStorage: keys", () => {
  it.each([
    [""],
    [".partial/x"],
    [".hidden"],
    ["/abs"],
    ["../x"],
    ["a/../b"],
    ["a/.."],
    ["a/./b"],
    ["a//b"],
    ["a/"],
    ["a b"],
    ["a\\b"],
    ["é.mp4"],
    ["x".repeat(513)],
  ])("rejects %j", async (key) => {
    await expect(storage.put(key, chunked(bytes(1)).body, CONTENT)).rejects.toThrow("Invalid storage key");
    await expect(storage.stat(key)).rejects.toThrow("Invalid storage key");
    await expect(storage.read(key)).rejects.toThrow("Invalid storage key");
    await expect(storage.delete(key)).rejects.toThrow("Invalid storage key");
  });

  // 512 characters in all; one path segment can be at most 255 bytes on common filesystems.
  const longest = ["x".repeat(200), "y".repeat(200), "z".repeat(110)].join("/");
  it.each([["A"], [longest], ["interviews/2024_05/int-1.v2/transcript.json"]])("accepts %j", async (key) => {
    await storage.put(key, chunked(bytes(3)).body, CONTENT);
    expect(await storage.stat(key)).toEqual({ size: 3 });
  });

  it("never lets a key reach the staging folder", async () => {
    await mkdir(path.join(dir, ".partial"), { recursive: true });
    await writeFile(path.join(dir, ".partial", "stale"), "x");
    await expect(storage.stat(".partial/stale")).rejects.toThrow("Invalid storage key");
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
    const { utimes, writeFile: write, mkdir: makeDir, readdir: list } = await import("node:fs/promises");
    const { removeStalePartials } = await import("@/lib/storage");
    await storage.put("kept.bin", Readable.from([Buffer.from("kept")]), { contentType: "x" });
    await makeDir(path.join(dir, ".partial"), { recursive: true });
    await write(path.join(dir, ".partial", "old"), "left by a killed process");
    await write(path.join(dir, ".partial", "new"), "a download in progress");
    const dayAgo = new Date(Date.now() - 25 * 3600_000);
    await utimes(path.join(dir, ".partial", "old"), dayAgo, dayAgo);
    expect(await removeStalePartials(dir, 24 * 3600_000)).toBe(1);
    expect(await list(path.join(dir, ".partial"))).toEqual(["new"]);
    expect(await storage.stat("kept.bin")).toEqual({ size: 4 });
    expect(await removeStalePartials(path.join(dir, "nowhere"), 1)).toBe(0);
  });
});
