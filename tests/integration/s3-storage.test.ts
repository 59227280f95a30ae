/**
 * The S3 backend against a real S3-compatible server (s3rver), through the AWS SDK. Touches no
 * database. Storages built without a client pick credentials up from env, as production does.
 */
import { Readable } from "node:stream";
import { HeadObjectCommand, ListObjectsV2Command, S3Client } from "@aws-sdk/client-s3";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { assertServerEnv } from "@/lib/env";
import {
  createS3Storage,
  getMediaStorage,
  type MediaStorage,
  resetMediaStorage,
  StorageNotFoundError,
  StorageVerificationError,
} from "@/lib/storage";
import { S3RVER_CREDENTIALS, startS3Server, type TestS3Server } from "../support/s3-server";
import { bytes, chunked as chunkedBy, expectSameBytes, failingAfter, readAll, rejection, sha256 } from "../support/bytes";

/** Chunks of 64 * 1024 bytes unless told otherwise (the parts this suite is about). */
const chunked = (data: Buffer, chunkSize = 64 * 1024) => chunkedBy(data, chunkSize);

const MB = 1024 * 1024;

const CONTENT = { contentType: "video/mp4" };

let server: TestS3Server;
/** A client of our own, for looking at the bucket behind the storage's back. */
let inspector: S3Client;
let storage: MediaStorage;

function newClient() {
  return new S3Client({ region: "us-east-1", endpoint: server.endpoint, forcePathStyle: true, credentials: S3RVER_CREDENTIALS });
}

/** A storage on its own client that records the name of every S3 command it sends. */
function recordingStorage() {
  const client = newClient();
  const commands: string[] = [];
  client.middlewareStack.add(
    (next, context) => (args) => {
      commands.push(context.commandName ?? "?");
      return next(args);
    },
    { step: "initialize", name: "recordCommands" },
  );
  const storage = createS3Storage({ bucket: server.bucket, region: "us-east-1", forcePathStyle: true, client });
  return { storage, commands, client };
}

async function expectNoLeftovers() {
  const listed = await inspector.send(new ListObjectsV2Command({ Bucket: server.bucket, Prefix: ".partial/" }));
  expect(listed.Contents ?? []).toEqual([]);
}

beforeAll(async () => {
  server = await startS3Server();
  inspector = newClient();
});

afterAll(async () => {
  inspector.destroy();
  await server.close();
});

beforeEach(() => {
  vi.stubEnv("AWS_ACCESS_KEY_ID", S3RVER_CREDENTIALS.accessKeyId);
  vi.stubEnv("AWS_SECRET_ACCESS_KEY", S3RVER_CREDENTIALS.secretAccessKey);
  storage = createS3Storage({ bucket: server.bucket, endpoint: server.endpoint, region: "us-east-1", forcePathStyle: true });
});

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("createS3Storage: put, stat, read", () => {
  it("stores a body, with its content type, and reads it back whole and by range", async () => {
    const data = bytes(100_000);
    const result = await storage.put("interviews/int-1/recording.mp4", chunked(data, 1000).body, CONTENT);
    expect(result).toEqual({ key: "interviews/int-1/recording.mp4", size: data.length, sha256: sha256(data) });
    expect(storage.kind).toBe("s3");
    expect(await storage.stat("interviews/int-1/recording.mp4")).toEqual({ size: data.length });
    expectSameBytes(await readAll(await storage.read("interviews/int-1/recording.mp4")), data);
    expectSameBytes(await readAll(await storage.read("interviews/int-1/recording.mp4", { start: 0, end: 0 })), data.subarray(0, 1));
    expectSameBytes(await readAll(await storage.read("interviews/int-1/recording.mp4", { start: 99_999, end: 99_999 })), data.subarray(99_999));
    expectSameBytes(await readAll(await storage.read("interviews/int-1/recording.mp4", { start: 1000, end: 2999 })), data.subarray(1000, 3000));
    const head = await inspector.send(new HeadObjectCommand({ Bucket: server.bucket, Key: "interviews/int-1/recording.mp4" }));
    expect(head.ContentType).toBe("video/mp4");
    await expectNoLeftovers();
  });

  it("accepts a Node Readable and a web ReadableStream, and an empty body", async () => {
    const data = bytes(50_000);
    await storage.put("forms/a.bin", Readable.from([data.subarray(0, 10), data.subarray(10)]), CONTENT);
    await storage.put("forms/b.bin", new Blob([new Uint8Array(data)]).stream(), CONTENT);
    expectSameBytes(await readAll(await storage.read("forms/a.bin")), data);
    expectSameBytes(await readAll(await storage.read("forms/b.bin")), data);
    const empty = await storage.put("forms/empty.txt", chunked(Buffer.alloc(0)).body, { ...CONTENT, expectedSize: 0 });
    expect(empty).toMatchObject({ size: 0, sha256: sha256(Buffer.alloc(0)) });
    expect(await storage.stat("forms/empty.txt")).toEqual({ size: 0 });
  });

  it("uploads a 20+ MB body in parts straight to its key (the object appears only on completion), and serves ranges across part boundaries", async () => {
    const { storage, commands, client } = recordingStorage();
    const data = bytes(20 * MB + 12_345, 3);
    const result = await storage.put("big/recording.mp4", chunked(data).body, { ...CONTENT, expectedSize: data.length, expectedSha256: sha256(data) });
    expect(result).toEqual({ key: "big/recording.mp4", size: data.length, sha256: sha256(data) });
    expect(commands).toEqual([
      "CreateMultipartUploadCommand",
      "UploadPartCommand",
      "UploadPartCommand",
      "UploadPartCommand",
      "CompleteMultipartUploadCommand",
    ]);
    const stored = await readAll(await storage.read("big/recording.mp4"));
    expect(sha256(stored)).toBe(result.sha256);
    const boundary = 8 * MB;
    expectSameBytes(
      await readAll(await storage.read("big/recording.mp4", { start: boundary - 10, end: boundary + 9 })),
      data.subarray(boundary - 10, boundary + 10),
    );
    expectSameBytes(await readAll(await storage.read("big/recording.mp4", { start: data.length - 1, end: data.length - 1 })), data.subarray(-1));
    await expectNoLeftovers();
    client.destroy();
  });

  it("reports a missing object: stat null, read StorageNotFoundError, delete a no-op", async () => {
    expect(await storage.stat("missing.bin")).toBeNull();
    await expect(storage.read("missing.bin")).rejects.toBeInstanceOf(StorageNotFoundError);
    await expect(storage.read("missing.bin", { start: 0, end: 10 })).rejects.toBeInstanceOf(StorageNotFoundError);
    await expect(storage.delete("missing.bin")).resolves.toBeUndefined();
  });

  it("deletes an object", async () => {
    await storage.put("gone.bin", chunked(bytes(10)).body, CONTENT);
    await storage.delete("gone.bin");
    expect(await storage.stat("gone.bin")).toBeNull();
  });
});

