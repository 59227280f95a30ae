/**
 * The filesystem backend's large-body path (lib/storage/fs-writer.ts, used when expectedSize is at
 * least WRITER_MIN_BYTES): the same guarantees as the in-place path — verified before it is
 * committed, nothing left behind on failure — with the hashing and writing on a worker thread.
 */
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createFsStorage, type MediaStorage, StorageVerificationError } from "@/lib/storage";
import { WRITER_MIN_BYTES } from "@/lib/storage/fs-writer";
import { bytes, chunked as chunkedBy, rejection, sha256 } from "../../support/bytes";

/** Chunks of 64 * 1024 + 3 bytes unless told otherwise (the parts this suite is about). */
const chunked = (data: Buffer, chunkSize = 64 * 1024 + 3) => chunkedBy(data, chunkSize);

const CONTENT = { contentType: "video/mp4" } as const;
const SIZE = WRITER_MIN_BYTES + 123_457; // odd, so chunks never line up with anything

let dir: string;
let storage: MediaStorage;
const data = bytes(SIZE);

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "fs-writer-"));
  storage = createFsStorage({ dir });
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const leftovers = async () => (await readdir(path.join(dir, ".partial")).catch(() => [] as string[])).length;

describe("createFsStorage: bodies of WRITER_MIN_BYTES and more (the writer thread)", () => {
  it("stores the exact bytes, hashes them, reports progress up to the size, and leaves nothing in .partial", async () => {
    const progress: number[] = [];
    const result = await storage.put("big/recording.mp4", chunked(data).body, { ...CONTENT, expectedSize: SIZE, expectedSha256: sha256(data), onProgress: (n) => progress.push(n) });
    expect(result).toEqual({ key: "big/recording.mp4", size: SIZE, sha256: sha256(data) });
    expect(sha256(await readFile(path.join(dir, "big", "recording.mp4")))).toBe(sha256(data));
    expect(progress.at(-1)).toBe(SIZE);
    expect([...progress].sort((a, b) => a - b)).toEqual(progress);
    expect(await leftovers()).toBe(0);
  });

  it("does not change the producer's buffers (it copies what it hands the worker)", async () => {
    const copy = Buffer.from(data);
    await storage.put("a.bin", chunked(copy, copy.length).body, { ...CONTENT, expectedSize: SIZE });
    expect(copy.length).toBe(SIZE);
    expect(sha256(copy)).toBe(sha256(data));
  });

  it("stops reading a body longer than expected, and stores nothing", async () => {
    const long = bytes(SIZE + 5 * 1024 * 1024);
    const { body, state } = chunked(long);
    const error = await rejection(storage.put("a.bin", body, { ...CONTENT, expectedSize: SIZE }));
    expect((error as StorageVerificationError).reason).toBe("size_mismatch");
    expect(state.pulled).toBeLessThan(SIZE + 1024 * 1024);
    expect(state.closed).toBe(true);
    expect(await storage.stat("a.bin")).toBeNull();
    expect(await leftovers()).toBe(0);
  });

  it("refuses a short body, a wrong sha256, and a body over maxBytes — each leaving nothing, and an earlier object untouched", async () => {
    await storage.put("keep.bin", chunked(data).body, { ...CONTENT, expectedSize: SIZE });
    const short = await rejection(storage.put("keep.bin", chunked(data.subarray(0, SIZE - 1)).body, { ...CONTENT, expectedSize: SIZE }));
    expect((short as StorageVerificationError).reason).toBe("size_mismatch");
    const wrong = await rejection(storage.put("keep.bin", chunked(data).body, { ...CONTENT, expectedSize: SIZE, expectedSha256: sha256(Buffer.from("x")) }));
    expect((wrong as StorageVerificationError).reason).toBe("sha256_mismatch");
    const tooLarge = await rejection(storage.put("keep.bin", chunked(data).body, { ...CONTENT, expectedSize: SIZE, maxBytes: SIZE - 10 }));
    expect((tooLarge as StorageVerificationError).reason).toBe("too_large");
    expect(sha256(await readFile(path.join(dir, "keep.bin")))).toBe(sha256(data));
    expect(await leftovers()).toBe(0);
  });

  it("a body that breaks off mid-stream: rejected with its error, nothing stored", async () => {
    async function* breaking() {
      yield data.subarray(0, 3 * 1024 * 1024);
      await new Promise((resolve) => setTimeout(resolve, 5));
      throw new Error("connection reset");
    }
    await expect(storage.put("b.bin", breaking(), { ...CONTENT, expectedSize: SIZE })).rejects.toThrow("connection reset");
    expect(await storage.stat("b.bin")).toBeNull();
    expect(await leftovers()).toBe(0);
  });

  it("an abort rejects with the signal's reason and stores nothing", async () => {
    const controller = new AbortController();
    async function* slow() {
      yield data.subarray(0, 1024 * 1024);
      controller.abort(new Error("worker stopping"));
      yield data.subarray(1024 * 1024, 2 * 1024 * 1024);
    }
    await expect(storage.put("c.bin", slow(), { ...CONTENT, expectedSize: SIZE, signal: controller.signal })).rejects.toThrow("worker stopping");
    expect(await storage.stat("c.bin")).toBeNull();
    expect(await leftovers()).toBe(0);
  });

  it("runs several large writes at once without mixing their bytes", async () => {
    const bodies = [bytes(SIZE, 1), bytes(SIZE, 2), bytes(SIZE, 3)];
    const results = await Promise.all(bodies.map((b, i) => storage.put(`p/${i}.bin`, chunked(b).body, { ...CONTENT, expectedSize: SIZE })));
    for (const [i, b] of bodies.entries()) {
      expect(results[i]!.sha256).toBe(sha256(b));
      expect(sha256(await readFile(path.join(dir, "p", `${i}.bin`)))).toBe(sha256(b));
    }
  });
});
