-- Notetaker and media: the interview's Notetaker state and debrief, media assets in our storage
-- (each row is also its download job), transcript segments with a full-text index, action items,
-- and the sandbox's simulated Notetaker.

-- CreateEnum
CREATE TYPE "MediaKind" AS ENUM ('RECORDING', 'TRANSCRIPT', 'SUMMARY', 'ACTION_ITEMS', 'THUMBNAIL');

-- CreateEnum
CREATE TYPE "MediaSource" AS ENUM ('NOTETAKER', 'UPLOAD');

-- CreateEnum
CREATE TYPE "MediaAssetStatus" AS ENUM ('PENDING', 'DOWNLOADING', 'STORED', 'FAILED');

-- AlterTable
ALTER TABLE "interviews" ADD COLUMN "notetaker_grant_id" TEXT,
ADD COLUMN "notetaker_state_reason" TEXT,
ADD COLUMN "notetaker_state_at" TIMESTAMPTZ(3),
ADD COLUMN "notetaker_timeline" JSONB NOT NULL DEFAULT '[]',
ADD COLUMN "notetaker_settings" JSONB,
ADD COLUMN "completed_at" TIMESTAMPTZ(3),
ADD COLUMN "summary_text" TEXT;

-- AlterTable
ALTER TABLE "webhook_events" ADD COLUMN "notetaker_id" TEXT;

-- AlterTable
ALTER TABLE "sandbox_events" ADD COLUMN "notetaker" JSONB;

-- AlterTable
ALTER TABLE "sandbox_bookings" ADD COLUMN "notetaker_id" TEXT;

-- Backfill: notetaker notifications stored before this migration were kept but not processed
-- (IGNORED): give them their notetaker id and queue them, so their media is fetched now.
UPDATE "webhook_events" SET "notetaker_id" = "payload"->'data'->'object'->>'id', "status" = 'PENDING', "attempts" = 0, "next_attempt_at" = CURRENT_TIMESTAMP, "last_error" = NULL
 WHERE "type" LIKE 'notetaker.%' AND jsonb_typeof("payload"->'data'->'object'->'id') = 'string';