describe("createS3Storage: verification", () => {
  it("rejects a body shorter than expectedSize", async () => {
    const error = await rejection(storage.put("v/short.bin", chunked(bytes(1000)).body, { ...CONTENT, expectedSize: 1001 }));
    expect(error).toBeInstanceOf(StorageVerificationError);
    expect((error as StorageVerificationError).reason).toBe("size_mismatch");
    expect(await storage.stat("v/short.bin")).toBeNull();
    await expectNoLeftovers();
  });

  it("rejects a body longer than expectedSize as soon as it overflows, without reading the rest", async () => {
    const { body, state } = chunked(bytes(30 * MB), 64 * 1024);
    const error = await rejection(storage.put("v/long.bin", body, { ...CONTENT, expectedSize: 10 * MB }));
    expect((error as StorageVerificationError).reason).toBe("size_mismatch");
    expect(state.pulled).toBeLessThan(11 * MB);
    expect(state.closed).toBe(true);
    expect(await storage.stat("v/long.bin")).toBeNull();
    await expectNoLeftovers();
  });

  it("rejects a multipart body whose sha256 differs without completing the upload", async () => {
    const { storage, commands, client } = recordingStorage();
    const data = bytes(12 * MB);
    const error = await rejection(storage.put("v/sha.bin", chunked(data).body, { ...CONTENT, expectedSha256: sha256(bytes(10)) }));
    expect((error as StorageVerificationError).reason).toBe("sha256_mismatch");
    expect(commands).not.toContain("CompleteMultipartUploadCommand");
    expect(commands).not.toContain("CopyObjectCommand");
    expect(commands).toContain("AbortMultipartUploadCommand");
    expect(await storage.stat("v/sha.bin")).toBeNull();
    await expectNoLeftovers();
    client.destroy();
  });

  it("rejects a small body whose sha256 differs", async () => {
    const error = await rejection(storage.put("v/sha-small.bin", chunked(bytes(5000)).body, { ...CONTENT, expectedSha256: sha256(bytes(5000, 2)) }));
    expect((error as StorageVerificationError).reason).toBe("sha256_mismatch");
    expect(await storage.stat("v/sha-small.bin")).toBeNull();
    await expectNoLeftovers();
  });

  it("aborts early past maxBytes and accepts a body of exactly maxBytes", async () => {
    const { body, state } = chunked(bytes(30 * MB), 64 * 1024);
    const error = await rejection(storage.put("v/cap.bin", body, { ...CONTENT, maxBytes: 1 * MB }));
    expect((error as StorageVerificationError).reason).toBe("too_large");
    expect(state.pulled).toBeLessThan(2 * MB);
    expect(await storage.stat("v/cap.bin")).toBeNull();
    await expectNoLeftovers();

    await storage.put("v/cap.bin", chunked(bytes(8192)).body, { ...CONTENT, maxBytes: 8192 });
    expect(await storage.stat("v/cap.bin")).toEqual({ size: 8192 });
  });
});

