/**
 * Media download benchmark (`npm run bench -- media`): the app's media worker copies a 500 MB
 * Notetaker recording from the sandbox (a production build, `next start`) into storage, against
 * a raw `fetch → fs.createWriteStream` of the same URL in the same run. Reports peak RSS growth of
 * the downloading process (target < 64 MB) and throughput (target ≥ 0.8× the raw stream).
 *
 * The web server runs without workers (RUN_WORKERS=off); this process runs them, so the only
 * download in it is the one measured. The worker's copy is durable (fsync'd before it is renamed
 * into place and marked stored); the raw stream is not. Rounds alternate (BENCH_ROUNDS, default 5),
 * each from a settled disk, after one unmeasured warm-up download; medians are compared. `--no-build` reuses .next; BENCH_MEDIA_MB sets the size.
 */
import { spawnSync } from "node:child_process";
import { createWriteStream } from "node:fs";
import { mkdir, rm } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { pathToFileURL } from "node:url";
import { buildUnlessSkipped, createBenchDatabase, startNext, stopNext } from "./support";

const PORT = 3201;
const ORIGIN = `http://127.0.0.1:${PORT}`;
const SIZE_MB = Number(process.env.BENCH_MEDIA_MB ?? 500);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const MEDIA_DIR = path.join(process.cwd(), ".data", "bench-media");

type Round = { seconds: number; mbPerSecond: number; peakRssGrowthMb: number; cpuSeconds: number };

