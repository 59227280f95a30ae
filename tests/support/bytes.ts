/** Bodies for storage tests: deterministic bytes, chunked streams that record how they were read, and small assertions. */
import { createHash } from "node:crypto";
import { expect } from "vitest";

export const sha256 = (data: Uint8Array) => createHash("sha256").update(data).digest("hex");

/** Deterministic, non-repeating bytes. */
export function bytes(length: number, seed = 1): Buffer {
  const data = Buffer.alloc(length);
  let x = seed;
  for (let i = 0; i < length; i++) {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    data[i] = x >>> 24;
  }
  return data;
}

/** Yields data in chunks and records how far the consumer pulled and whether it closed the body. */
export function chunked(data: Buffer, chunkSize = 1024) {
  const state = { pulled: 0, closed: false };
  async function* generate() {
    try {
      for (let offset = 0; offset < data.length; offset += chunkSize) {
        const chunk = data.subarray(offset, offset + chunkSize);
        state.pulled += chunk.length;
        yield chunk;
      }
    } finally {
      state.closed = true;
    }
  }
  return { body: generate(), state };
}

/** The data, then (a moment later) the error, as a connection that breaks off. */
export async function* failingAfter(data: Buffer, error: Error, chunkSize?: number) {
  yield* chunked(data, chunkSize ?? data.length).body;
  await new Promise((resolve) => setTimeout(resolve, 5));
  throw error;
}

export async function readAll(stream: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks);
}

/** Compares digests: toEqual walks a large Buffer element by element, which takes seconds. */
export function expectSameBytes(actual: Buffer, expected: Buffer) {
  expect({ length: actual.length, sha256: sha256(actual) }).toEqual({ length: expected.length, sha256: sha256(expected) });
}

/** What the promise rejects with (fails the test when it resolves). */
export async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected the promise to reject");
}
