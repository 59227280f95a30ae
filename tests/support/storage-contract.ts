/**
 * The MediaStorage contract (lib/storage/types.ts), one suite for every backend: the filesystem
 * (tests/unit/storage/fs-storage.test.ts) and S3 against s3rver (tests/integration/s3-storage.test.ts)
 * run it, each with its own sizes where buffering differs (S3 sends 8 MB parts), and keep only what
 * is particular to them in their own file.
 */
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { type MediaStorage, StorageNotFoundError, StorageVerificationError } from "@/lib/storage";
import { bytes, chunked, expectSameBytes, failingAfter, readAll, rejection, sha256 } from "./bytes";

export type StorageBackend = {
  /** The storage under test, fresh for each test (read at the start of each test). */
  storage: () => MediaStorage;
  /** Asserts no temporary upload is left behind (a staging file or object). */
  expectNoLeftovers: () => Promise<void>;
  contentType: string;
  /** Chunk size the bodies are cut into. */
  chunkSize: number;
  /**
   * How far past a limit a backend may read before it notices: a body of `bodyBytes` put with
   * `expectedSize` (or `maxBytes`) must be abandoned before the body has given the matching
   * `…MaxPulled` bytes.
   */
  overflow: { bodyBytes: number; expectedSize: number; expectedSizeMaxPulled: number; maxBytes: number; maxBytesMaxPulled: number };
  /** Bodies that fail mid-stream (after how many bytes): a single write, and e.g. a multipart one. */
  failingBodyBytes: readonly number[];
  /** Bytes already pushed when an upload is aborted, and how long to wait before aborting. */
  abort: { pushedBytes: number; waitMs: number };
  /** An overwrite: the new body's size, where it pauses, and how long to wait before looking. */
  overwrite: { bytes: number; pauseAt: number; waitMs: number };
};

/** 512 characters in all; one path segment can be at most 255 bytes on common filesystems. */
export const LONGEST_KEY = ["x".repeat(200), "y".repeat(200), "z".repeat(110)].join("/");

