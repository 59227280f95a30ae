/**
 * Scale benchmark (`npm run bench -- scale`, issue 8 item 7): a fresh embedded PostgreSQL seeded in
 * bulk SQL with 10,000 candidates, 30,000 interviews, 5,000 transcripts (20 lines each) with their
 * scorecard evidence, submitted feedback on two thirds of the completed interviews and 100,000
 * stored webhook notifications, then a production build (`next start`, workers in the server) is
 * measured over HTTP:
 * - p95 server time (full response over loopback, one request at a time) of the dashboard (default,
 *   filtered, transcript search), a candidate page, a debrief page, /settings/load and /settings/webhooks: < 100 ms;
 * - webhook ingest throughput against the verify-only route (/api/bench/webhook-baseline) at this
 *   size: >= 0.7x (the webhooks bench's load generator, BENCH_DURATION_S per route, 50 connections);
 * - RSS of the server's process group over a mixed-traffic soak: < 10 % growth (`--soak-seconds N`,
 *   default 600), after a warm-up of the same traffic (a tenth of the soak, at least 30 s);
 * - the careers page in Chromium: navigation to the first bookable slot, p50/p95 over 20 cold loads
 *   (a new browser context each), and the JavaScript the page loads on its first visit.
 */
import { readdirSync, readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import pg from "pg";
import { coldLoad, DESKTOP, launchChromium, scriptBytes, type LoadTrace, type ScriptGroup } from "./browser";
import { bootstrapSandbox, buildUnlessSkipped, createBenchDatabase, machineLoad, percentile, signIn, startNext, stopNext } from "./support";
import { bookingCreated, load, SECRET } from "./webhooks";

const PORT = 3300;
const ORIGIN = `http://127.0.0.1:${PORT}`;
const SAMPLES = 100;
const COLD_LOADS = 20;
const DEFAULT_SOAK_SECONDS = 600;

export type ScaleFigure = { name: string; value: string; target: string; ok: boolean };

function soakSeconds(): number {
  const i = process.argv.indexOf("--soak-seconds");
  const value = i >= 0 ? Number(process.argv[i + 1]) : DEFAULT_SOAK_SECONDS;
  if (!Number.isFinite(value) || value <= 0) throw new Error("--soak-seconds takes a positive number of seconds");
  return value;
}

/** The seed, in set-based SQL (seconds, not minutes): every row shaped as the app writes it. */
const SEED_SQL = `
CREATE TEMP TABLE scale_roles AS SELECT id, (row_number() OVER (ORDER BY slug) - 1)::int AS k, count(*) OVER ()::int AS total FROM roles;
CREATE TEMP TABLE scale_interviewers AS SELECT id, email, (row_number() OVER (ORDER BY email) - 1)::int AS k, count(*) OVER ()::int AS total FROM interviewers;
CREATE TEMP TABLE scale_candidates AS SELECT n, gen_random_uuid() AS id, gen_random_uuid() AS application_id FROM generate_series(1, 10000) AS n;

INSERT INTO candidates (id, email, email_raw, name, timezone, created_at, updated_at)
SELECT c.id, 'scale.candidate.' || c.n || '@example.org', 'Scale.Candidate.' || c.n || '@example.org', 'Scale Candidate ' || c.n,
       'Europe/Paris', now() - make_interval(mins => c.n), now()
  FROM scale_candidates c;

INSERT INTO applications (id, candidate_id, role_id, stage, created_at, updated_at)
SELECT c.application_id, c.id, r.id, (ARRAY['APPLIED','INTERVIEWING','DEBRIEF','OFFER','HIRED','REJECTED'])[1 + c.n % 6]::"ApplicationStage",
       now() - make_interval(mins => c.n), now()
  FROM scale_candidates c JOIN scale_roles r ON r.k = c.n % r.total;

-- 3 interviews per candidate, half a year back to half a year ahead.
INSERT INTO interviews (id, booking_id, application_id, candidate_id, interviewer_id, configuration_id, event_id, title, starts_at, ends_at,
                        guest_timezone, meeting_url, status, cancelled_at, guest_name, guest_email, interviewer_email, history, created_at, updated_at)
SELECT gen_random_uuid(), 'scale-booking-' || i, c.application_id, c.id, iv.id, 'scale-configuration', 'scale-event-' || i,
       'Interview with Scale Candidate ' || c.n, t.starts_at, t.starts_at + interval '45 minutes', 'Europe/Paris',
       'https://meet.google.com/abc-defg-hij',
       (CASE WHEN i % 10 = 0 THEN 'CANCELLED' WHEN i % 10 = 1 THEN 'RESCHEDULED' WHEN t.starts_at < now() THEN 'COMPLETED' ELSE 'SCHEDULED' END)::"InterviewStatus",
       CASE WHEN i % 10 = 0 THEN t.starts_at - interval '1 day' END,
       'Scale Candidate ' || c.n, 'scale.candidate.' || c.n || '@example.org', iv.email,
       jsonb_build_array(jsonb_build_object('kind', 'created', 'at', extract(epoch FROM t.starts_at - interval '7 days')::bigint,
         'startsAt', extract(epoch FROM t.starts_at)::bigint, 'endsAt', extract(epoch FROM t.starts_at + interval '45 minutes')::bigint,
         'previousStartsAt', null, 'previousEndsAt', null)),
       t.starts_at - interval '7 days', now()
  FROM generate_series(1, 30000) AS i
  JOIN scale_candidates c ON c.n = 1 + (i - 1) % 10000
  JOIN scale_interviewers iv ON iv.k = i % iv.total
  CROSS JOIN LATERAL (SELECT date_trunc('hour', now()) + make_interval(days => (i % 361) - 180, hours => i % 9) AS starts_at) t;

-- 5,000 transcripts of completed interviews, 20 lines each.
CREATE TEMP TABLE scale_transcripts AS
SELECT id AS interview_id, gen_random_uuid() AS asset_id, starts_at, row_number() OVER (ORDER BY booking_id) AS n
  FROM interviews WHERE status = 'COMPLETED' ORDER BY booking_id LIMIT 5000;

UPDATE interviews i SET completed_at = t.starts_at + interval '45 minutes', notetaker_state = 'media_available',
       summary_text = 'The candidate walked through a queue design and its failure modes.'
  FROM scale_transcripts t WHERE i.id = t.interview_id;

INSERT INTO media_assets (id, interview_id, kind, source, status, file_name, content_type, storage_key, size, sha256, bytes_received, stored_at, created_at, updated_at)
SELECT t.asset_id, t.interview_id, 'TRANSCRIPT', 'NOTETAKER', 'STORED', 'transcript.json', 'application/json',
       'interviews/' || t.interview_id || '/transcript.json', 4096, md5(t.interview_id::text) || md5(t.asset_id::text), 4096,
       t.starts_at + interval '1 hour', t.starts_at + interval '1 hour', now()
  FROM scale_transcripts t;

INSERT INTO transcript_segments (interview_id, asset_id, position, speaker, start_ms, end_ms, text)
SELECT t.interview_id, t.asset_id, p, CASE WHEN p % 2 = 0 THEN 'Interviewer' ELSE 'Scale Candidate ' || t.n END, p * 30000, p * 30000 + 29000,
       (ARRAY['We talked about', 'I would start with', 'The trade-off here is', 'In my last team we used', 'Let us look at'])[1 + (t.n + p) % 5] || ' ' ||
       (ARRAY['a write-ahead log', 'idempotent consumers', 'postgres advisory locks', 'back-pressure on the queue', 'kubernetes rollouts',
              'the p99 latency budget', 'a dead letter table', 'exactly-once delivery', 'an exclusion constraint', 'react server components'])[1 + (t.n * 7 + p * 3) % 10] ||
       ' and why it matters for line ' || p || ' of interview ' || t.n || '.' || CASE WHEN t.n % 50 = 0 AND p = 7 THEN ' We also touched on zookeeper.' ELSE '' END
  FROM scale_transcripts t CROSS JOIN generate_series(0, 19) AS p;

-- Scorecards (issue 15): a new version of every role's scorecard with 8 competencies, every interview
-- booked with it; evidence for the 5,000 transcribed interviews (6 competencies covered, 3 moments
-- each) and talk time; submitted feedback (with its first revision) on two thirds of the completed interviews.
CREATE TEMP TABLE scale_scorecards AS
SELECT gen_random_uuid() AS id, r.id AS role_id, COALESCE((SELECT max(v.version) FROM scorecard_versions v WHERE v.role_id = r.id), 0) + 1 AS version FROM scale_roles r;

INSERT INTO scorecard_versions (id, role_id, version, competencies, content_hash, created_at)
SELECT s.id, s.role_id, s.version,
       (SELECT jsonb_agg(jsonb_build_object('key', 'competency-' || k, 'name', 'Competency ' || k, 'good', 'What good looks like for competency ' || k || '.',
                                            'cues', jsonb_build_array('write-ahead log', 'idempotent consumers', 'trade-off ' || k)) ORDER BY k)
          FROM generate_series(1, 8) AS k),
       md5(s.id::text), now()
  FROM scale_scorecards s;

UPDATE interviews i SET scorecard_version_id = s.id FROM applications a JOIN scale_scorecards s ON s.role_id = a.role_id WHERE i.application_id = a.id;

INSERT INTO interview_evidence (interview_id, scorecard_version_id, competencies, covered_count, input_hash, computed_at)
SELECT t.interview_id, i.scorecard_version_id,
       (SELECT jsonb_agg(jsonb_build_object('key', 'competency-' || k, 'name', 'Competency ' || k, 'covered', k <= 6,
                 'evidence', CASE WHEN k <= 6 THEN (
                   SELECT jsonb_agg(jsonb_build_object('kind', 'moment', 'segmentPosition', p, 'speaker', 'Scale Candidate ' || t.n, 'startMs', p * 30000,
                                                       'quote', 'In my last team we used idempotent consumers', 'cue', 'idempotent consumers',
                                                       'matched', jsonb_build_array('idempotent', 'consumers')) ORDER BY p)
                     FROM generate_series(2 * k - 1, 2 * k + 3, 2) AS p) ELSE '[]'::jsonb END) ORDER BY k)
          FROM generate_series(1, 8) AS k),
       6, md5(t.interview_id::text), t.starts_at + interval '1 hour'
  FROM scale_transcripts t JOIN interviews i ON i.id = t.interview_id;

-- Talk time for every transcribed interview (what the evidence job writes).
UPDATE interviews i SET talk_time = jsonb_build_object(
         'basis', 'time', 'totalMs', 580000, 'questionsAsked', 3 + t.n % 5, 'interviewerShare', 0.3 + (t.n % 20) / 100.0,
         'longestMonologue', jsonb_build_object('speaker', 'Scale Candidate ' || t.n, 'ms', 29000, 'startMs', 30000),
         'speakers', jsonb_build_array(
           jsonb_build_object('speaker', 'Interviewer', 'ms', 290000, 'words', 700, 'share', 0.3 + (t.n % 20) / 100.0),
           jsonb_build_object('speaker', 'Scale Candidate ' || t.n, 'ms', 290000, 'words', 800, 'share', 0.7 - (t.n % 20) / 100.0)))
  FROM scale_transcripts t WHERE i.id = t.interview_id;

CREATE TEMP TABLE scale_feedback AS
SELECT gen_random_uuid() AS id, i.id AS interview_id, u.id AS author_id, i.application_id, i.scorecard_version_id, i.ends_at, h.h
  FROM interviews i
  JOIN users u ON u.email = i.interviewer_email
  CROSS JOIN LATERAL (SELECT abs(hashtext(i.id::text)) AS h) h
 WHERE i.status = 'COMPLETED' AND h.h % 3 <> 0;

INSERT INTO feedback (id, interview_id, author_id, application_id, scorecard_version_id, overall_recommendation, competencies, key_takeaways,
                      revision, submitted_at, created_at, updated_at)
SELECT f.id, f.interview_id, f.author_id, f.application_id, f.scorecard_version_id,
       (ARRAY['STRONG_NO', 'NO', 'YES', 'STRONG_YES'])[1 + f.h % 4]::"Recommendation",
       (SELECT jsonb_agg(jsonb_build_object('key', 'competency-' || k, 'rating', (ARRAY['STRONG_NO', 'NO', 'YES', 'STRONG_YES'])[1 + (f.h + k) % 4],
                                            'notes', 'Solid on competency ' || k || '; probe deeper next time.', 'citedMoments', jsonb_build_array(2 * k - 1),
                                            'droppedSuggestions', '[]'::jsonb) ORDER BY k)
          FROM generate_series(1, 8) AS k),
       'Clear thinking about failure modes; wanted more depth on testing.', 1, f.ends_at + interval '3 hours', f.ends_at + interval '2 hours', f.ends_at + interval '3 hours'
  FROM scale_feedback f;

-- The steady state of feedback reminders: every reminder due so far was sent (else the first run of
-- feedback.reminders would send a few hundred at once, in the middle of the measurements).
UPDATE interviews SET feedback_reminders_sent = LEAST(10, 1 + floor(extract(epoch FROM now() - ends_at - interval '1 hour') / 86400))::int
 WHERE status = 'COMPLETED' AND ends_at < now() - interval '1 hour';

INSERT INTO feedback_revisions (id, feedback_id, number, content, submitted_at)
SELECT gen_random_uuid(), f.id, 1, jsonb_build_object('overallRecommendation', f.overall_recommendation, 'competencies', f.competencies, 'keyTakeaways', f.key_takeaways), f.submitted_at
  FROM feedback f JOIN scale_feedback s ON s.id = f.id;

-- 100,000 stored notifications: mostly processed, some ignored, 2 % dead letters.
INSERT INTO webhook_events (id, notification_id, type, source, booking_id, event_time, delivery_attempt, payload, status, attempts,
                            next_attempt_at, last_error, received_at, processed_at, updated_at)
SELECT gen_random_uuid(), 'scale-notification-' || n, k.type, '/nylas/passthru', 'scale-booking-' || (1 + n % 30000), r.received_at, 1,
       jsonb_build_object('specversion', '1.0', 'type', k.type, 'source', '/nylas/passthru', 'id', 'scale-notification-' || n,
         'time', extract(epoch FROM r.received_at)::bigint,
         'data', jsonb_build_object('application_id', 'scale-app', 'object', jsonb_build_object('booking_id', 'scale-booking-' || (1 + n % 30000), 'object', 'booking'))),
       (CASE WHEN n % 100 < 95 THEN 'PROCESSED' WHEN n % 100 < 98 THEN 'IGNORED' ELSE 'DEAD' END)::"WebhookEventStatus",
       CASE WHEN n % 100 >= 98 THEN 8 ELSE 1 END, r.received_at,
       CASE WHEN n % 100 >= 98 THEN 'Booking not found: scale-booking-' || (1 + n % 30000) END,
       r.received_at, r.received_at + interval '40 milliseconds', r.received_at
  FROM generate_series(1, 100000) AS n
  CROSS JOIN LATERAL (SELECT (ARRAY['booking.created', 'booking.rescheduled', 'booking.cancelled', 'notetaker.meeting_state', 'notetaker.media'])[1 + n % 5] AS type) k
  CROSS JOIN LATERAL (SELECT now() - make_interval(secs => n * 30) AS received_at) r;
`;

export async function seedAtScale(url: string): Promise<Record<string, number>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(SEED_SQL);
    // What autovacuum does after a bulk load, done now rather than at an unknown moment mid-measurement:
    // statistics, and the visibility map that lets counts run as index-only scans.
    await client.query("VACUUM ANALYZE");
    const counts: Record<string, number> = {};
    for (const table of ["candidates", "interviews", "media_assets", "transcript_segments", "webhook_events", "scorecard_versions", "interview_evidence", "feedback"]) {
      counts[table] = Number((await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`)).rows[0]?.n);
    }
    return counts;
  } finally {
    await client.end();
  }
}

/** `count` sequential GETs after 10 warm-up ones; each must answer 200 and contain `expect`. */
async function timePage(path: string, cookie: string, expectText: string, pgid: number, count = SAMPLES): Promise<{ p50: number; p95: number; cpuMs: number }> {
  const times: number[] = [];
  let cpuStart = 0;
  for (let i = 0; i < count + 10; i++) {
    if (i === 10) cpuStart = groupCpuMs(pgid);
    const t0 = performance.now();
    const res = await fetch(`${ORIGIN}${path}`, { headers: { cookie }, redirect: "manual" });
    const body = await res.text();
    const ms = performance.now() - t0;
    if (res.status !== 200 || !body.includes(expectText)) throw new Error(`${path}: ${res.status}, ${body.includes(expectText) ? "" : `no "${expectText}" in the page`}`);
    if (i >= 10) times.push(ms);
  }
  return { p50: percentile(times, 50), p95: percentile(times, 95), cpuMs: (groupCpuMs(pgid) - cpuStart) / count };
}

/** Calls `visit` with the pid and the /proc stat fields (after the name) of every process in group `pgid`. */
function forEachInGroup(pgid: number, visit: (pid: string, fields: string[]) => void): void {
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (Number(fields[2]) === pgid) visit(entry, fields);
    } catch {
      // the process ended meanwhile
    }
  }
}

/** Resident memory (MB) of every process in the server's process group (next start and its workers). */
function groupRssMb(pgid: number): number {
  let kb = 0;
  forEachInGroup(pgid, (pid) => {
    kb += Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0);
  });
  return kb / 1024;
}

/** CPU time (ms) used so far by every process in the server's process group (utime + stime, 100 Hz ticks). */
function groupCpuMs(pgid: number): number {
  let ticks = 0;
  forEachInGroup(pgid, (_pid, fields) => {
    ticks += Number(fields[11]) + Number(fields[12]);
  });
  return ticks * 10;
}

/** The careers page in Chromium: navigation → first bookable time slot, over cold loads; the scripts of the first one. */
async function measureCareers(path: string): Promise<{ p50: number; p95: number; js: { files: number; transfer: number; decoded: number } }> {
  const browser = await launchChromium();
  const classify = new Map<string, ScriptGroup>();
  try {
    // The first load only warms the server (route code, availability queries), as the pages' warm-up does.
    await coldLoad(browser, `${ORIGIN}${path}`, DESKTOP, classify);
    const traces: LoadTrace[] = [];
    for (let i = 0; i < COLD_LOADS; i++) traces.push(await coldLoad(browser, `${ORIGIN}${path}`, DESKTOP, classify));
    const times = traces.map((t) => t.nodeFirstSlot);
    return { p50: percentile(times, 50), p95: percentile(times, 95), js: scriptBytes(traces[0]!) };
  } finally {
    await browser.close();
  }
}

/** Mixed traffic for `seconds` (4 concurrent clients: pages, ingest, careers, availability), sampling RSS every 5 s. */
async function soak(
  seconds: number,
  pgid: number,
  pages: string[],
  cookie: string,
  say: (line: string) => void,
): Promise<{ first: number; last: number; max: number; requests: number; errors: number }> {
  // A warm-up of the same traffic first (a tenth of the soak, at least 30 s): the heap grows to its
  // working size and code is compiled; growth is judged after that.
  const warmupMs = Math.max(30, seconds / 10) * 1000;
  const samples: number[] = [];
  const start = Date.now();
  const deadline = start + warmupMs + seconds * 1000;
  let requests = 0;
  let errors = 0;
  let n = 0;
  const sampler = setInterval(() => Date.now() - start >= warmupMs && samples.push(groupRssMb(pgid)), 5_000);
  const client = async (worker: number) => {
    while (Date.now() < deadline) {
      const i = n++;
      try {
        let res: Response;
        if (worker === 0) {
          const body = bookingCreated(`scale-soak-${process.pid}-${i}`, i);
          const { createHmac } = await import("node:crypto");
          res = await fetch(`${ORIGIN}/api/webhooks/nylas`, { method: "POST", body, headers: { "x-nylas-signature": createHmac("sha256", SECRET).update(body).digest("hex") } });
        } else {
          res = await fetch(`${ORIGIN}${pages[i % pages.length]}`, { headers: worker === 1 ? {} : { cookie } });
        }
        await res.arrayBuffer();
        if (res.status >= 500) errors++;
      } catch {
        errors++;
      }
      requests++;
    }
  };
  const progress = setInterval(() => say(`  soak: ${requests} requests, RSS ${groupRssMb(pgid).toFixed(0)} MB`), 60_000);
  await Promise.all([0, 1, 2, 3].map(client));
  clearInterval(sampler);
  clearInterval(progress);
  samples.push(groupRssMb(pgid));
  // First and last tenth of the soak (at least one sample each), by median: one GC pause is not growth.
  const tenth = Math.max(1, Math.floor(samples.length / 10));
  return { first: percentile(samples.slice(0, tenth), 50), last: percentile(samples.slice(-tenth), 50), max: Math.max(...samples), requests, errors };
}

export async function runScaleBench(): Promise<{ lines: string[]; figures: ScaleFigure[] }> {
  const lines: string[] = [];
  const say = (line: string) => {
    console.log(line);
    lines.push(line);
  };
  const soakFor = soakSeconds();
  buildUnlessSkipped(say);
  const { url: dbUrl, server } = await createBenchDatabase("portal_bench_scale");
  const seedStart = Date.now();
  const counts = await seedAtScale(dbUrl);
  say(
    `seeded in ${((Date.now() - seedStart) / 1000).toFixed(1)} s: ${Object.entries(counts)
      .map(([t, n]) => `${n} ${t}`)
      .join(", ")}`,
  );

  const next = await startNext(PORT, { APP_URL: ORIGIN, DATABASE_URL: dbUrl, NYLAS_WEBHOOK_SECRET: SECRET, BENCH_BASELINE_ROUTE: "on", RUN_WORKERS: "on" });
  await bootstrapSandbox({ APP_URL: ORIGIN, DATABASE_URL: dbUrl, NYLAS_WEBHOOK_SECRET: SECRET });
  const figures: ScaleFigure[] = [];
  const db = new pg.Client({ connectionString: dbUrl });
  await db.connect();
  try {
    say(`before the measurements: ${machineLoad()}`);
    const cookie = await signIn(ORIGIN, "admin@example.com");
    const pick = async (sql: string) => (await db.query<{ id: string }>(sql)).rows[0]!.id;
    // A candidate with feedback from at least two interviews (the grid), and a debrief with evidence and feedback.
    const candidateId = await pick(
      "SELECT a.candidate_id AS id FROM feedback f JOIN applications a ON a.id = f.application_id GROUP BY a.candidate_id HAVING count(*) >= 2 ORDER BY a.candidate_id LIMIT 1",
    );
    const debriefId = await pick("SELECT e.interview_id AS id FROM interview_evidence e JOIN feedback f ON f.interview_id = e.interview_id ORDER BY e.interview_id LIMIT 1");
    const roleId = await pick("SELECT id FROM roles WHERE slug = 'backend-engineer'");
    const interviewerId = await pick("SELECT id FROM interviewers ORDER BY email LIMIT 1");

    // 1. Pages at scale.
    const pages: { name: string; path: string; expect: string }[] = [
      { name: "dashboard (default)", path: "/dashboard", expect: "Scale Candidate" },
      {
        name: "dashboard (role + interviewer + status + dates)",
        path: `/dashboard?role=${roleId}&interviewer=${interviewerId}&status=completed&from=2026-01-01&to=2026-12-31&tz=Europe/Paris`,
        expect: "Interviews",
      },
      { name: "dashboard (search: 100 transcripts match)", path: "/dashboard?q=zookeeper", expect: "Scale Candidate" },
      { name: "dashboard (search: all 5,000 transcripts match)", path: "/dashboard?q=advisory", expect: "Scale Candidate" },
      { name: "dashboard (page 300)", path: "/dashboard?page=300", expect: "Scale Candidate" },
      { name: "candidate page", path: `/dashboard/candidates/${candidateId}`, expect: "Scale Candidate" },
      { name: "debrief page", path: `/dashboard/interviews/${debriefId}`, expect: "Transcript" },
      { name: "interviewer load (/settings/load)", path: "/settings/load", expect: "Interview load" },
      { name: "webhook deliveries (/settings/webhooks)", path: "/settings/webhooks", expect: "scale-notification-" },
      { name: "webhook deliveries, dead letters", path: "/settings/webhooks?status=dead", expect: "scale-notification-" },
    ];
    for (const page of pages) {
      const r = await timePage(page.path, cookie, page.expect, next.pid!);
      say(`${page.name.padEnd(50)} p50 ${r.p50.toFixed(1).padStart(6)} ms  p95 ${r.p95.toFixed(1).padStart(6)} ms  server CPU ${r.cpuMs.toFixed(1).padStart(5)} ms/request  (${page.path})`);
      figures.push({ name: `${page.name}: p95 server time`, value: `${r.p95.toFixed(1)} ms (CPU ${r.cpuMs.toFixed(0)} ms/req)`, target: "< 100 ms", ok: r.p95 < 100 });
    }

    // 2. Webhook ingest at this size against the verify-only route in the same build.
    const baseline = await load(`${ORIGIN}/api/bench/webhook-baseline`, 50, null);
    const webhook = await load(`${ORIGIN}/api/webhooks/nylas`, 50, new Set());
    const ratio = webhook.rps / baseline.rps;
    say(
      `ingest (50 connections): verify-only ${baseline.rps.toFixed(0)} req/s, /api/webhooks/nylas ${webhook.rps.toFixed(0)} req/s (p99 ${webhook.p99} ms, non-2xx ${webhook.non2xx}, errors ${webhook.errors})`,
    );
    figures.push({
      name: "webhook ingest vs verify-only",
      value: `${ratio.toFixed(2)}x (${webhook.rps.toFixed(0)} / ${baseline.rps.toFixed(0)} req/s)`,
      target: ">= 0.7x",
      ok: ratio >= 0.7 && webhook.non2xx === 0,
    });

    // 3. Careers page in Chromium (the availability the component fetches is part of the time).
    const careers = await measureCareers("/careers/backend-engineer");
    say(
      `careers page, ${COLD_LOADS} cold loads: first bookable slot p50 ${careers.p50.toFixed(0)} ms, p95 ${careers.p95.toFixed(0)} ms; first-load JS ${careers.js.files} files, ${(careers.js.decoded / 1024).toFixed(0)} KB (${(careers.js.transfer / 1024).toFixed(0)} KB transferred)`,
    );
    figures.push({ name: "careers: navigation → first bookable slot", value: `p50 ${careers.p50.toFixed(0)} ms, p95 ${careers.p95.toFixed(0)} ms`, target: "reported", ok: true });
    figures.push({
      name: "careers: first-load JavaScript",
      value: `${(careers.js.decoded / 1024).toFixed(0)} KB raw, ${(careers.js.transfer / 1024).toFixed(0)} KB transferred, ${careers.js.files} files`,
      target: "reported",
      ok: true,
    });

    // 4. Soak: RSS of the server's process group under mixed traffic.
    if (soakFor !== DEFAULT_SOAK_SECONDS) say(`soak: ${soakFor} s, shorter than the ${DEFAULT_SOAK_SECONDS} s the target is set for (--soak-seconds ${soakFor})`);
    const soakPages = [...pages.map((p) => p.path), "/careers", "/careers/backend-engineer"];
    const rss = await soak(soakFor, next.pid!, soakPages, cookie, say);
    const growth = (rss.last - rss.first) / rss.first;
    say(
      `soak ${soakFor} s after a ${Math.max(30, soakFor / 10)} s warm-up: ${rss.requests} requests (${rss.errors} 5xx/errors); RSS ${rss.first.toFixed(0)} MB → ${rss.last.toFixed(0)} MB (max ${rss.max.toFixed(0)} MB), growth ${(growth * 100).toFixed(1)} %`,
    );
    figures.push({
      name: `RSS over a ${soakFor} s mixed soak`,
      value: `${rss.first.toFixed(0)} → ${rss.last.toFixed(0)} MB (${(growth * 100).toFixed(1)} %)`,
      target: "< 10 % growth",
      ok: growth < 0.1 && rss.errors === 0,
    });

    say(`after the soak: ${machineLoad()}`);
    const width = Math.max(...figures.map((f) => f.name.length));
    say("\nfigure".padEnd(width + 1) + "  value".padEnd(44) + "target");
    for (const f of figures) say(`${f.name.padEnd(width)}  ${f.value.padEnd(42)}  ${f.target.padEnd(14)} ${f.target === "reported" ? "" : f.ok ? "ok" : "MISSES"}`);
    return { lines, figures };
  } finally {
    await db.end();
    stopNext(next);
    await new Promise((r) => setTimeout(r, 1000));
    await server.stop();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  await runScaleBench();
}
