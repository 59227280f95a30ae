-- Admin settings: panel fields the admin edits (interval, event title, what the Notetaker records,
-- its consent message), versioned Notetaker settings, the configuration sync job, the audit log,
-- weekly load caps and their calendar blocks, and why each interview went to whom.

-- CreateEnum
CREATE TYPE "ConfigurationSyncStatus" AS ENUM ('PENDING', 'SYNCED', 'FAILED');

-- AlterTable
ALTER TABLE "interviewers" ADD COLUMN "weekly_cap" INTEGER;

-- AlterTable
ALTER TABLE "panels" ADD COLUMN "interval_minutes" INTEGER,
ADD COLUMN "event_title" TEXT NOT NULL DEFAULT 'Interview with ${invitee}',
ADD COLUMN "notetaker_video" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN "notetaker_audio" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN "notetaker_transcription" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN "notetaker_summary" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN "notetaker_action_items" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN "notetaker_show_consent" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN "notetaker_consent_message" TEXT NOT NULL DEFAULT 'This interview is recorded and transcribed by a notetaker so that the hiring team can review it.';

-- AlterTable
ALTER TABLE "role_configurations" ALTER COLUMN "configuration_id" DROP NOT NULL,
ALTER COLUMN "grant_id" DROP NOT NULL,
ADD COLUMN "sync_status" "ConfigurationSyncStatus" NOT NULL DEFAULT 'PENDING',
ADD COLUMN "sync_attempts" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN "sync_generation" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN "next_sync_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- Backfill: configurations synced before this migration are in step (or failed with their error).
UPDATE "role_configurations" SET "sync_status" = CASE WHEN "last_sync_error" IS NULL THEN 'SYNCED'::"ConfigurationSyncStatus" ELSE 'FAILED'::"ConfigurationSyncStatus" END;

-- AlterTable
ALTER TABLE "interviews" ADD COLUMN "notetaker_version_id" UUID,
ADD COLUMN "assignment" JSONB;

-- CreateTable
CREATE TABLE "notetaker_settings_versions" (
    "id" UUID NOT NULL,
    "panel_id" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "settings" JSONB NOT NULL,
    "content_hash" TEXT NOT NULL,
    "created_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "notetaker_settings_versions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_logs" (
    "id" UUID NOT NULL,
    "actor_id" UUID,
    "actor_email" TEXT NOT NULL,
    "entity_type" TEXT NOT NULL,
    "entity_id" TEXT NOT NULL,
    "entity_label" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "changes" JSONB NOT NULL DEFAULT '[]',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "audit_logs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "load_cap_blocks" (
    "id" UUID NOT NULL,
    "interviewer_id" UUID NOT NULL,
    "api_uri" TEXT NOT NULL,
    "week_start" TIMESTAMPTZ(3) NOT NULL,
    "week_end" TIMESTAMPTZ(3) NOT NULL,
    "event_id" TEXT NOT NULL,
    "calendar_id" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "load_cap_blocks_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "notetaker_settings_versions_panel_id_content_hash_idx" ON "notetaker_settings_versions"("panel_id", "content_hash");

-- CreateIndex
CREATE UNIQUE INDEX "notetaker_settings_versions_panel_id_version_key" ON "notetaker_settings_versions"("panel_id", "version");

-- CreateIndex
CREATE INDEX "role_configurations_sync_status_next_sync_at_idx" ON "role_configurations"("sync_status", "next_sync_at");

-- CreateIndex
CREATE INDEX "audit_logs_created_at_idx" ON "audit_logs"("created_at");

-- CreateIndex
CREATE INDEX "audit_logs_entity_type_entity_id_created_at_idx" ON "audit_logs"("entity_type", "entity_id", "created_at");

-- CreateIndex
CREATE INDEX "interviews_interviewer_id_starts_at_idx" ON "interviews"("interviewer_id", "starts_at");

-- CreateIndex
CREATE UNIQUE INDEX "load_cap_blocks_interviewer_id_api_uri_week_start_key" ON "load_cap_blocks"("interviewer_id", "api_uri", "week_start");

-- AddForeignKey
ALTER TABLE "notetaker_settings_versions" ADD CONSTRAINT "notetaker_settings_versions_panel_id_fkey" FOREIGN KEY ("panel_id") REFERENCES "panels"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notetaker_settings_versions" ADD CONSTRAINT "notetaker_settings_versions_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "audit_logs" ADD CONSTRAINT "audit_logs_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "load_cap_blocks" ADD CONSTRAINT "load_cap_blocks_interviewer_id_fkey" FOREIGN KEY ("interviewer_id") REFERENCES "interviewers"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "interviews" ADD CONSTRAINT "interviews_notetaker_version_id_fkey" FOREIGN KEY ("notetaker_version_id") REFERENCES "notetaker_settings_versions"("id") ON DELETE SET NULL ON UPDATE CASCADE;