export function describeStorageContract(name: string, backend: StorageBackend): void {
  const { expectNoLeftovers, chunkSize } = backend;
  const CONTENT = { contentType: backend.contentType };
  const body = (data: Buffer) => chunked(data, chunkSize).body;

  describe(`${name}: put, stat, read`, () => {
    it("stores a body, reports its size and sha256, and reads it back whole and by inclusive ranges", async () => {
      const storage = backend.storage();
      const data = bytes(100_000);
      const result = await storage.put("interviews/int-1/recording.mp4", body(data), CONTENT);
      expect(result).toEqual({ key: "interviews/int-1/recording.mp4", size: data.length, sha256: sha256(data) });
      expect(await storage.stat("interviews/int-1/recording.mp4")).toEqual({ size: data.length });
      expectSameBytes(await readAll(await storage.read("interviews/int-1/recording.mp4")), data);
      expectSameBytes(await readAll(await storage.read("interviews/int-1/recording.mp4", { start: 0, end: 0 })), data.subarray(0, 1));
      expectSameBytes(await readAll(await storage.read("interviews/int-1/recording.mp4", { start: 99_999, end: 99_999 })), data.subarray(99_999));
      expectSameBytes(await readAll(await storage.read("interviews/int-1/recording.mp4", { start: 1000, end: 2999 })), data.subarray(1000, 3000));
      await expectNoLeftovers();
    });

    it("accepts a Node Readable, a web ReadableStream and an empty body", async () => {
      const storage = backend.storage();
      const data = bytes(50_000);
      await storage.put("forms/a.bin", Readable.from([data.subarray(0, 10), data.subarray(10)]), CONTENT);
      await storage.put("forms/b.bin", new Blob([new Uint8Array(data)]).stream(), CONTENT);
      expectSameBytes(await readAll(await storage.read("forms/a.bin")), data);
      expectSameBytes(await readAll(await storage.read("forms/b.bin")), data);
      const empty = await storage.put("forms/empty.txt", body(Buffer.alloc(0)), { ...CONTENT, expectedSize: 0 });
      expect(empty).toEqual({ key: "forms/empty.txt", size: 0, sha256: sha256(Buffer.alloc(0)) });
      expect(await storage.stat("forms/empty.txt")).toEqual({ size: 0 });
    });

    it("passes when expectedSize, expectedSha256 and maxBytes all match", async () => {
      const data = bytes(10_000);
      const result = await backend.storage().put("ok.bin", body(data), { ...CONTENT, expectedSize: data.length, expectedSha256: sha256(data), maxBytes: data.length });
      expect(result.size).toBe(data.length);
    });

    it("reports a missing object: stat null, read StorageNotFoundError, delete a no-op", async () => {
      const storage = backend.storage();
      expect(await storage.stat("missing.bin")).toBeNull();
      await expect(storage.read("missing.bin")).rejects.toBeInstanceOf(StorageNotFoundError);
      await expect(storage.read("missing.bin", { start: 0, end: 10 })).rejects.toBeInstanceOf(StorageNotFoundError);
      await expect(storage.delete("missing.bin")).resolves.toBeUndefined();
    });

    it("deletes an object", async () => {
      const storage = backend.storage();
      await storage.put("gone.bin", body(bytes(10)), CONTENT);
      await storage.delete("gone.bin");
      expect(await storage.stat("gone.bin")).toBeNull();
    });
  });

  describe(`${name}: verification`, () => {
    it("rejects a body shorter than expectedSize", async () => {
      const storage = backend.storage();
      const error = await rejection(storage.put("v/short.bin", body(bytes(1000)), { ...CONTENT, expectedSize: 1001 }));
      expect(error).toBeInstanceOf(StorageVerificationError);
      expect((error as StorageVerificationError).reason).toBe("size_mismatch");
      expect(await storage.stat("v/short.bin")).toBeNull();
      await expectNoLeftovers();
    });

    it("rejects a body longer than expectedSize as soon as it overflows, without reading the rest", async () => {
      const storage = backend.storage();
      const { body: long, state } = chunked(bytes(backend.overflow.bodyBytes), chunkSize);
      const error = await rejection(storage.put("v/long.bin", long, { ...CONTENT, expectedSize: backend.overflow.expectedSize }));
      expect((error as StorageVerificationError).reason).toBe("size_mismatch");
      expect(state.pulled).toBeLessThan(backend.overflow.expectedSizeMaxPulled);
      expect(state.closed).toBe(true);
      expect(await storage.stat("v/long.bin")).toBeNull();
      await expectNoLeftovers();
    });

    it("rejects a body whose sha256 differs", async () => {
      const storage = backend.storage();
      const error = await rejection(storage.put("v/sha.bin", body(bytes(5000)), { ...CONTENT, expectedSha256: sha256(bytes(5000, 2)) }));
      expect((error as StorageVerificationError).reason).toBe("sha256_mismatch");
      expect(await storage.stat("v/sha.bin")).toBeNull();
      await expectNoLeftovers();
    });

    it("aborts early past maxBytes and accepts a body of exactly maxBytes", async () => {
      const storage = backend.storage();
      const { body: long, state } = chunked(bytes(backend.overflow.bodyBytes), chunkSize);
      const error = await rejection(storage.put("v/cap.bin", long, { ...CONTENT, maxBytes: backend.overflow.maxBytes }));
      expect((error as StorageVerificationError).reason).toBe("too_large");
      expect(state.pulled).toBeLessThan(backend.overflow.maxBytesMaxPulled);
      expect(await storage.stat("v/cap.bin")).toBeNull();
      await expectNoLeftovers();

      await storage.put("v/cap.bin", body(bytes(8192)), { ...CONTENT, maxBytes: 8192 });
      expect(await storage.stat("v/cap.bin")).toEqual({ size: 8192 });
    });
  });

  describe(`${name}: failures and atomicity`, () => {
    it("rejects with the body's error, leaving the previous object untouched", async () => {
      const storage = backend.storage();
      const previous = bytes(3000, 7);
      await storage.put("f/media.bin", body(previous), CONTENT);
      const boom = new Error("connection reset");
      for (const size of backend.failingBodyBytes) {
        await expect(storage.put("f/media.bin", failingAfter(bytes(size), boom, chunkSize), CONTENT)).rejects.toBe(boom);
      }
      expectSameBytes(await readAll(await storage.read("f/media.bin")), previous);
      await expectNoLeftovers();
    });

    it("leaves nothing at a new key when the body fails", async () => {
      const storage = backend.storage();
      await expect(storage.put("f/new.bin", failingAfter(bytes(1024), new Error("boom"), chunkSize), CONTENT)).rejects.toThrow("boom");
      expect(await storage.stat("f/new.bin")).toBeNull();
      await expectNoLeftovers();
    });

    it("rejects with the signal's reason when aborted mid-stream, and closes the body", async () => {
      const storage = backend.storage();
      const controller = new AbortController();
      const pending = new Readable({ read() {} });
      pending.push(bytes(backend.abort.pushedBytes));
      const put = storage.put("f/aborted.bin", pending, { ...CONTENT, signal: controller.signal });
      await new Promise((resolve) => setTimeout(resolve, backend.abort.waitMs));
      const reason = new Error("job cancelled");
      controller.abort(reason);
      await expect(put).rejects.toBe(reason);
      expect(pending.destroyed).toBe(true);
      expect(await storage.stat("f/aborted.bin")).toBeNull();
      await expectNoLeftovers();
    });

    it("rejects at once with an already-aborted signal", async () => {
      const storage = backend.storage();
      const put = storage.put("f/pre.bin", body(bytes(10)), { ...CONTENT, signal: AbortSignal.abort() });
      await expect(put).rejects.toMatchObject({ name: "AbortError" });
      expect(await storage.stat("f/pre.bin")).toBeNull();
    });

    it("keeps the old object fully readable until an overwrite commits, then serves the new one", async () => {
      const storage = backend.storage();
      const v1 = bytes(200_000, 1);
      const v2 = bytes(backend.overwrite.bytes, 2);
      await storage.put("f/swap.bin", body(v1), CONTENT);

      let release!: () => void;
      const gate = new Promise<void>((resolve) => (release = resolve));
      async function* slowV2() {
        yield v2.subarray(0, backend.overwrite.pauseAt);
        await gate;
        yield v2.subarray(backend.overwrite.pauseAt);
      }
      const put = storage.put("f/swap.bin", slowV2(), CONTENT);
      await new Promise((resolve) => setTimeout(resolve, backend.overwrite.waitMs));
      expect(await storage.stat("f/swap.bin")).toEqual({ size: v1.length });
      expectSameBytes(await readAll(await storage.read("f/swap.bin")), v1);
      release();
      await put;
      expectSameBytes(await readAll(await storage.read("f/swap.bin")), v2);
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
      await backend.storage().put("f/progress.bin", slow(), { ...CONTENT, onProgress: (n) => counts.push(n) });
      expect(counts.length).toBeGreaterThanOrEqual(2);
      // ~800 ms of body: at most one call per 250 ms plus the final one.
      expect(counts.length).toBeLessThanOrEqual(5);
      expect(counts).toEqual([...counts].sort((a, b) => a - b));
      expect(counts.at(-1)).toBe(data.length);
    });
  });

  describe(`${name}: keys`, () => {
    it.each([[""], [".partial/x"], [".hidden"], ["/abs"], ["../x"], ["a/../b"], ["a/.."], ["a/./b"], ["a//b"], ["a/"], ["a b"], ["a\\b"], ["é.mp4"], ["x".repeat(513)]])("rejects %j", async (key) => {
      const storage = backend.storage();
      await expect(storage.put(key, body(bytes(1)), CONTENT)).rejects.toThrow("Invalid storage key");
      await expect(storage.stat(key)).rejects.toThrow("Invalid storage key");
      await expect(storage.read(key)).rejects.toThrow("Invalid storage key");
      await expect(storage.delete(key)).rejects.toThrow("Invalid storage key");
    });

    it.each([["A"], [LONGEST_KEY], ["interviews/2024_05/int-1.v2/transcript.json"]])("accepts %j", async (key) => {
      const storage = backend.storage();
      await storage.put(key, body(bytes(3)), CONTENT);
      expect(await storage.stat(key)).toEqual({ size: 3 });
    });
  });
}
