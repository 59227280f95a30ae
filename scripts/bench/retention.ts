/**
 * Retention benchmark (`npm run bench -- retention`, issue 16): a fresh embedded PostgreSQL seeded
 * in bulk SQL with 100,000 stored media files (a recording and a transcript for each of 50,000
 * interviews, each file a tiny real file under MEDIA_DIR) and 5,000,000 transcript lines (100 per
 * transcript, with its search document in the full-text index), with an action item, a summary
 * and talk time per interview.
 * Of the applications, 20 % were rejected 400 days ago (media deleted and candidate anonymised), 20 %
 * rejected 100 days ago and 20 % hired 400 days ago (media deleted), 10 % rejected 10 days ago (not
 * due) and 30 % are still open. Then a production build (`next start`, workers in the server, so
 * they delete the files the run queues) is measured over HTTP:
 * - the dashboard's p50/p95 (one request at a time), idle, then while a retention run (this
 *   process, lib/privacy/retention-run.ts runRetention) deletes everything due;
 * - the run's duration, what it deleted, and how long the queued file deletions take to finish.
 * `--scale F` (0 < F <= 1) seeds that fraction for a quick check (e.g. `--scale 0.02`); `--no-build`
 * reuses .next. Notetaker ids are left empty: no Nylas deletion is queued (that is one HTTP call per
 * notetaker, to Nylas, off the database's path).
 */
