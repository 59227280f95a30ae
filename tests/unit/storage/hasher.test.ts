import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createStreamingHasher, OFF_THREAD_MIN_BYTES, type StreamingHasher } from "@/lib/storage/hasher";

const MiB = 1024 * 1024;
const EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

/** Deterministic, non-repeating bytes. */
function bytes(length: number, seed = 1): Buffer {
  const data = Buffer.alloc(length);
  let x = seed;
  for (let i = 0; i < length; i++) {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    data[i] = x >>> 24;
  }
  return data;
}

const sha256 = (data: Uint8Array) => createHash("sha256").update(data).digest("hex");

/** `data` cut into chunks of the given sizes, cycling through them. */
function cut(data: Buffer, sizes: number[]): Buffer[] {
  const chunks: Buffer[] = [];
  for (let offset = 0, i = 0; offset < data.length; i++) {
    const size = sizes[i % sizes.length]!;
    chunks.push(data.subarray(offset, offset + size));
    offset += size;
  }
  return chunks;
}

async function hashChunks(hasher: StreamingHasher, chunks: Uint8Array[]): Promise<string> {
  for (const chunk of chunks) await hasher.update(chunk);
  return hasher.digest();
}

describe("createStreamingHasher", () => {
  const body = bytes(3 * MiB + 12_345, 7);
  const expected = sha256(body);

  it("hashes bodies of 8 MiB or more off the main thread", () => {
    expect(OFF_THREAD_MIN_BYTES).toBe(8 * MiB);
  });

  it("matches crypto's sha256 in place (size unknown or small), for odd chunk sizes", async () => {
    expect(await hashChunks(createStreamingHasher(null), cut(body, [1, 7, 4093, 65_537]))).toBe(expected);
    expect(await hashChunks(createStreamingHasher(undefined), cut(body, [MiB + 1]))).toBe(expected);
    expect(await hashChunks(createStreamingHasher(body.length), [body])).toBe(expected);
  });

  it("matches crypto's sha256 off the thread, for odd chunk sizes", async () => {
    expect(await hashChunks(createStreamingHasher(OFF_THREAD_MIN_BYTES), cut(body, [1, 7, 4093, 65_537]))).toBe(expected);
  });

  it("matches crypto's sha256 off the thread when chunks straddle the 1 MiB batches", async () => {
    const sizes = [MiB - 1, 2, MiB - 1, MiB + 3, 1];
    expect(await hashChunks(createStreamingHasher(OFF_THREAD_MIN_BYTES), cut(body, sizes))).toBe(expected);
    const exact = bytes(2 * MiB, 3);
    expect(await hashChunks(createStreamingHasher(OFF_THREAD_MIN_BYTES), cut(exact, [MiB]))).toBe(sha256(exact));
    expect(await hashChunks(createStreamingHasher(OFF_THREAD_MIN_BYTES), [exact])).toBe(sha256(exact));
  });

  it("matches crypto's sha256 for a body larger than the in-flight limit", async () => {
    const large = bytes(OFF_THREAD_MIN_BYTES + 3 * MiB + 5, 11);
    expect(await hashChunks(createStreamingHasher(large.length), cut(large, [256 * 1024 + 3]))).toBe(sha256(large));
  });

  it("gives the empty digest for an empty body, in place and off the thread", async () => {
    expect(await createStreamingHasher(null).digest()).toBe(EMPTY_SHA256);
    expect(await createStreamingHasher(OFF_THREAD_MIN_BYTES).digest()).toBe(EMPTY_SHA256);
    expect(await hashChunks(createStreamingHasher(OFF_THREAD_MIN_BYTES), [new Uint8Array(), new Uint8Array()])).toBe(EMPTY_SHA256);
  });

  it("does not mix concurrent off-thread bodies", async () => {
    const bodies = [bytes(2 * MiB + 1, 1), bytes(2 * MiB + 1, 2), bytes(MiB / 2, 3), bytes(0, 4)];
    const hashers = bodies.map(() => createStreamingHasher(OFF_THREAD_MIN_BYTES));
    const chunked = bodies.map((b) => cut(b, [300_007]));
    // Interleave: chunk i of every body before chunk i + 1 of any.
    for (let i = 0; i < Math.max(...chunked.map((c) => c.length)); i++) {
      await Promise.all(hashers.map((h, j) => (chunked[j]![i] ? h.update(chunked[j]![i]!) : undefined)));
    }
    const digests = await Promise.all(hashers.map((h) => h.digest()));
    expect(digests).toEqual(bodies.map(sha256));
    expect(new Set(digests).size).toBe(4);
  });

  it("does not make the stream wait until more than 8 MiB is in flight, then resolves once the worker catches up", async () => {
    const data = bytes(9 * MiB, 5);
    const hasher = createStreamingHasher(OFF_THREAD_MIN_BYTES);
    // No await between the calls: no acknowledgement can arrive in between.
    expect(hasher.update(data.subarray(0, MiB))).toBeUndefined();
    expect(hasher.update(data.subarray(MiB, 8 * MiB))).toBeUndefined();
    const wait = hasher.update(data.subarray(8 * MiB));
    expect(wait).toBeInstanceOf(Promise);
    await expect(wait).resolves.toBeUndefined();
    expect(await hasher.digest()).toBe(sha256(data));
  });

  it("never makes the stream wait in place", () => {
    const hasher = createStreamingHasher(OFF_THREAD_MIN_BYTES - 1);
    expect(hasher.update(bytes(9 * MiB, 6))).toBeUndefined();
  });

  it("lets discard() be called on an abandoned body, twice, and after a digest, without harm", async () => {
    const abandoned = createStreamingHasher(OFF_THREAD_MIN_BYTES);
    await abandoned.update(bytes(MiB + 10, 8));
    expect(() => abandoned.discard()).not.toThrow();
    expect(() => abandoned.discard()).not.toThrow();

    const done = createStreamingHasher(OFF_THREAD_MIN_BYTES);
    await done.update(bytes(100, 9));
    expect(await done.digest()).toBe(sha256(bytes(100, 9)));
    expect(() => done.discard()).not.toThrow();

    const inPlace = createStreamingHasher(10);
    inPlace.update(bytes(10, 10));
    expect(() => inPlace.discard()).not.toThrow();
    expect(await inPlace.digest()).toBe(sha256(bytes(10, 10)));

    // The shared worker still serves new bodies.
    expect(await hashChunks(createStreamingHasher(OFF_THREAD_MIN_BYTES), [body])).toBe(expected);
  });

  it("does not keep the data it was given (callers may reuse their buffers)", async () => {
    const chunk = Buffer.from(bytes(MiB + 100, 12));
    const copy = Buffer.from(chunk);
    const hasher = createStreamingHasher(OFF_THREAD_MIN_BYTES);
    await hasher.update(chunk);
    chunk.fill(0);
    expect(await hasher.digest()).toBe(sha256(copy));
  });

  it("fails a body whose worker stopped, instead of hanging, and starts a new worker for the next body", async () => {
    const hasher = createStreamingHasher(OFF_THREAD_MIN_BYTES);
    await hasher.update(bytes(MiB + 1, 13));
    const holder = globalThis as { __storageHashWorker?: { worker: { terminate(): Promise<number> } } };
    await holder.__storageHashWorker!.worker.terminate();
    await new Promise((resolve) => setImmediate(resolve));
    expect(holder.__storageHashWorker).toBeUndefined();
    await expect(hasher.digest()).rejects.toThrow("the hashing worker stopped (exit code 1)");
    expect(() => hasher.update(bytes(10, 14))).toThrow("the hashing worker stopped");
    expect(await hashChunks(createStreamingHasher(OFF_THREAD_MIN_BYTES), [body])).toBe(expected);
  });
});
