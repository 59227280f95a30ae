/**
 * The scale benchmark's seed (`npm run bench -- scale [--large]`), generated inside PostgreSQL in
 * set-based SQL (generate_series; nothing crosses the wire but the statements): candidates, their
 * applications and 3 interviews each, transcripts of 20 lines with their search documents, scorecard
 * evidence, talk time, submitted feedback on two thirds of the completed interviews and 100,000
 * stored webhook notifications — every row shaped as the app writes it.
 *
 * Loaded the way a bulk load should be: one session with synchronous_commit off and a large
 * maintenance_work_mem, autovacuum off on the tables being filled, their secondary indexes dropped
 * before and rebuilt after (one sort per index instead of 1M insertions into a GIN), then VACUUM
 * ANALYZE (statistics, and the visibility map index-only counts need).
 *
 * Vocabulary (the search figures; `n` numbers the transcripts, `p` their lines):
 * - "advisory" is said in every transcript, 2 to 5 times (n % 4 extra lines), so ranks differ;
 * - "backfill" in 5 % (n % 20 = 3), 1 to 4 times;
 * - "zookeeper" in 2 % (n % 50 = 0), twice when n % 100 = 0;
 * - the phrase "exactly-once delivery" in 5 % (n % 20 = 0; the others say "at-least-once delivery");
 * - "kubernetes" in 75 % (n % 4 <> 0; the others say "blue-green rollouts"), so
 *   `advisory -kubernetes` matches 25 %;
 * - "heron" once, on line 250, in the LONG_TRANSCRIPTS transcripts of LONG_TRANSCRIPT_LINES lines
 *   (n <= 25, about 37 KB each, a 45-minute interview's length), so a search page of long
 *   transcripts is timed too (their snippets).
 */
import pg from "pg";
import { dropIndexes, recreateIndexes, searchDocumentsFromLinesSql } from "./support";

export type ScaleSize = { label: string; candidates: number; interviews: number; transcripts: number; linesPerTranscript: number; webhookEvents: number };

export const DEFAULT_SIZE: ScaleSize = { label: "default", candidates: 10_000, interviews: 30_000, transcripts: 5_000, linesPerTranscript: 20, webhookEvents: 100_000 };
export const LARGE_SIZE: ScaleSize = { label: "large", candidates: 100_000, interviews: 300_000, transcripts: 50_000, linesPerTranscript: 20, webhookEvents: 100_000 };

/** Transcripts (the first by `n`) as long as a 45-minute interview's, rather than 20 lines. */
export const LONG_TRANSCRIPTS = 25;
const LONG_TRANSCRIPT_LINES = 400;
const LONG_TRANSCRIPT_HERON_LINE = 250;

/** The tables the seed fills in bulk: autovacuum off and secondary indexes dropped while it runs. */
const BULK_TABLES = [
  "candidates",
  "applications",
  "interviews",
  "media_assets",
  "transcript_segments",
  "interview_search_documents",
  "interview_evidence",
  "feedback",
  "feedback_revisions",
  "webhook_events",
];

