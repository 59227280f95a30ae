/**
 * sha256 of a body as it streams. Large bodies are hashed on a worker thread, so a 500 MB recording
 * does not spend ~0.4 s of the event loop (which, in a web process running workers, also serves
 * requests) on hashing while the download waits; small ones are hashed in place, where a thread
 * hop would cost more than it saves.
 */
import { createHash } from "node:crypto";
import { Worker } from "node:worker_threads";

export type StreamingHasher = {
  /** Feeds a chunk; resolves at once unless the worker has fallen behind (bounded memory). */
  update(chunk: Uint8Array): Promise<void> | void;
  digest(): Promise<string>;
  /** Frees the worker's state for an abandoned body. */
  discard(): void;
};

/** Bodies at least this large (when the size is known in advance) are hashed off the main thread. */
export const OFF_THREAD_MIN_BYTES = 8 * 1024 * 1024;
/** Bytes sent to the worker but not yet hashed before update() makes the stream wait. */
const MAX_IN_FLIGHT_BYTES = 8 * 1024 * 1024;
const BATCH_BYTES = 1024 * 1024;

// The worker keeps one hash per body id; it acknowledges each chunk so the sender can bound what is in flight.
const WORKER_SOURCE = `
const { parentPort } = require("node:worker_threads");
const { createHash } = require("node:crypto");
const hashes = new Map();
parentPort.on("message", ({ id, op, data }) => {
  if (op === "update") {
    let hash = hashes.get(id);
    if (!hash) hashes.set(id, (hash = createHash("sha256")));
    hash.update(new Uint8Array(data));
    parentPort.postMessage({ id, op: "ack", bytes: data.byteLength });
  } else if (op === "digest") {
    const hash = hashes.get(id) ?? createHash("sha256");
    hashes.delete(id);
    parentPort.postMessage({ id, op: "digest", hex: hash.digest("hex") });
  } else if (op === "discard") {
    hashes.delete(id);
  }
});`;

type Listener = { onAck: (bytes: number) => void; onDigest: (hex: string) => void; onError: (error: Error) => void };
type Shared = { worker: Worker; listeners: Map<number, Listener>; nextId: number };

const holder = globalThis as { __storageHashWorker?: Shared };

/** One worker per process, started on first use; it does not keep the process alive. */
function sharedWorker(): Shared {
  if (holder.__storageHashWorker) return holder.__storageHashWorker;
  // Hashing needs almost no JavaScript heap (the chunks are transferred buffers): keep the isolate small.
  const worker = new Worker(WORKER_SOURCE, { eval: true, resourceLimits: { maxOldGenerationSizeMb: 16, maxYoungGenerationSizeMb: 4 } });
  worker.unref();
  const shared: Shared = { worker, listeners: new Map(), nextId: 1 };
  worker.on("message", (message: { id: number; op: "ack" | "digest"; bytes?: number; hex?: string }) => {
    const listener = shared.listeners.get(message.id);
    if (message.op === "ack") listener?.onAck(message.bytes ?? 0);
    else listener?.onDigest(message.hex ?? "");
  });
  const fail = (error: Error) => {
    if (holder.__storageHashWorker === shared) holder.__storageHashWorker = undefined;
    for (const listener of shared.listeners.values()) listener.onError(error);
    shared.listeners.clear();
  };
  worker.on("error", fail);
  worker.on("exit", (code) => fail(new Error(`the hashing worker stopped (exit code ${code})`)));
  holder.__storageHashWorker = shared;
  return shared;
}

function inPlaceHasher(): StreamingHasher {
  const hash = createHash("sha256");
  return { update: (chunk) => void hash.update(chunk), digest: async () => hash.digest("hex"), discard: () => undefined };
}

function offThreadHasher(): StreamingHasher {
  const shared = sharedWorker();
  const id = shared.nextId++;
  let inFlight = 0;
  let failure: Error | null = null;
  let waiting: { resolve: () => void; reject: (error: Error) => void } | null = null;
  let digested: { resolve: (hex: string) => void; reject: (error: Error) => void } | null = null;
  shared.listeners.set(id, {
    onAck: (bytes) => {
      inFlight -= bytes;
      if (waiting && inFlight <= MAX_IN_FLIGHT_BYTES / 2) {
        waiting.resolve();
        waiting = null;
      }
    },
    onDigest: (hex) => {
      shared.listeners.delete(id);
      digested?.resolve(hex);
    },
    onError: (error) => {
      failure = error;
      waiting?.reject(error);
      digested?.reject(error);
    },
  });
  // Chunks are gathered into 1 MiB batches: one message (and one acknowledgement) per batch, not per network chunk.
  let batch = new Uint8Array(BATCH_BYTES);
  let filled = 0;
  const send = () => {
    if (!filled) return;
    const data = batch.buffer.slice(0, filled);
    inFlight += data.byteLength;
    shared.worker.postMessage({ id, op: "update", data }, [data]);
    batch = new Uint8Array(BATCH_BYTES);
    filled = 0;
  };
  return {
    update(chunk) {
      if (failure) throw failure;
      for (let offset = 0; offset < chunk.byteLength; ) {
        const take = Math.min(BATCH_BYTES - filled, chunk.byteLength - offset);
        batch.set(chunk.subarray(offset, offset + take), filled);
        filled += take;
        offset += take;
        if (filled === BATCH_BYTES) send();
      }
      if (inFlight <= MAX_IN_FLIGHT_BYTES) return;
      return new Promise<void>((resolve, reject) => (waiting = { resolve, reject }));
    },
    digest() {
      if (failure) return Promise.reject(failure);
      send();
      return new Promise<string>((resolve, reject) => {
        digested = { resolve, reject };
        shared.worker.postMessage({ id, op: "digest" });
      });
    },
    discard() {
      if (!shared.listeners.delete(id)) return;
      shared.worker.postMessage({ id, op: "discard" });
    },
  };
}

export function createStreamingHasher(expectedSize: number | null | undefined): StreamingHasher {
  return expectedSize != null && expectedSize >= OFF_THREAD_MIN_BYTES ? offThreadHasher() : inPlaceHasher();
}
