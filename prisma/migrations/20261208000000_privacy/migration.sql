-- Recording consent, retention and erasure (DESIGN "Recording consent, retention and erasure"):
-- the organisation's recording policy and retention rules, a role's override, an interviewer's
-- opt-out, each interview's consent record and recording decision, anonymised candidates, and the
-- deletion records (no personal data).

-- CreateEnum
CREATE TYPE "RecordingPolicy" AS ENUM ('INFORM_ONLY', 'ASK_FOR_CONSENT', 'NEVER_RECORD');

-- AlterTable
ALTER TABLE "candidates" ADD COLUMN     "anonymized_at" TIMESTAMPTZ(3),
ADD COLUMN     "anonymous_number" INTEGER;

-- AlterTable
ALTER TABLE "interviewers" ADD COLUMN     "recording_opt_out" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "interviews" ADD COLUMN     "recording_policy" "RecordingPolicy",
ADD COLUMN     "consent" JSONB,
ADD COLUMN     "not_recorded_reason" TEXT,
ADD COLUMN     "media_deleted_at" TIMESTAMPTZ(3),
ADD COLUMN     "media_deleted_rule" TEXT;

-- AlterTable
ALTER TABLE "roles" ADD COLUMN     "recording_policy" "RecordingPolicy";

-- CreateTable
CREATE TABLE "privacy_settings" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "recording_policy" "RecordingPolicy" NOT NULL DEFAULT 'INFORM_ONLY',
    "delete_media_days_after_rejection" INTEGER,
    "delete_media_days_after_hire" INTEGER,
    "anonymize_days_after_rejection" INTEGER,
    "delete_nylas_copy_when_stored" BOOLEAN NOT NULL DEFAULT false,
    "last_retention_run_at" TIMESTAMPTZ(3),
    "updated_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "privacy_settings_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "deletion_records" (
    "id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "rule" TEXT,
    "actor_id" UUID,
    "actor_email" TEXT,
    "subject_type" TEXT NOT NULL,
    "subject_id" TEXT NOT NULL,
    "counts" JSONB NOT NULL DEFAULT '{}',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "deletion_records_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "deletion_records_created_at_idx" ON "deletion_records"("created_at");

-- CreateIndex
CREATE INDEX "deletion_records_subject_type_subject_id_idx" ON "deletion_records"("subject_type", "subject_id");

-- CreateIndex
CREATE UNIQUE INDEX "candidates_anonymous_number_key" ON "candidates"("anonymous_number");

-- AddForeignKey
ALTER TABLE "privacy_settings" ADD CONSTRAINT "privacy_settings_updated_by_id_fkey" FOREIGN KEY ("updated_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "deletion_records" ADD CONSTRAINT "deletion_records_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
