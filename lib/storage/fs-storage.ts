import { randomUUID } from "node:crypto";
import { createWriteStream, fdatasync, type WriteStream } from "node:fs";
import { mkdir, open, readdir, rename, rm, stat, unlink } from "node:fs/promises";
import path from "node:path";
import { Transform, type Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { assertValidKey, PARTIAL_PREFIX } from "./keys";
import { type MediaStorage, type PutOptions, type PutResult, type ReadRange, type StorageBody, StorageNotFoundError } from "./types";
import { writeWithWorker, WRITER_MIN_BYTES } from "./fs-writer";
import { abortReasonOr, createVerifier, toPipelineSource } from "./verifying-stream";

export function createFsStorage(options: { dir: string }): MediaStorage {
  const root = path.resolve(options.dir);
  const partialDir = path.join(root, PARTIAL_PREFIX);
  const pathOf = (key: string) => {
    assertValidKey(key);
    return path.join(root, ...key.split("/"));
  };

  return {
    kind: "fs",

    async put(key: string, body: StorageBody, options: PutOptions): Promise<PutResult> {
      const target = pathOf(key);
      await mkdir(partialDir, { recursive: true });
      const temp = path.join(partialDir, randomUUID());
      let result: { size: number; sha256: string };
      let file: ReturnType<typeof createWriteStream> | null = null;
      try {
        if (options.expectedSize != null && options.expectedSize >= WRITER_MIN_BYTES) {
          // Large downloads: hashed and written on the writer thread (lib/storage/fs-writer.ts).
          result = await writeWithWorker(temp, body, options);
        } else {
          const verifier = createVerifier(options);
          // flush: fsync before close, so the rename below never publishes a file whose data is not on disk.
          file = createWriteStream(temp, { flags: "wx", flush: true });
          await pipeline(toPipelineSource(body), verifier.stream, syncAsWritten(file), file, { signal: options.signal });
          result = verifier.result();
        }
        options.signal?.throwIfAborted();
        await mkdir(path.dirname(target), { recursive: true });
        await rename(temp, target);
      } catch (error) {
        // A body that fails as the write starts: the file is still being opened (created) after the
        // pipeline has given up. Removed once it is closed, or it would outlive the rm below.
        if (file && !file.closed) await new Promise<void>((resolve) => file!.once("close", () => resolve()));
        await rm(temp, { force: true });
        throw abortReasonOr(error, options.signal);
      }
      await syncDirectory(path.dirname(target));
      return { key, ...result };
    },

    async stat(key: string) {
      try {
        const stats = await stat(pathOf(key));
        return stats.isFile() ? { size: stats.size } : null;
      } catch (error) {
        if (isMissing(error)) return null;
        throw error;
      }
    },

    async read(key: string, range?: ReadRange): Promise<Readable> {
      // Opening first turns a missing file into a rejection (not a stream error) and pins the
      // current version: a concurrent overwrite renames a new inode into place.
      let handle;
      try {
        handle = await open(pathOf(key), "r");
      } catch (error) {
        if (isMissing(error)) throw new StorageNotFoundError(key);
        throw error;
      }
      try {
        if (!(await handle.stat()).isFile()) throw new StorageNotFoundError(key);
      } catch (error) {
        await handle.close();
        throw error;
      }
      return handle.createReadStream(range ? { start: range.start, end: range.end } : {});
    },

    async delete(key: string) {
      try {
        await unlink(pathOf(key));
      } catch (error) {
        if (!isMissing(error)) throw error;
      }
    },
  };
}

/** Bytes written between two background data syncs of a file being stored. */
const SYNC_EVERY_BYTES = 32 * 1024 * 1024;

/**
 * A pass-through that asks the kernel to write the file's data out (fdatasync, in the background)
 * every SYNC_EVERY_BYTES, so the disk works while the download goes on and the final fsync only
 * has the last stretch left: durability at little more than the cost of an unsynced write.
 * At most one sync runs at a time; the stream ends only after it has.
 */
function syncAsWritten(file: WriteStream): Transform {
  // The open descriptor (set once the stream has opened; @types/node does not declare it).
  const fdOf = () => (file as WriteStream & { fd?: number | null }).fd;
  let sinceSync = 0;
  let pending: Promise<void> | null = null;
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      sinceSync += chunk.length;
      const fd = fdOf();
      if (sinceSync >= SYNC_EVERY_BYTES && !pending && typeof fd === "number") {
        sinceSync = 0;
        pending = new Promise<void>((resolve) => fdatasync(fd, () => resolve())).then(() => {
          pending = null;
        });
      }
      callback(null, chunk);
    },
    flush(callback) {
      void Promise.resolve(pending).then(() => callback());
    },
  });
}

/** Makes the rename durable; best-effort because some platforms cannot fsync a directory. */
async function syncDirectory(dir: string): Promise<void> {
  try {
    const handle = await open(dir, "r");
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // The object is already committed; only durability across a power loss is at stake.
  }
}

function isMissing(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return code === "ENOENT" || code === "ENOTDIR";
}

/**
 * Removes temporary files older than `olderThanMs` from `<dir>/.partial` (a process killed mid-write
 * leaves one; its job starts again with a new one). Returns how many it removed.
 */
export async function removeStalePartials(dir: string, olderThanMs: number, now = Date.now()): Promise<number> {
  const partialDir = path.join(path.resolve(dir), PARTIAL_PREFIX);
  let names: string[];
  try {
    names = await readdir(partialDir);
  } catch (error) {
    if (isMissing(error)) return 0;
    throw error;
  }
  let removed = 0;
  for (const name of names) {
    const file = path.join(partialDir, name);
    const stats = await stat(file).catch(() => null);
    if (stats?.isFile() && now - stats.mtimeMs > olderThanMs) {
      await rm(file, { force: true });
      removed++;
    }
  }
  return removed;
}