-- CreateTable
CREATE TABLE "media_assets" (
    "id" UUID NOT NULL,
    "interview_id" UUID NOT NULL,
    "kind" "MediaKind" NOT NULL,
    "source" "MediaSource" NOT NULL,
    "status" "MediaAssetStatus" NOT NULL DEFAULT 'PENDING',
    "notetaker_id" TEXT,
    "source_url" TEXT,
    "source_url_expires_at" TIMESTAMPTZ(3),
    "retained_until" TIMESTAMPTZ(3),
    "file_name" TEXT,
    "content_type" TEXT,
    "expected_size" BIGINT,
    "expected_sha256" TEXT,
    "duration_seconds" INTEGER,
    "storage_key" TEXT,
    "size" BIGINT,
    "sha256" TEXT,
    "bytes_received" BIGINT NOT NULL DEFAULT 0,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "retry_base" INTEGER NOT NULL DEFAULT 0,
    "next_attempt_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_error" TEXT,
    "stored_at" TIMESTAMPTZ(3),
    "uploaded_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "media_assets_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "transcript_segments" (
    "id" BIGSERIAL NOT NULL,
    "interview_id" UUID NOT NULL,
    "asset_id" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "speaker" TEXT,
    "start_ms" INTEGER,
    "end_ms" INTEGER,
    "text" TEXT NOT NULL,

    CONSTRAINT "transcript_segments_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "action_items" (
    "id" UUID NOT NULL,
    "interview_id" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "is_done" BOOLEAN NOT NULL DEFAULT false,
    "done_at" TIMESTAMPTZ(3),
    "done_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "action_items_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sandbox_notetakers" (
    "id" TEXT NOT NULL,
    "grant_id" UUID,
    "booking_id" UUID,
    "event_id" TEXT,
    "calendar_id" TEXT,
    "ical_uid" TEXT,
    "name" TEXT NOT NULL,
    "meeting_link" TEXT NOT NULL,
    "meeting_provider" TEXT NOT NULL,
    "join_time" TIMESTAMPTZ(3) NOT NULL,
    "leave_time" TIMESTAMPTZ(3) NOT NULL,
    "state" TEXT NOT NULL,
    "meeting_state" TEXT,
    "meeting_settings" JSONB NOT NULL,
    "sample_id" TEXT NOT NULL,
    "speakers" JSONB NOT NULL DEFAULT '{}',
    "outcome" TEXT NOT NULL DEFAULT 'completed',
    "next_step_at" TIMESTAMPTZ(3),
    "media_created_at" TIMESTAMPTZ(3),
    "media_expires_at" TIMESTAMPTZ(3),
    "faults" JSONB NOT NULL DEFAULT '{}',
    "synthetic_recording_bytes" BIGINT,
    "deleted_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "sandbox_notetakers_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sandbox_notetaker_events" (
    "id" UUID NOT NULL,
    "notetaker_id" TEXT NOT NULL,
    "event_type" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "meeting_state" TEXT,
    "data" JSONB NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "sandbox_notetaker_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sandbox_notetaker_files" (
    "notetaker_id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "content_type" TEXT NOT NULL,
    "size" BIGINT NOT NULL,
    "sha256" TEXT NOT NULL,
    "content" BYTEA,
    "sample_path" TEXT,
    "duration_seconds" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "sandbox_notetaker_files_pkey" PRIMARY KEY ("notetaker_id","kind")
);

-- CreateIndex
CREATE INDEX "interviews_notetaker_id_idx" ON "interviews"("notetaker_id");
CREATE INDEX "interviews_event_id_idx" ON "interviews"("event_id");
CREATE INDEX "webhook_events_notetaker_id_idx" ON "webhook_events"("notetaker_id");
CREATE UNIQUE INDEX "media_assets_interview_id_source_kind_key" ON "media_assets"("interview_id", "source", "kind");
CREATE INDEX "media_assets_status_next_attempt_at_idx" ON "media_assets"("status", "next_attempt_at");
CREATE INDEX "media_assets_notetaker_id_idx" ON "media_assets"("notetaker_id");
CREATE UNIQUE INDEX "transcript_segments_interview_id_position_key" ON "transcript_segments"("interview_id", "position");
CREATE INDEX "transcript_segments_asset_id_idx" ON "transcript_segments"("asset_id");
CREATE UNIQUE INDEX "action_items_interview_id_position_key" ON "action_items"("interview_id", "position");
CREATE INDEX "sandbox_notetakers_next_step_at_idx" ON "sandbox_notetakers"("next_step_at");
CREATE INDEX "sandbox_notetakers_grant_id_created_at_idx" ON "sandbox_notetakers"("grant_id", "created_at");
CREATE INDEX "sandbox_notetakers_booking_id_idx" ON "sandbox_notetakers"("booking_id");
CREATE INDEX "sandbox_notetaker_events_notetaker_id_at_idx" ON "sandbox_notetaker_events"("notetaker_id", "at");

-- Full-text search over transcripts (SQL-only: Prisma cannot express expression indexes).
CREATE INDEX "transcript_segments_search_idx" ON "transcript_segments" USING GIN (to_tsvector('english'::regconfig, coalesce("speaker", '') || ' ' || "text"));

-- AddForeignKey
ALTER TABLE "media_assets" ADD CONSTRAINT "media_assets_interview_id_fkey" FOREIGN KEY ("interview_id") REFERENCES "interviews"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "media_assets" ADD CONSTRAINT "media_assets_uploaded_by_id_fkey" FOREIGN KEY ("uploaded_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "transcript_segments" ADD CONSTRAINT "transcript_segments_interview_id_fkey" FOREIGN KEY ("interview_id") REFERENCES "interviews"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "transcript_segments" ADD CONSTRAINT "transcript_segments_asset_id_fkey" FOREIGN KEY ("asset_id") REFERENCES "media_assets"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "action_items" ADD CONSTRAINT "action_items_interview_id_fkey" FOREIGN KEY ("interview_id") REFERENCES "interviews"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "action_items" ADD CONSTRAINT "action_items_done_by_id_fkey" FOREIGN KEY ("done_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "sandbox_notetaker_events" ADD CONSTRAINT "sandbox_notetaker_events_notetaker_id_fkey" FOREIGN KEY ("notetaker_id") REFERENCES "sandbox_notetakers"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "sandbox_notetaker_files" ADD CONSTRAINT "sandbox_notetaker_files_notetaker_id_fkey" FOREIGN KEY ("notetaker_id") REFERENCES "sandbox_notetakers"("id") ON DELETE CASCADE ON UPDATE CASCADE;
