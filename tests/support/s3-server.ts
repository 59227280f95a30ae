/**
 * A real S3-compatible server (s3rver) in-process on 127.0.0.1, storing into a fresh temp dir, with
 * one empty bucket. It accepts the credentials S3RVER / S3RVER only.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";

export const S3RVER_CREDENTIALS = { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" } as const;

export type TestS3Server = { endpoint: string; bucket: string; directory: string; close: () => Promise<void> };

type S3rverInstance = { run(): Promise<AddressInfo>; close(): Promise<void> };
type S3rverConstructor = new (options: { address: string; port: number; directory: string; silent: boolean; configureBuckets: { name: string }[] }) => S3rverInstance;

// s3rver ships no type declarations; this is the slice of its API used here.
const S3rver = createRequire(import.meta.url)("s3rver") as S3rverConstructor;

export async function startS3Server(bucket = "media-test"): Promise<TestS3Server> {
  const directory = await mkdtemp(path.join(os.tmpdir(), "s3rver-"));
  const server = new S3rver({ address: "127.0.0.1", port: 0, directory, silent: true, configureBuckets: [{ name: bucket }] });
  const { port } = await server.run();
  return {
    endpoint: `http://127.0.0.1:${port}`,
    bucket,
    directory,
    close: async () => {
      await server.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}
