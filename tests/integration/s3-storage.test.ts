/**
 * The S3 backend against a real S3-compatible server (s3rver), through the AWS SDK: the shared
 * MediaStorage contract (tests/support/storage-contract.ts), then what only S3 does: content types,
 * multipart uploads, and building the storage from env. Touches no database. Storages built
 * without a client pick credentials up from env, as production does.
 */
import { HeadObjectCommand, ListObjectsV2Command, S3Client } from "@aws-sdk/client-s3";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { assertServerEnv } from "@/lib/env";
import { createS3Storage, getMediaStorage, type MediaStorage, resetMediaStorage, StorageVerificationError } from "@/lib/storage";
import { S3RVER_CREDENTIALS, startS3Server, type TestS3Server } from "../support/s3-server";
import { bytes, chunked as chunkedBy, expectSameBytes, readAll, rejection, sha256 } from "../support/bytes";
import { describeStorageContract } from "../support/storage-contract";

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

describeStorageContract("createS3Storage", {
  storage: () => storage,
  expectNoLeftovers,
  contentType: CONTENT.contentType,
  chunkSize: 64 * 1024,
  // Bodies are read a part (8 MB) ahead, so a limit is noticed within a part of it.
  overflow: { bodyBytes: 30 * MB, expectedSize: 10 * MB, expectedSizeMaxPulled: 11 * MB, maxBytes: 1 * MB, maxBytesMaxPulled: 2 * MB },
  // A single PutObject and a multipart upload.
  failingBodyBytes: [64 * 1024, 17 * MB],
  abort: { pushedBytes: 9 * MB, waitMs: 100 },
  overwrite: { bytes: 10 * MB, pauseAt: 9 * MB, waitMs: 200 },
});

describe("createS3Storage: S3", () => {
  it("stores the content type and reports its kind", async () => {
    await storage.put("interviews/int-1/recording.mp4", chunked(bytes(1000)).body, CONTENT);
    expect(storage.kind).toBe("s3");
    const head = await inspector.send(new HeadObjectCommand({ Bucket: server.bucket, Key: "interviews/int-1/recording.mp4" }));
    expect(head.ContentType).toBe("video/mp4");
  });

  it("uploads a 20+ MB body in parts straight to its key (the object appears only on completion), and serves ranges across part boundaries", async () => {
    const { storage, commands, client } = recordingStorage();
    const data = bytes(20 * MB + 12_345, 3);
    const result = await storage.put("big/recording.mp4", chunked(data).body, { ...CONTENT, expectedSize: data.length, expectedSha256: sha256(data) });
    expect(result).toEqual({ key: "big/recording.mp4", size: data.length, sha256: sha256(data) });
    expect(commands).toEqual(["CreateMultipartUploadCommand", "UploadPartCommand", "UploadPartCommand", "UploadPartCommand", "CompleteMultipartUploadCommand"]);
    const stored = await readAll(await storage.read("big/recording.mp4"));
    expect(sha256(stored)).toBe(result.sha256);
    const boundary = 8 * MB;
    expectSameBytes(await readAll(await storage.read("big/recording.mp4", { start: boundary - 10, end: boundary + 9 })), data.subarray(boundary - 10, boundary + 10));
    expectSameBytes(await readAll(await storage.read("big/recording.mp4", { start: data.length - 1, end: data.length - 1 })), data.subarray(-1));
    await expectNoLeftovers();
    client.destroy();
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