import { mkdtemp, mkdir, readdir, rm, writeFile } from "node:fs/promises";
import { cpus, loadavg, tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { buildUnlessSkipped, createBenchDatabase, dropIndexes, percentile, recreateIndexes, searchDocumentsFromLinesSql, signIn, startNext, stopNext } from "./support";

const PORT = 3310;
const ORIGIN = `http://127.0.0.1:${PORT}`;
const FULL_INTERVIEWS = 50_000;
const LINES_PER_TRANSCRIPT = 100;
const IDLE_SAMPLES = 100;

export type RetentionBenchResult = {
  lines: string[];
  idle: { p50: number; p95: number };
  during: { p50: number; p95: number; samples: number };
  runSeconds: number;
  filesDrainSeconds: number | null;
};

function scaleOption(): number {
  const i = process.argv.indexOf("--scale");
  if (i < 0) return 1;
  const value = Number(process.argv[i + 1]);
  if (!Number.isFinite(value) || value <= 0 || value > 1) throw new Error("--scale takes a fraction: 0 < F <= 1 (e.g. 0.02)");
  return value;
}

/** The seed, in set-based SQL; `$1` interviews (one candidate, application and interview each). */
const SEED_SQL = `
CREATE TEMP TABLE ret_roles AS SELECT id, (row_number() OVER (ORDER BY slug) - 1)::int AS k, count(*) OVER ()::int AS total FROM roles;
CREATE TEMP TABLE ret_c AS
SELECT n, gen_random_uuid() AS id, gen_random_uuid() AS application_id, gen_random_uuid() AS interview_id, gen_random_uuid() AS recording_id, gen_random_uuid() AS transcript_id
  FROM generate_series(1, $1::int) AS n;

INSERT INTO candidates (id, email, email_raw, name, timezone, linkedin_url, created_at, updated_at)
SELECT id, 'retention.candidate.' || n || '@example.org', 'Retention.Candidate.' || n || '@example.org', 'Retention Candidate ' || n, 'Europe/Paris',
       'https://www.linkedin.com/in/retention-' || n, now() - make_interval(mins => n), now()
  FROM ret_c;

INSERT INTO applications (id, candidate_id, role_id, stage, decided_at, rejection_reason, created_at, updated_at)
SELECT c.application_id, c.id, r.id,
       (CASE WHEN c.n % 10 < 5 THEN 'REJECTED' WHEN c.n % 10 < 7 THEN 'HIRED' ELSE 'INTERVIEWING' END)::"ApplicationStage",
       CASE WHEN c.n % 10 < 2 THEN now() - interval '400 days' WHEN c.n % 10 < 4 THEN now() - interval '100 days' WHEN c.n % 10 = 4 THEN now() - interval '10 days'
            WHEN c.n % 10 < 7 THEN now() - interval '400 days' END,
       CASE WHEN c.n % 10 < 5 THEN 'Not enough depth on distributed systems for candidate ' || c.n END,
       now() - interval '420 days', now()
  FROM ret_c c JOIN ret_roles r ON r.k = c.n % r.total;

INSERT INTO interviews (id, booking_id, application_id, candidate_id, title, starts_at, ends_at, guest_timezone, status, completed_at, guest_name, guest_email,
                        summary_text, talk_time, history, created_at, updated_at)
SELECT c.interview_id, 'retention-booking-' || c.n, c.application_id, c.id, 'Interview with Retention Candidate ' || c.n, t.starts_at, t.starts_at + interval '45 minutes',
       'Europe/Paris', 'COMPLETED', t.starts_at + interval '45 minutes', 'Retention Candidate ' || c.n, 'retention.candidate.' || c.n || '@example.org',
       'The candidate walked through a queue design and its failure modes.', jsonb_build_object('basis', 'time', 'totalMs', 580000, 'interviewerShare', 0.4),
       '[]'::jsonb, t.starts_at - interval '7 days', now()
  FROM ret_c c CROSS JOIN LATERAL (SELECT date_trunc('hour', now()) - make_interval(days => 1 + c.n % 420, hours => c.n % 9) AS starts_at) t;

INSERT INTO media_assets (id, interview_id, kind, source, status, file_name, content_type, storage_key, size, sha256, bytes_received, stored_at, created_at, updated_at)
SELECT f.id, c.interview_id, f.kind::"MediaKind", 'NOTETAKER', 'STORED', f.name, f.type, 'interviews/' || c.interview_id || '/' || f.id || '/' || f.name, 16,
       md5(f.id::text) || md5(c.interview_id::text), 16, now() - interval '1 day', now() - interval '1 day', now()
  FROM ret_c c CROSS JOIN LATERAL (VALUES (c.recording_id, 'RECORDING', 'recording.mp4', 'video/mp4'), (c.transcript_id, 'TRANSCRIPT', 'transcript.json', 'application/json')) AS f(id, kind, name, type);

INSERT INTO action_items (id, interview_id, position, text, created_at, updated_at)
SELECT gen_random_uuid(), interview_id, 0, 'Send the take-home exercise', now(), now() FROM ret_c;
`;

const SEGMENTS_SQL = `
INSERT INTO transcript_segments (interview_id, asset_id, position, speaker, start_ms, end_ms, text)
SELECT c.interview_id, c.transcript_id, p, CASE WHEN p % 2 = 0 THEN 'Interviewer' ELSE 'Retention Candidate ' || c.n END, p * 30000, p * 30000 + 29000,
       (ARRAY['We talked about', 'I would start with', 'The trade-off here is', 'In my last team we used', 'Let us look at'])[1 + (c.n + p) % 5] || ' ' ||
       (ARRAY['a write-ahead log', 'idempotent consumers', 'postgres advisory locks', 'back-pressure on the queue', 'kubernetes rollouts',
              'the p99 latency budget', 'a dead letter table', 'exactly-once delivery', 'an exclusion constraint', 'react server components'])[1 + (c.n * 7 + p * 3) % 10] ||
       ' and why it matters for line ' || p || '.'
  FROM ret_c c CROSS JOIN generate_series(0, $1::int - 1) AS p
 WHERE c.n > $2::int AND c.n <= $3::int;
`;

/**
 * Seeds `interviews` interviews, each transcript with its search document; returns the row counts.
 * The search index is rebuilt after the bulk insert (much faster than row by row).
 */
async function seed(url: string, interviews: number, say: (line: string) => void): Promise<Record<string, number>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("SET maintenance_work_mem = '256MB'");
    await client.query(SEED_SQL.replace(/\$1::int/g, String(interviews)));
    // The search documents' GIN index is built once after the load, not updated 50,000 times.
    const indexes = await dropIndexes(client, { names: ["interview_search_documents_document_idx"] });
    const chunk = 5_000;
    for (let from = 0; from < interviews; from += chunk) {
      const range = [from, Math.min(interviews, from + chunk)];
      await client.query(SEGMENTS_SQL, [LINES_PER_TRANSCRIPT, ...range]);
      await client.query(searchDocumentsFromLinesSql("interview_id IN (SELECT interview_id FROM ret_c WHERE n > $1::int AND n <= $2::int)"), range);
      if (interviews > chunk) say(`  transcript lines and search documents: ${range[1]! * LINES_PER_TRANSCRIPT} of ${interviews * LINES_PER_TRANSCRIPT}`);
    }
    await recreateIndexes(client, indexes);
    await client.query("VACUUM ANALYZE");
    const counts: Record<string, number> = {};
    for (const table of ["candidates", "interviews", "media_assets", "transcript_segments", "interview_search_documents", "action_items"]) {
      counts[table] = Number((await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`)).rows[0]?.n);
    }
    return counts;
  } finally {
    await client.end();
  }
}

/** A tiny file under `dir` for every storage key, so the run's storage deletions have something to delete. */
async function writeMediaFiles(url: string, dir: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const keys = (await client.query<{ storage_key: string }>("SELECT storage_key FROM media_assets")).rows.map((r) => r.storage_key);
  await client.end();
  let next = 0;
  await Promise.all(
    Array.from({ length: 32 }, async () => {
      for (let i = next++; i < keys.length; i = next++) {
        const file = path.join(dir, keys[i]!);
        await mkdir(path.dirname(file), { recursive: true });
        await writeFile(file, "0123456789abcdef");
      }
    }),
  );
  return keys.length;
}

/** One dashboard request: its time, after checking it answered the page. */
async function timeDashboard(cookie: string): Promise<number> {
  const t0 = performance.now();
  const res = await fetch(`${ORIGIN}/dashboard`, { headers: { cookie }, redirect: "manual" });
  const body = await res.text();
  const ms = performance.now() - t0;
  if (res.status !== 200 || !body.includes("Interviews")) throw new Error(`/dashboard answered ${res.status}`);
  return ms;
}

export async function runRetentionBench(): Promise<RetentionBenchResult> {
  const lines: string[] = [];
  const say = (line: string) => {
    console.log(line);
    lines.push(line);
  };
  const scale = scaleOption();
  const interviews = Math.max(10, Math.round(FULL_INTERVIEWS * scale));
  buildUnlessSkipped(say);
  const { url: dbUrl, server } = await createBenchDatabase("portal_bench_retention");
  const mediaDir = await mkdtemp(path.join(tmpdir(), "portal-bench-retention-"));
  let next: Awaited<ReturnType<typeof startNext>> | undefined;
  try {
    const seedStart = Date.now();
    const counts = await seed(dbUrl, interviews, say);
    const files = await writeMediaFiles(dbUrl, mediaDir);
    say(
      `seeded in ${((Date.now() - seedStart) / 1000).toFixed(1)} s (scale ${scale}): ${Object.entries(counts)
        .map(([t, n]) => `${n} ${t}`)
        .join(", ")}; ${files} files under MEDIA_DIR`,
    );

    const env = { APP_URL: ORIGIN, DATABASE_URL: dbUrl, MEDIA_STORAGE: "fs", MEDIA_DIR: mediaDir, RUN_WORKERS: "on" };
    next = await startNext(PORT, env);
    Object.assign(process.env, { NYLAS_MODE: "sandbox", ...env, RUN_WORKERS: "off" });
    // Re-read: the migration and the seed read (and cached) the environment before DATABASE_URL was set.
    (await import("../../lib/env")).assertServerEnv();
    const { saveRetentionSettings } = await import("../../lib/privacy/retention-settings");
    const { previewRetentionAt, runRetention } = await import("../../lib/privacy/retention-run");
    const { getPrivacySettings } = await import("../../lib/privacy/settings");
    const db = new pg.Client({ connectionString: dbUrl });
    await db.connect();
    try {
      const adminRow = (await db.query<{ id: string; email: string }>("SELECT id, email FROM users WHERE email = 'admin@example.com'")).rows[0]!;
      const saved = await saveRetentionSettings(adminRow, {
        deleteMediaDaysAfterRejection: "30",
        deleteMediaDaysAfterHire: "90",
        anonymizeDaysAfterRejection: "365",
        deleteNylasCopyWhenStored: false,
      });
      if (saved.status !== "success") throw new Error(`could not save the rules: ${JSON.stringify(saved)}`);
      say(
        `load average ${loadavg()
          .map((l) => l.toFixed(1))
          .join(" / ")} on ${cpus().length} CPUs`,
      );

      const now = new Date();
      const previewStart = performance.now();
      const preview = await previewRetentionAt((await getPrivacySettings()).rules, now);
      say(
        `preview: ${preview.totals.interviews} interviews' media (${preview.totals.recordings} recordings, ${preview.totals.transcripts} transcripts), ${preview.totals.candidates} anonymisations, computed in ${(performance.now() - previewStart).toFixed(0)} ms`,
      );

      const cookie = await signIn(ORIGIN, "admin@example.com");
      for (let i = 0; i < 10; i++) await timeDashboard(cookie);
      const idle: number[] = [];
      for (let i = 0; i < IDLE_SAMPLES; i++) idle.push(await timeDashboard(cookie));
      say(`dashboard idle:        p50 ${percentile(idle, 50).toFixed(1)} ms, p95 ${percentile(idle, 95).toFixed(1)} ms (${idle.length} requests)`);

      const runStart = performance.now();
      let isRunning = true;
      const run = runRetention(now).finally(() => {
        isRunning = false;
      });
      const during: number[] = [];
      while (isRunning) during.push(await timeDashboard(cookie));
      const result = await run;
      const runSeconds = (performance.now() - runStart) / 1000;
      say(`dashboard during run:  p50 ${percentile(during, 50).toFixed(1)} ms, p95 ${percentile(during, 95).toFixed(1)} ms (${during.length} requests)`);
      say(
        `run: ${runSeconds.toFixed(1)} s — ${result.interviews} interviews' media (${result.files} files, ${result.segments} transcript lines), ${result.candidates} candidates anonymised; ${(result.interviews / runSeconds).toFixed(0)} interviews/s`,
      );

      // The files go through the server's "storage.delete" workers (100 keys a job).
      const drainStart = performance.now();
      let filesDrainSeconds: number | null = null;
      for (let i = 0; i < 3_600; i++) {
        const { rows } = await db.query<{ n: string }>("SELECT count(*) AS n FROM jobs WHERE kind = 'storage.delete'");
        if (Number(rows[0]?.n) === 0) {
          filesDrainSeconds = (performance.now() - drainStart) / 1000;
          break;
        }
        await new Promise((r) => setTimeout(r, 1_000));
      }
      const left = (await db.query<{ n: string }>("SELECT count(*) AS n FROM media_assets")).rows[0]?.n;
      // A purged transcript's search document goes with it (nothing of it stays searchable).
      const { rows: searchable } = await db.query<{ documents: string; transcripts: string }>(
        "SELECT (SELECT count(*) FROM interview_search_documents) AS documents, (SELECT count(*) FROM media_assets WHERE kind = 'TRANSCRIPT') AS transcripts",
      );
      const filesLeft = (await readdir(mediaDir, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile()).length;
      say(
        `queued file deletions finished ${filesDrainSeconds === null ? "NOT within an hour" : `${filesDrainSeconds.toFixed(1)} s after the run`}; ${left} media rows and ${filesLeft} files kept (not due); ${searchable[0]?.documents} search documents left for ${searchable[0]?.transcripts} transcripts`,
      );
      return {
        lines,
        idle: { p50: percentile(idle, 50), p95: percentile(idle, 95) },
        during: { p50: percentile(during, 50), p95: percentile(during, 95), samples: during.length },
        runSeconds,
        filesDrainSeconds,
      };
    } finally {
      await db.end();
      const { getPrisma } = await import("../../lib/db/client");
      await getPrisma().$disconnect();
    }
  } finally {
    if (next) stopNext(next);
    await server.stop();
    await rm(mediaDir, { recursive: true, force: true });
  }
}