describe("createS3Storage: failures and atomicity", () => {
  it("rejects with the body's error, leaving the previous object untouched (single part and multipart)", async () => {
    const previous = bytes(3000, 7);
    await storage.put("f/media.bin", chunked(previous).body, CONTENT);
    const boom = new Error("connection reset");
    await expect(storage.put("f/media.bin", failingAfter(bytes(64 * 1024), boom, 64 * 1024), CONTENT)).rejects.toBe(boom);
    await expect(storage.put("f/media.bin", failingAfter(bytes(17 * MB), boom, 64 * 1024), CONTENT)).rejects.toBe(boom);
    expectSameBytes(await readAll(await storage.read("f/media.bin")), previous);
    await expectNoLeftovers();
  });

  it("rejects with the signal's reason when aborted mid-stream, and closes the body", async () => {
    const controller = new AbortController();
    const body = new Readable({ read() {} });
    body.push(bytes(9 * MB));
    const put = storage.put("f/aborted.bin", body, { ...CONTENT, signal: controller.signal });
    await new Promise((resolve) => setTimeout(resolve, 100));
    const reason = new Error("job cancelled");
    controller.abort(reason);
    await expect(put).rejects.toBe(reason);
    expect(body.destroyed).toBe(true);
    expect(await storage.stat("f/aborted.bin")).toBeNull();
    await expectNoLeftovers();
  });

  it("keeps the old object fully readable until an overwrite commits, then serves the new one", async () => {
    const v1 = bytes(200_000, 1);
    const v2 = bytes(10 * MB, 2);
    await storage.put("f/swap.bin", chunked(v1).body, CONTENT);

    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    async function* slowV2() {
      yield v2.subarray(0, 9 * MB);
      await gate;
      yield v2.subarray(9 * MB);
    }
    const put = storage.put("f/swap.bin", slowV2(), CONTENT);
    await new Promise((resolve) => setTimeout(resolve, 200));
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
    await storage.put("f/progress.bin", slow(), { ...CONTENT, onProgress: (n) => counts.push(n) });
    expect(counts.length).toBeGreaterThanOrEqual(2);
    expect(counts.length).toBeLessThanOrEqual(5);
    expect(counts).toEqual([...counts].sort((a, b) => a - b));
    expect(counts.at(-1)).toBe(data.length);
  });
});

describe("createS3Storage: keys", () => {
  it.each([[""], [".partial/x"], ["../x"], ["a/../b"], ["a//b"], ["a/"], ["/abs"], ["a b"], ["x".repeat(513)]])(
    "rejects %j",
    async (key) => {
      await expect(storage.put(key, chunked(bytes(1)).body, CONTENT)).rejects.toThrow("Invalid storage key");
      await expect(storage.stat(key)).rejects.toThrow("Invalid storage key");
      await expect(storage.read(key)).rejects.toThrow("Invalid storage key");
      await expect(storage.delete(key)).rejects.toThrow("Invalid storage key");
    },
  );

  it("accepts a 512-character key", async () => {
    // In segments: s3rver keeps objects as files, so one segment can be at most 255 bytes there.
    const key = ["x".repeat(200), "y".repeat(200), "z".repeat(110)].join("/");
    await storage.put(key, chunked(bytes(3)).body, CONTENT);
    expect(await storage.stat(key)).toEqual({ size: 3 });
  });
});

describe("getMediaStorage", () => {
  afterEach(() => {
    resetMediaStorage();
    vi.unstubAllEnvs();
    assertServerEnv();
  });

  it("builds the S3 storage from env once, and again after a reset", async () => {
    vi.stubEnv("MEDIA_STORAGE", "s3");
    vi.stubEnv("S3_BUCKET", server.bucket);
    vi.stubEnv("S3_ENDPOINT", server.endpoint);
    vi.stubEnv("S3_FORCE_PATH_STYLE", "true");
    assertServerEnv();
    resetMediaStorage();

    const fromEnv = getMediaStorage();
    expect(fromEnv.kind).toBe("s3");
    expect(getMediaStorage()).toBe(fromEnv);
    await fromEnv.put("env/check.txt", chunked(Buffer.from("hello")).body, { contentType: "text/plain" });
    expect((await readAll(await fromEnv.read("env/check.txt"))).toString()).toBe("hello");

    resetMediaStorage();
    expect(getMediaStorage()).not.toBe(fromEnv);
  });
});
