/**
 * Candidate export benchmark (`npm run bench -- export [--gb N]`, issue 16): a candidate with 5
 * interviews, each with a recording (N GB in all, default 2) of pseudo-random bytes written through
 * the fs storage as a stream (never held in memory) and a 900-line transcript. The export — the
 * route's own path: openCandidateExport → the pull-based web stream → a Node stream — is piped to
 * /dev/null while this process's RSS is sampled every 20 ms. Reports the peak RSS growth over the
 * baseline just before (target < 64 MB) and the throughput. No server and no build: the route
 * handler is a thin wrapper around the same two calls.
 */
import { randomFillSync } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdir, rm } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";
import { pipeline } from "node:stream/promises";
import { createBenchDatabase } from "./support";

const INTERVIEWS = 5;
const SEGMENTS = 900;
const CHUNK = 1024 * 1024;
const MEDIA_DIR = path.join(process.cwd(), ".data", "bench-export");
const TARGET_RSS_MB = 64;

/** `--gb N` (default 2): the candidate's media in all. */
function sizeGb(): number {
  const at = process.argv.indexOf("--gb");
  const value = at >= 0 ? Number(process.argv[at + 1]) : 2;
  if (!Number.isFinite(value) || value <= 0) throw new Error("--gb takes a positive number, e.g. --gb 2");
  return value;
}

/** `bytes` of pseudo-random data, 1 MB at a time (the same buffer refilled: constant memory). */
async function* randomBytes(bytes: number): AsyncGenerator<Uint8Array> {
  const buffer = Buffer.alloc(CHUNK);
  for (let left = bytes; left > 0; left -= CHUNK) {
    randomFillSync(buffer);
    // A copy: the storage may still hold the previous chunk while this one is produced.
    yield Uint8Array.from(buffer.subarray(0, Math.min(CHUNK, left)));
  }
}

export type ExportBenchResult = { gb: number; bytes: number; seconds: number; mbPerSecond: number; peakRssGrowthMb: number; baselineRssMb: number };

export async function runExportBench(): Promise<ExportBenchResult> {
  const gb = sizeGb();
  const total = Math.round(gb * 1024 ** 3);
  Object.assign(process.env, { NYLAS_MODE: "sandbox", MEDIA_STORAGE: "fs", MEDIA_DIR, RUN_WORKERS: "off" });
  const { url, server } = await createBenchDatabase("portal_bench_export");
  process.env.DATABASE_URL = url;
  await rm(MEDIA_DIR, { recursive: true, force: true });
  await mkdir(MEDIA_DIR, { recursive: true });
  try {
    const { getPrisma } = await import("../../lib/db/client");
    const { getMediaStorage } = await import("../../lib/storage");
    const { openCandidateExport, toReadableStream } = await import("../../lib/privacy/export");
    const db = getPrisma();
    const storage = getMediaStorage();

    // The candidate: 5 interviews, each a recording of total/5 bytes and a 900-line transcript.
    const role = await db.role.findFirstOrThrow({ where: { slug: "backend-engineer" }, select: { id: true } });
    const actor = await db.user.findFirstOrThrow({ where: { role: "ADMIN" }, select: { id: true, email: true } });
    const candidate = await db.candidate.create({ data: { name: "Bench Export", email: "bench.export@example.org", emailRaw: "bench.export@example.org" } });
    const application = await db.application.create({ data: { candidateId: candidate.id, roleId: role.id } });
    const perFile = Math.floor(total / INTERVIEWS);
    console.log(`writing ${INTERVIEWS} recordings of ${(perFile / 1024 ** 2).toFixed(0)} MB (pseudo-random, streamed)…`);
    for (let i = 0; i < INTERVIEWS; i++) {
      const startsAt = new Date(Date.now() - (i + 1) * 86_400_000);
      const interview = await db.interview.create({
        data: {
          bookingId: `bench-export-${i}-${Date.now()}`,
          candidateId: candidate.id,
          applicationId: application.id,
          startsAt,
          endsAt: new Date(startsAt.getTime() + 3_600_000),
          status: "COMPLETED",
        },
      });
      const recording = await db.mediaAsset.create({ data: { interviewId: interview.id, kind: "RECORDING", source: "UPLOAD", fileName: "recording.mp4", contentType: "video/mp4" } });
      const key = `interviews/${interview.id}/${recording.id}/recording.mp4`;
      const put = await storage.put(key, randomBytes(perFile), { contentType: "video/mp4" });
      await db.mediaAsset.update({ where: { id: recording.id }, data: { status: "STORED", storageKey: key, size: put.size, sha256: put.sha256, storedAt: new Date() } });
      const transcript = await db.mediaAsset.create({ data: { interviewId: interview.id, kind: "TRANSCRIPT", source: "UPLOAD", status: "STORED" } });
      await db.transcriptSegment.createMany({
        data: Array.from({ length: SEGMENTS }, (_, position) => ({
          interviewId: interview.id,
          assetId: transcript.id,
          position,
          speaker: position % 2 ? "Bench Export" : "Interviewer",
          startMs: position * 4_000,
          endMs: position * 4_000 + 3_900,
          text: "We moved the billing service to an event log so retries became idempotent, and the on-call load dropped by half. ".repeat(2),
        })),
      });
    }

    // A small export first, unmeasured: module loading and the connection pool are paid once per process.
    const warm = await openCandidateExport(actor, candidate.id);
    await warm.body.next();
    await warm.body.return(undefined);

    global.gc?.();
    const before = process.memoryUsage().rss;
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
    const started = performance.now();
    let bytes = 0;
    const archive = await openCandidateExport(actor, candidate.id);
    const counted = Readable.fromWeb(toReadableStream(archive.body) as unknown as NodeReadableStream<Uint8Array>).on("data", (chunk: Buffer) => (bytes += chunk.length));
    await pipeline(counted, createWriteStream("/dev/null"));
    const seconds = (performance.now() - started) / 1000;
    clearInterval(sampler);
    peak = Math.max(peak, process.memoryUsage().rss);
    if (bytes < perFile * INTERVIEWS) throw new Error(`the archive has ${bytes} bytes, less than the media's ${perFile * INTERVIEWS}`);

    const result = { gb, bytes, seconds, mbPerSecond: bytes / 1024 ** 2 / seconds, peakRssGrowthMb: (peak - before) / 1024 ** 2, baselineRssMb: before / 1024 ** 2 };
    console.log(
      `exported ${(bytes / 1024 ** 3).toFixed(2)} GB (${INTERVIEWS} interviews, ${INTERVIEWS * SEGMENTS} transcript lines) in ${seconds.toFixed(1)} s: ${result.mbPerSecond.toFixed(0)} MB/s; RSS baseline ${result.baselineRssMb.toFixed(0)} MB, peak growth ${result.peakRssGrowthMb.toFixed(1)} MB`,
    );
    await db.$disconnect();
    return result;
  } finally {
    await rm(MEDIA_DIR, { recursive: true, force: true });
    await server.stop();
  }
}

export const exportBenchTarget = (r: ExportBenchResult) =>
  `export: ${r.gb} GB in ${r.seconds.toFixed(1)} s (${r.mbPerSecond.toFixed(0)} MB/s), peak RSS growth ${r.peakRssGrowthMb.toFixed(1)} MB (target < ${TARGET_RSS_MB} MB): ${r.peakRssGrowthMb < TARGET_RSS_MB ? "meets target" : "MISSES target"}`;