/** Runs `work` while sampling this process's RSS every 20 ms; returns the peak growth over the start. */
async function measure(work: () => Promise<number>): Promise<Round> {
  const before = process.memoryUsage().rss;
  const cpuBefore = process.cpuUsage();
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const started = performance.now();
  const bytes = await work();
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  const cpu = process.cpuUsage(cpuBefore);
  return { seconds, mbPerSecond: bytes / 1024 / 1024 / seconds, peakRssGrowthMb: (peak - before) / 1024 / 1024, cpuSeconds: (cpu.user + cpu.system) / 1e6 };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Each measured run starts from the same state: earlier files gone and the kernel's dirty pages written out. */
async function settleDisk(): Promise<void> {
  await rm(path.join(MEDIA_DIR, "raw-baseline.bin"), { force: true });
  await rm(path.join(MEDIA_DIR, "interviews"), { recursive: true, force: true });
  spawnSync("sync");
}

export async function runMediaBench(): Promise<{ lines: string[]; ratio: number; peakRssGrowthMb: number }> {
  const lines: string[] = [];
  const say = (line: string) => {
    console.log(line);
    lines.push(line);
  };
  buildUnlessSkipped(say);
  Object.assign(process.env, { NYLAS_MODE: "sandbox", APP_URL: ORIGIN, MEDIA_STORAGE: "fs", MEDIA_DIR, RUN_WORKERS: "off" });
  const { url: dbUrl, server } = await createBenchDatabase("portal_bench_media");
  process.env.DATABASE_URL = dbUrl;
  await rm(MEDIA_DIR, { recursive: true, force: true });
  await mkdir(MEDIA_DIR, { recursive: true });
  const next = await startNext(PORT, { APP_URL: ORIGIN, DATABASE_URL: dbUrl, RUN_WORKERS: "off" });
  try {
    // This process plays the worker: the same modules `npm run worker` runs.
    const { bootstrapNylas } = await import("../../lib/bootstrap");
    const { getNylas } = await import("../../lib/nylas/client");
    const { enqueue, runDueJobs } = await import("../../lib/jobs");
    const { webhookDeliveryJob } = await import("../../lib/sandbox");
    const { webhookProcessingJob } = await import("../../lib/webhooks/jobs");
    const { mediaDownloadJob } = await import("../../lib/media/jobs");
    const { getPrisma } = await import("../../lib/db/client");
    const db = getPrisma();
    await bootstrapNylas();

    // A booking on the engineering panel, whose notetaker "records" a synthetic 500 MB file.
    const configurationId = (await db.roleConfiguration.findFirstOrThrow({ where: { role: { slug: "backend-engineer" } } })).configurationId!;
    const nylas = getNylas();
    const now = Math.floor(Date.now() / 1000);
    const availability = await nylas.scheduler.availability.get({ queryParams: { configurationId, startTime: now, endTime: now + 14 * 86400 } });
    const slot = availability.data.timeSlots![0]!;
    await nylas.scheduler.bookings.create({
      queryParams: { configurationId },
      requestBody: { startTime: slot.startTime, endTime: slot.endTime, guest: { name: "Bench Candidate", email: "bench.media@example.org" }, participants: [{ email: slot.emails[0]! }] },
    });
    const notetaker = await db.sandboxNotetaker.findFirstOrThrow({ orderBy: { createdAt: "desc" } });
    say(`running notetaker ${notetaker.id} with a synthetic ${SIZE_MB} MB recording…`);
    const run = await fetch(`${ORIGIN}/v3/sandbox/notetakers/${notetaker.id}/run`, {
      method: "POST",
      headers: { authorization: `Bearer ${process.env.NYLAS_SANDBOX_API_KEY ?? "nylas-sandbox-dev-api-key"}`, "content-type": "application/json" },
      body: JSON.stringify({ outcome: "completed", recording_bytes: SIZE_MB * 1024 * 1024 }),
    });
    if (!run.ok) throw new Error(`run failed: HTTP ${run.status} ${await run.text()}`);
    for (let i = 0; i < 100; i++) {
      await runDueJobs(webhookDeliveryJob);
      await runDueJobs(webhookProcessingJob);
      if (await db.mediaAsset.count({ where: { kind: "RECORDING" } })) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    const recording = await db.mediaAsset.findFirstOrThrow({ where: { kind: "RECORDING" } });
    // The small files first, so the measured runs start warm (module loading, connection pool).
    await db.job.updateMany({ where: { kind: mediaDownloadJob.name, dedupKey: recording.id }, data: { runAt: new Date(Date.now() + 3600_000) } });
    while (await runDueJobs(mediaDownloadJob, { limit: 4 })) {
      // keep going until the small files are stored
    }

    const queueRecording = async () => {
      await settleDisk();
      await db.mediaAsset.update({ where: { id: recording.id }, data: { status: "PENDING", attempts: 0, nextAttemptAt: new Date(), storedAt: null, storageKey: null } });
      await enqueue(db, mediaDownloadJob, { assetId: recording.id });
    };
    const downloadRecording = async () => {
      await runDueJobs(mediaDownloadJob, { limit: 1 });
      const stored = await db.mediaAsset.findUniqueOrThrow({ where: { id: recording.id } });
      if (stored.status !== "STORED") throw new Error(`download did not store the file: ${stored.status} ${stored.lastError}`);
      return Number(stored.size);
    };
    // One unmeasured run first: what a process pays once (its hashing worker, connection pool) is
    // not what each download costs.
    await queueRecording();
    await downloadRecording();

    const raw: Round[] = [];
    const app: Round[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      await settleDisk();
      const media = (await nylas.notetakers.downloadMedia({ notetakerId: notetaker.id, identifier: notetaker.grantId! })).data as unknown as { recording: { url: string } };
      raw.push(
        await measure(async () => {
          const response = await fetch(media.recording.url);
          let bytes = 0;
          const counted = Readable.fromWeb(response.body as import("node:stream/web").ReadableStream).on("data", (c: Buffer) => (bytes += c.length));
          await pipeline(counted, createWriteStream(path.join(MEDIA_DIR, "raw-baseline.bin")));
          return bytes;
        }),
      );
      say(`round ${round}: raw fetch → disk ${raw.at(-1)!.mbPerSecond.toFixed(0)} MB/s, ${raw.at(-1)!.cpuSeconds.toFixed(2)} s CPU, peak RSS growth ${raw.at(-1)!.peakRssGrowthMb.toFixed(1)} MB`);
      await queueRecording();
      app.push(await measure(downloadRecording));
      say(
        `round ${round}: media worker → storage (verified, durable) ${app.at(-1)!.mbPerSecond.toFixed(0)} MB/s, ${app.at(-1)!.cpuSeconds.toFixed(2)} s CPU, peak RSS growth ${app.at(-1)!.peakRssGrowthMb.toFixed(1)} MB`,
      );
    }
    const ratio = median(app.map((r) => r.mbPerSecond)) / median(raw.map((r) => r.mbPerSecond));
    const peakRssGrowthMb = Math.max(...app.map((r) => r.peakRssGrowthMb));
    say(
      `summary: ${SIZE_MB} MB; media worker ${median(app.map((r) => r.mbPerSecond)).toFixed(0)} MB/s vs raw ${median(raw.map((r) => r.mbPerSecond)).toFixed(0)} MB/s = ${ratio.toFixed(2)}x (target >= 0.8x); peak RSS growth ${peakRssGrowthMb.toFixed(1)} MB (target < 64 MB)`,
    );
    await db.$disconnect();
    return { lines, ratio, peakRssGrowthMb };
  } finally {
    stopNext(next);
    await new Promise((r) => setTimeout(r, 1000));
    await server.stop();
    await rm(MEDIA_DIR, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  await runMediaBench();
}
