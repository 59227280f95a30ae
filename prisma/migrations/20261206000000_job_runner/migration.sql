-- One job runner under all background work (lib/jobs, DESIGN "Jobs"). Every kind's jobs live in
-- "jobs"; the tables that used to be claimed directly (webhook_events, media_assets,
-- role_configurations, assignment_jobs, sandbox_webhook_deliveries, sandbox_notetakers) keep only
-- their own state. Work that was waiting in them is moved into jobs below, so an upgrade loses none.

-- CreateEnum
CREATE TYPE "JobState" AS ENUM ('QUEUED', 'RUNNING', 'DEAD');

-- CreateTable
CREATE TABLE "jobs" (
    "id" BIGSERIAL NOT NULL,
    "kind" TEXT NOT NULL,
    "payload" JSONB NOT NULL DEFAULT '{}',
    "state" "JobState" NOT NULL DEFAULT 'QUEUED',
    "run_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "max_attempts" INTEGER NOT NULL,
    "serial_key" TEXT,
    "dedup_key" TEXT,
    "lease_token" UUID,
    "locked_until" TIMESTAMPTZ(3),
    "locked_by" TEXT,
    "last_error" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "jobs_pkey" PRIMARY KEY ("id")
);

-- Partial indexes (SQL only; the drift test allow-lists them): due work in order, leases to take
-- over, a serialisation key's other jobs, and at most one queued job per de-duplication key.
CREATE INDEX "jobs_queued_idx" ON "jobs"("kind", "run_at", "id") WHERE "state" = 'QUEUED';
CREATE INDEX "jobs_running_idx" ON "jobs"("kind", "locked_until") WHERE "state" = 'RUNNING';
CREATE INDEX "jobs_serial_idx" ON "jobs"("kind", "serial_key") WHERE "serial_key" IS NOT NULL AND "state" <> 'DEAD';
CREATE UNIQUE INDEX "jobs_dedup_key" ON "jobs"("kind", "dedup_key") WHERE "state" = 'QUEUED';
CREATE INDEX "jobs_dead_idx" ON "jobs"("kind", "updated_at") WHERE "state" = 'DEAD';

-- CreateTable
CREATE TABLE "job_schedules" (
    "kind" TEXT NOT NULL,
    "expression" TEXT NOT NULL,
    "next_run_at" TIMESTAMPTZ(3) NOT NULL,
    "last_run_at" TIMESTAMPTZ(3),
    "runs" INTEGER NOT NULL DEFAULT 0,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "job_schedules_pkey" PRIMARY KEY ("kind")
);

-- Waiting work, moved. Keys as lib/webhooks/jobs.ts, lib/media/jobs.ts, lib/nylas/sync-configurations.ts,
-- lib/assignment/jobs.ts and lib/sandbox/jobs.ts compute them.
INSERT INTO "jobs" ("kind", "payload", "run_at", "max_attempts", "serial_key", "dedup_key")
SELECT DISTINCT ON (k.key) 'webhooks.process', jsonb_build_object('subject', k.subject, 'id', k.id), k.run_at, 6, k.key, k.key
  FROM (
    SELECT e.subject, e.id, e.subject || ':' || e.id AS key, e.next_attempt_at AS run_at
      FROM (
        SELECT CASE WHEN w.type LIKE 'booking.%' AND w.booking_id IS NOT NULL THEN 'booking'
                    WHEN w.type LIKE 'notetaker.%' AND w.notetaker_id IS NOT NULL THEN 'notetaker'
                    ELSE 'event' END AS subject,
               CASE WHEN w.type LIKE 'booking.%' AND w.booking_id IS NOT NULL THEN w.booking_id
                    WHEN w.type LIKE 'notetaker.%' AND w.notetaker_id IS NOT NULL THEN w.notetaker_id
                    ELSE w.id::text END AS id,
               w.next_attempt_at
          FROM "webhook_events" w WHERE w.status = 'PENDING') AS e) AS k
 ORDER BY k.key, k.run_at;

UPDATE "media_assets" SET "status" = 'PENDING' WHERE "status" = 'DOWNLOADING';
INSERT INTO "jobs" ("kind", "payload", "run_at", "max_attempts", "serial_key", "dedup_key")
SELECT 'media.download', jsonb_build_object('assetId', a.id::text), a.next_attempt_at, 6, a.id::text, a.id::text
  FROM "media_assets" a WHERE a.status = 'PENDING' AND a.source = 'NOTETAKER';

INSERT INTO "jobs" ("kind", "payload", "run_at", "max_attempts", "serial_key", "dedup_key")
SELECT 'nylas.sync-configuration', jsonb_build_object('roleId', c.role_id::text, 'apiUri', c.api_uri), c.next_sync_at, 6,
       c.api_uri || '|' || c.role_id::text, c.api_uri || '|' || c.role_id::text
  FROM "role_configurations" c WHERE c.sync_status = 'PENDING';

INSERT INTO "jobs" ("kind", "payload", "run_at", "max_attempts", "serial_key", "dedup_key")
SELECT 'assignments.explain', jsonb_build_object('interviewId', j.interview_id::text), j.due_at, 10, j.interview_id::text, j.interview_id::text
  FROM "assignment_jobs" j;

INSERT INTO "jobs" ("kind", "payload", "run_at", "max_attempts", "dedup_key")
SELECT 'sandbox.webhook-delivery', jsonb_build_object('deliveryId', d.id::text), d.next_attempt_at, 3, d.id::text
  FROM "sandbox_webhook_deliveries" d WHERE d.status = 'pending';

INSERT INTO "jobs" ("kind", "payload", "run_at", "max_attempts", "serial_key", "dedup_key")
SELECT 'sandbox.notetaker-step', jsonb_build_object('notetakerId', n.id), n.next_step_at, 6, n.id, n.id
  FROM "sandbox_notetakers" n WHERE n.next_step_at IS NOT NULL AND n.deleted_at IS NULL;

-- The old queues' own bookkeeping.
DROP TABLE "assignment_jobs";
ALTER TABLE "media_assets" DROP COLUMN "retry_base";
