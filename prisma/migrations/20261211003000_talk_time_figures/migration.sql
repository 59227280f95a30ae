-- /settings/load's talk time at 300,000 interviews (issue 18): the three figures it averages are
-- generated from talk_time (the same CASE expressions lib/load/talk-time.ts used to compute per
-- query: a figure that is not a JSON number is unknown, and left out of its mean; questions asked
-- default to 0), and a partial index of completed interviews with talk time carries them, so the
-- 90-day average per interviewer is one index-only range (~10 ms) instead of reading and parsing
-- 25,000 interviews' JSON out of the table (~75 ms). Generated columns, not copies: they follow
-- every write of talk_time by themselves. Adding them rewrites the interviews table once.

-- AlterTable
ALTER TABLE "interviews"
  ADD COLUMN "talk_interviewer_share" DOUBLE PRECISION GENERATED ALWAYS AS (CASE WHEN jsonb_typeof("talk_time"->'interviewerShare') = 'number' THEN ("talk_time"->>'interviewerShare')::float8 END) STORED,
  ADD COLUMN "talk_questions_asked" DOUBLE PRECISION GENERATED ALWAYS AS (CASE WHEN jsonb_typeof("talk_time"->'questionsAsked') = 'number' THEN ("talk_time"->>'questionsAsked')::float8 ELSE 0 END) STORED,
  ADD COLUMN "talk_longest_monologue_ms" DOUBLE PRECISION GENERATED ALWAYS AS (CASE WHEN jsonb_typeof("talk_time"->'longestMonologue'->'ms') = 'number' THEN ("talk_time"->'longestMonologue'->>'ms')::float8 END) STORED;

-- DropIndex (replaced by the covering one below)
DROP INDEX "interviews_talk_time_starts_at_idx";

CREATE INDEX "interviews_talk_time_figures_idx" ON "interviews"("starts_at") INCLUDE ("interviewer_id", "talk_interviewer_share", "talk_questions_asked", "talk_longest_monologue_ms") WHERE "status" = 'COMPLETED' AND "talk_time" IS NOT NULL AND jsonb_typeof("talk_time") = 'object';