/** The seed's statements, in order, each named for the per-step timing. */
export function seedSql(size: ScaleSize): { step: string; sql: string }[] {
  const { candidates, interviews, transcripts, linesPerTranscript, webhookEvents } = size;
  for (const [name, value] of Object.entries({ candidates, interviews, transcripts, linesPerTranscript, webhookEvents })) {
    if (!Number.isInteger(value) || value <= 0) throw new Error(`seedSql: ${name} must be a positive integer (got ${value})`);
  }
  return [
    {
      step: `${candidates} candidates and applications`,
      sql: `
CREATE TEMP TABLE scale_roles AS SELECT id, (row_number() OVER (ORDER BY slug) - 1)::int AS k, count(*) OVER ()::int AS total FROM roles;
CREATE TEMP TABLE scale_interviewers AS SELECT id, email, (row_number() OVER (ORDER BY email) - 1)::int AS k, count(*) OVER ()::int AS total FROM interviewers;
CREATE TEMP TABLE scale_candidates AS SELECT n, gen_random_uuid() AS id, gen_random_uuid() AS application_id FROM generate_series(1, ${candidates}) AS n;

INSERT INTO candidates (id, email, email_raw, name, timezone, created_at, updated_at)
SELECT c.id, 'scale.candidate.' || c.n || '@example.org', 'Scale.Candidate.' || c.n || '@example.org', 'Scale Candidate ' || c.n,
       'Europe/Paris', now() - make_interval(mins => c.n), now()
  FROM scale_candidates c;

INSERT INTO applications (id, candidate_id, role_id, stage, created_at, updated_at)
SELECT c.application_id, c.id, r.id, (ARRAY['APPLIED','INTERVIEWING','DEBRIEF','OFFER','HIRED','REJECTED'])[1 + c.n % 6]::"ApplicationStage",
       now() - make_interval(mins => c.n), now()
  FROM scale_candidates c JOIN scale_roles r ON r.k = c.n % r.total;`,
    },
    {
      // 3 interviews per candidate (at the default ratio), half a year back to half a year ahead.
      step: `${interviews} interviews`,
      sql: `
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
  FROM generate_series(1, ${interviews}) AS i
  JOIN scale_candidates c ON c.n = 1 + (i - 1) % ${candidates}
  JOIN scale_interviewers iv ON iv.k = i % iv.total
  CROSS JOIN LATERAL (SELECT date_trunc('hour', now()) + make_interval(days => (i % 361) - 180, hours => i % 9) AS starts_at) t;`,
    },
    {
      step: `${transcripts} transcript files`,
      sql: `
CREATE TEMP TABLE scale_transcripts AS
SELECT id AS interview_id, gen_random_uuid() AS asset_id, starts_at, row_number() OVER (ORDER BY booking_id) AS n
  FROM interviews WHERE status = 'COMPLETED' AND booking_id LIKE 'scale-booking-%' ORDER BY booking_id LIMIT ${transcripts};

UPDATE interviews i SET completed_at = t.starts_at + interval '45 minutes', notetaker_state = 'media_available',
       summary_text = 'The candidate walked through a queue design and its failure modes.'
  FROM scale_transcripts t WHERE i.id = t.interview_id;

INSERT INTO media_assets (id, interview_id, kind, source, status, file_name, content_type, storage_key, size, sha256, bytes_received, stored_at, created_at, updated_at)
SELECT t.asset_id, t.interview_id, 'TRANSCRIPT', 'NOTETAKER', 'STORED', 'transcript.json', 'application/json',
       'interviews/' || t.interview_id || '/transcript.json', 4096, md5(t.interview_id::text) || md5(t.asset_id::text), 4096,
       t.starts_at + interval '1 hour', t.starts_at + interval '1 hour', now()
  FROM scale_transcripts t;`,
    },
    {
      step: `${transcripts * linesPerTranscript + LONG_TRANSCRIPTS * (LONG_TRANSCRIPT_LINES - linesPerTranscript)} transcript lines`,
      sql: `
INSERT INTO transcript_segments (interview_id, asset_id, position, speaker, start_ms, end_ms, text)
SELECT t.interview_id, t.asset_id, p, CASE WHEN p % 2 = 0 THEN 'Interviewer' ELSE 'Scale Candidate ' || t.n END, p * 30000, p * 30000 + 29000,
       (ARRAY['We talked about', 'I would start with', 'The trade-off here is', 'In my last team we used', 'Let us look at'])[1 + (t.n + p) % 5] || ' ' ||
       (ARRAY['a write-ahead log', 'idempotent consumers', 'postgres advisory locks', 'back-pressure on the queue',
              CASE WHEN t.n % 4 = 0 THEN 'blue-green rollouts' ELSE 'kubernetes rollouts' END,
              'the p99 latency budget', 'a dead letter table',
              CASE WHEN t.n % 20 = 0 THEN 'exactly-once delivery' ELSE 'at-least-once delivery' END,
              'an exclusion constraint', 'react server components'])[1 + (t.n * 7 + p * 3) % 10] ||
       ' and why it matters for line ' || p || ' of interview ' || t.n || '.' ||
       CASE WHEN p < t.n % 4 THEN ' Advisory locks came up again.' ELSE '' END ||
       CASE WHEN t.n % 20 = 3 AND p < 1 + (t.n / 20) % 4 THEN ' We planned the backfill in batches.' ELSE '' END ||
       CASE WHEN t.n % 50 = 0 AND (p = 7 OR (p = 13 AND t.n % 100 = 0)) THEN ' We also touched on zookeeper.' ELSE '' END ||
       CASE WHEN t.n <= ${LONG_TRANSCRIPTS} AND p = ${LONG_TRANSCRIPT_HERON_LINE} THEN ' A heron landed on the roof.' ELSE '' END
  FROM scale_transcripts t
 CROSS JOIN LATERAL generate_series(0, CASE WHEN t.n <= ${LONG_TRANSCRIPTS} THEN ${LONG_TRANSCRIPT_LINES - 1} ELSE ${linesPerTranscript - 1} END) AS p;`,
    },
    { step: `${transcripts} search documents`, sql: searchDocumentsFromLinesSql() },
    {
      // Scorecards (issue 15): a new version of every role's scorecard with 8 competencies, every interview
      // booked with it; evidence for the transcribed interviews (6 competencies covered, 3 moments each)
      // and their talk time.
      step: "scorecards, evidence and talk time",
      sql: `
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

UPDATE interviews i SET talk_time = jsonb_build_object(
         'basis', 'time', 'totalMs', 580000, 'questionsAsked', 3 + t.n % 5, 'interviewerShare', 0.3 + (t.n % 20) / 100.0,
         'longestMonologue', jsonb_build_object('speaker', 'Scale Candidate ' || t.n, 'ms', 29000, 'startMs', 30000),
         'speakers', jsonb_build_array(
           jsonb_build_object('speaker', 'Interviewer', 'ms', 290000, 'words', 700, 'share', 0.3 + (t.n % 20) / 100.0),
           jsonb_build_object('speaker', 'Scale Candidate ' || t.n, 'ms', 290000, 'words', 800, 'share', 0.7 - (t.n % 20) / 100.0)))
  FROM scale_transcripts t WHERE i.id = t.interview_id;`,
    },
    {
      // Submitted feedback (with its first revision) on two thirds of the completed interviews.
      step: "feedback",
      sql: `
CREATE TEMP TABLE scale_feedback AS
SELECT gen_random_uuid() AS id, i.id AS interview_id, u.id AS author_id, i.application_id, i.scorecard_version_id, i.ends_at, h.h
  FROM interviews i
  JOIN users u ON u.email = i.interviewer_email
  CROSS JOIN LATERAL (SELECT abs(hashtext(i.id::text)) AS h) h
 WHERE i.status = 'COMPLETED' AND i.booking_id LIKE 'scale-booking-%' AND h.h % 3 <> 0;

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
-- feedback.reminders would send thousands at once, in the middle of the measurements).
UPDATE interviews SET feedback_reminders_sent = LEAST(10, 1 + floor(extract(epoch FROM now() - ends_at - interval '1 hour') / 86400))::int
 WHERE status = 'COMPLETED' AND ends_at < now() - interval '1 hour';

INSERT INTO feedback_revisions (id, feedback_id, number, content, submitted_at)
SELECT gen_random_uuid(), f.id, 1, jsonb_build_object('overallRecommendation', f.overall_recommendation, 'competencies', f.competencies, 'keyTakeaways', f.key_takeaways), f.submitted_at
  FROM feedback f JOIN scale_feedback s ON s.id = f.id;`,
    },
    {
      // Stored notifications: mostly processed, some ignored, 2 % dead letters.
      step: `${webhookEvents} webhook notifications`,
      sql: `
INSERT INTO webhook_events (id, notification_id, type, source, booking_id, event_time, delivery_attempt, payload, status, attempts,
                            next_attempt_at, last_error, received_at, processed_at, updated_at)
SELECT gen_random_uuid(), 'scale-notification-' || n, k.type, '/nylas/passthru', 'scale-booking-' || (1 + n % ${interviews}), r.received_at, 1,
       jsonb_build_object('specversion', '1.0', 'type', k.type, 'source', '/nylas/passthru', 'id', 'scale-notification-' || n,
         'time', extract(epoch FROM r.received_at)::bigint,
         'data', jsonb_build_object('application_id', 'scale-app', 'object', jsonb_build_object('booking_id', 'scale-booking-' || (1 + n % ${interviews}), 'object', 'booking'))),
       (CASE WHEN n % 100 < 95 THEN 'PROCESSED' WHEN n % 100 < 98 THEN 'IGNORED' ELSE 'DEAD' END)::"WebhookEventStatus",
       CASE WHEN n % 100 >= 98 THEN 8 ELSE 1 END, r.received_at,
       CASE WHEN n % 100 >= 98 THEN 'Booking not found: scale-booking-' || (1 + n % ${interviews}) END,
       r.received_at, r.received_at + interval '40 milliseconds', r.received_at
  FROM generate_series(1, ${webhookEvents}) AS n
  CROSS JOIN LATERAL (SELECT (ARRAY['booking.created', 'booking.rescheduled', 'booking.cancelled', 'notetaker.meeting_state', 'notetaker.media'])[1 + n % 5] AS type) k
  CROSS JOIN LATERAL (SELECT now() - make_interval(secs => n * 30) AS received_at) r;`,
    },
  ];
}

