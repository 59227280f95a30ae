/**
 * The filesystem backend's writer for large bodies: a worker thread hashes (sha256) and writes the
 * chunks the main thread hands it (copies it owns), asks the kernel to write the data out as it goes,
 * and fsyncs at the end. The event loop — which, in a web
 * process running workers, also serves requests — then only moves bytes from the network to the
 * worker. Measured on a 2-core machine for a 500 MB download: faster than an in-place hash + write
 * stream (and than an unhashed createWriteStream), with the same bounded memory.
 */
import { Worker } from "node:worker_threads";
import { StorageVerificationError, type PutOptions } from "./types";
import { abortReasonOr, toPipelineSource } from "./verifying-stream";
import type { StorageBody } from "./types";

/** Bodies at least this large (known in advance) go through the worker. */
export const WRITER_MIN_BYTES = 8 * 1024 * 1024;
/** Bytes handed to the worker but not yet written before the reader waits. */
const MAX_IN_FLIGHT_BYTES = 16 * 1024 * 1024;
const PROGRESS_INTERVAL_MS = 250;

// One open file per write id. Writes are synchronous within the worker's own thread; a background
// fdatasync every 32 MB keeps the final fsync short. Errors are reported per id.
const WORKER_SOURCE = `
const { parentPort } = require("node:worker_threads");
const { createHash } = require("node:crypto");
const fs = require("node:fs");
const files = new Map();
const SYNC_EVERY = 32 * 1024 * 1024;
function fail(id, error) {
  const file = files.get(id);
  files.delete(id);
  if (file) { try { fs.closeSync(file.fd); } catch {} try { fs.unlinkSync(file.path); } catch {} }
  parentPort.postMessage({ id, op: "error", message: String(error && error.message || error) });
}
parentPort.on("message", ({ id, op, path, data }) => {
  try {
    if (op === "open") {
      files.set(id, { fd: fs.openSync(path, "wx"), path, hash: createHash("sha256"), sinceSync: 0, syncing: false });
    } else if (op === "write") {
      const file = files.get(id);
      if (!file) return;
      const bytes = new Uint8Array(data);
      file.hash.update(bytes);
      for (let offset = 0; offset < bytes.length; ) offset += fs.writeSync(file.fd, bytes, offset);
      file.sinceSync += bytes.length;
      if (file.sinceSync >= SYNC_EVERY && !file.syncing) {
        file.sinceSync = 0;
        file.syncing = true;
        fs.fdatasync(file.fd, () => { file.syncing = false; });
      }
      parentPort.postMessage({ id, op: "ack", bytes: bytes.length });
    } else if (op === "finish") {
      const file = files.get(id);
      if (!file) return;
      fs.fsyncSync(file.fd);
      fs.closeSync(file.fd);
      files.delete(id);
      parentPort.postMessage({ id, op: "finished", sha256: file.hash.digest("hex") });
    } else if (op === "discard") {
      const file = files.get(id);
      files.delete(id);
      if (file) { try { fs.closeSync(file.fd); } catch {} try { fs.unlinkSync(file.path); } catch {} }
      parentPort.postMessage({ id, op: "discarded" });
    }
  } catch (error) {
    fail(id, error);
  }
});`;

type Listener = { onAck: (bytes: number) => void; onFinished: (sha256: string) => void; onDiscarded: () => void; onError: (error: Error) => void };
type Shared = { worker: Worker; listeners: Map<number, Listener>; nextId: number };

const holder = globalThis as { __storageFsWriter?: Shared };

/** One worker per process, started on first use; it keeps the process alive only while it has work. */
function sharedWriter(): Shared {
  if (holder.__storageFsWriter) return holder.__storageFsWriter;
  const worker = new Worker(WORKER_SOURCE, { eval: true, resourceLimits: { maxOldGenerationSizeMb: 32, maxYoungGenerationSizeMb: 8 } });
  worker.unref();
  const shared: Shared = { worker, listeners: new Map(), nextId: 1 };
  worker.on("message", (message: { id: number; op: "ack" | "finished" | "discarded" | "error"; bytes?: number; sha256?: string; message?: string }) => {
    const listener = shared.listeners.get(message.id);
    if (message.op === "ack") listener?.onAck(message.bytes ?? 0);
    else if (message.op === "finished") listener?.onFinished(message.sha256 ?? "");
    else if (message.op === "discarded") listener?.onDiscarded();
    else listener?.onError(new Error(message.message ?? "the file could not be written"));
  });
  const fail = (error: Error) => {
    if (holder.__storageFsWriter === shared) holder.__storageFsWriter = undefined;
    for (const listener of shared.listeners.values()) listener.onError(error);
    shared.listeners.clear();
  };
  worker.on("error", fail);
  worker.on("exit", (code) => fail(new Error(`the storage writer stopped (exit code ${code})`)));
  holder.__storageFsWriter = shared;
  return shared;
}