export type SeedReport = { steps: { step: string; seconds: number }[]; counts: Record<string, number> };

/** Seeds `size` into the (migrated, demo-seeded) database at `url`; returns the time of each step and the row counts. */
export async function seedAtScale(url: string, size: ScaleSize, say: (line: string) => void): Promise<SeedReport> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const steps: SeedReport["steps"] = [];
  const timed = async (step: string, run: () => Promise<unknown>) => {
    const start = performance.now();
    await run();
    const seconds = (performance.now() - start) / 1000;
    steps.push({ step, seconds });
    say(`  seed ${size.label}: ${step.padEnd(40)} ${seconds.toFixed(1).padStart(6)} s`);
  };
  try {
    // A bulk load: losing it in a crash costs a re-run, so no WAL flush per statement; big sorts in memory.
    await client.query("SET synchronous_commit = off; SET maintenance_work_mem = '512MB'; SET work_mem = '64MB'");
    for (const table of BULK_TABLES) await client.query(`ALTER TABLE ${table} SET (autovacuum_enabled = false)`);
    let indexes: { name: string; def: string }[] = [];
    await timed("drop secondary indexes", async () => (indexes = await dropIndexes(client, { tables: BULK_TABLES })));
    for (const { step, sql } of seedSql(size)) await timed(step, () => client.query(sql));
    await timed(`rebuild ${indexes.length} indexes`, () => recreateIndexes(client, indexes));
    for (const table of BULK_TABLES) await client.query(`ALTER TABLE ${table} RESET (autovacuum_enabled)`);
    // What autovacuum does after a bulk load, done now rather than at an unknown moment mid-measurement:
    // statistics, and the visibility map that lets counts run as index-only scans.
    await timed("VACUUM ANALYZE", () => client.query("VACUUM ANALYZE"));
    const counts: Record<string, number> = {};
    for (const table of ["candidates", "interviews", "media_assets", "transcript_segments", "interview_search_documents", "webhook_events", "interview_evidence", "feedback"]) {
      counts[table] = Number((await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`)).rows[0]?.n);
    }
    return { steps, counts };
  } finally {
    await client.end();
  }
}