/**
 * A copy of the chunk's bytes for the worker to own. Always a copy: transferring the chunk's own
 * buffer would empty it under whoever produced it (and a Buffer may share a pool); a memcpy costs
 * far less than the hashing and writing it moves off the event loop.
 */
function transferable(chunk: Uint8Array): ArrayBuffer {
  return chunk.buffer.slice(chunk.byteOffset, chunk.byteOffset + chunk.byteLength) as ArrayBuffer;
}

/**
 * Writes `body` to `path` (a new file) on the writer thread, with the same checks as the in-place
 * verifier: maxBytes and expectedSize as bytes arrive, size and sha256 at the end. On any failure
 * the file is removed and the error thrown. Resolves once the file is fsync'd.
 */
export async function writeWithWorker(path: string, body: StorageBody, options: PutOptions): Promise<{ size: number; sha256: string }> {
  const { expectedSize, expectedSha256, maxBytes, onProgress, signal } = options;
  const shared = sharedWriter();
  const id = shared.nextId++;
  let inFlight = 0;
  let failure: Error | null = null;
  let waiting: (() => void) | null = null;
  let finished: { resolve: (sha256: string) => void; reject: (error: Error) => void } | null = null;
  let discarded: (() => void) | null = null;
  shared.listeners.set(id, {
    onAck: (bytes) => {
      inFlight -= bytes;
      if (waiting && inFlight <= MAX_IN_FLIGHT_BYTES / 2) {
        waiting();
        waiting = null;
      }
    },
    onFinished: (sha256) => finished?.resolve(sha256),
    onDiscarded: () => discarded?.(),
    onError: (error) => {
      failure = error;
      waiting?.();
      waiting = null;
      finished?.reject(error);
      // The worker removed the file itself (or stopped): nothing to wait for.
      discarded?.();
    },
  });
  shared.worker.ref();
  shared.worker.postMessage({ id, op: "open", path });

  const source = toPipelineSource(body) as AsyncIterable<Uint8Array> & { destroy?: (error?: Error) => void };
  const onAbort = () => source.destroy?.(signal?.reason as Error);
  signal?.addEventListener("abort", onAbort, { once: true });
  let size = 0;
  let lastProgressAt = performance.now();
  let done = false;
  try {
    signal?.throwIfAborted();
    for await (const chunk of source) {
      if (failure) throw failure;
      size += chunk.byteLength;
      if (maxBytes != null && size > maxBytes) throw new StorageVerificationError("too_large", `Body exceeds the ${maxBytes}-byte limit.`);
      if (expectedSize != null && size > expectedSize) throw new StorageVerificationError("size_mismatch", `Body is longer than the expected ${expectedSize} bytes.`);
      const data = transferable(chunk);
      inFlight += data.byteLength;
      shared.worker.postMessage({ id, op: "write", data }, [data]);
      if (onProgress && performance.now() - lastProgressAt >= PROGRESS_INTERVAL_MS) {
        lastProgressAt = performance.now();
        onProgress(size);
      }
      if (inFlight > MAX_IN_FLIGHT_BYTES) await new Promise<void>((resolve) => (waiting = resolve));
    }
    if (failure) throw failure;
    signal?.throwIfAborted();
    if (expectedSize != null && size !== expectedSize) throw new StorageVerificationError("size_mismatch", `Body is ${size} bytes, expected ${expectedSize}.`);
    const sha256 = await new Promise<string>((resolve, reject) => {
      finished = { resolve, reject };
      if (failure) reject(failure);
      else shared.worker.postMessage({ id, op: "finish" });
    });
    done = true;
    if (expectedSha256 != null && sha256 !== expectedSha256.toLowerCase()) {
      throw new StorageVerificationError("sha256_mismatch", `Body sha256 is ${sha256}, expected ${expectedSha256}.`);
    }
    onProgress?.(size);
    return { size, sha256 };
  } catch (error) {
    // The worker closes and removes its file; the put rejects only once it has (a finished file is
    // removed by the caller's cleanup). Bounded, should the worker be wedged.
    if (!done && !failure) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 10_000);
        discarded = () => {
          clearTimeout(timer);
          resolve();
        };
        shared.worker.postMessage({ id, op: "discard" });
      });
    }
    throw abortReasonOr(error, signal);
  } finally {
    signal?.removeEventListener("abort", onAbort);
    shared.listeners.delete(id);
    if (shared.listeners.size === 0) shared.worker.unref();
  }
}
