-- Scorecards, evidence, interviewers' feedback, decisions and outgoing email (DESIGN "Scorecards
-- and feedback", "Outgoing email"), and the sandbox's sent messages.

-- CreateEnum
CREATE TYPE "Recommendation" AS ENUM ('STRONG_NO', 'NO', 'YES', 'STRONG_YES');

-- CreateEnum
CREATE TYPE "OutgoingEmailStatus" AS ENUM ('QUEUED', 'SENT', 'FAILED');

-- AlterTable
ALTER TABLE "applications" ADD COLUMN     "rejection_reason" TEXT,
ADD COLUMN     "decided_at" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "interviews" ADD COLUMN     "scorecard_version_id" UUID,
ADD COLUMN     "talk_time" JSONB,
ADD COLUMN     "feedback_reminders_sent" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "scorecard_versions" (
    "id" UUID NOT NULL,
    "role_id" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "competencies" JSONB NOT NULL,
    "content_hash" TEXT NOT NULL,
    "created_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "scorecard_versions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "interview_evidence" (
    "interview_id" UUID NOT NULL,
    "scorecard_version_id" UUID NOT NULL,
    "competencies" JSONB NOT NULL,
    "covered_count" INTEGER NOT NULL,
    "input_hash" TEXT NOT NULL,
    "computed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "interview_evidence_pkey" PRIMARY KEY ("interview_id")
);

-- CreateTable
CREATE TABLE "feedback" (
    "id" UUID NOT NULL,
    "interview_id" UUID NOT NULL,
    "author_id" UUID NOT NULL,
    "application_id" UUID,
    "scorecard_version_id" UUID,
    "overall_recommendation" "Recommendation",
    "competencies" JSONB NOT NULL DEFAULT '[]',
    "key_takeaways" TEXT NOT NULL DEFAULT '',
    "draft" JSONB,
    "draft_saved_at" TIMESTAMPTZ(3),
    "revision" INTEGER NOT NULL DEFAULT 0,
    "submitted_at" TIMESTAMPTZ(3),
    "edited_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "feedback_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "feedback_revisions" (
    "id" UUID NOT NULL,
    "feedback_id" UUID NOT NULL,
    "number" INTEGER NOT NULL,
    "content" JSONB NOT NULL,
    "submitted_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "feedback_revisions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "outgoing_emails" (
    "id" UUID NOT NULL,
    "idempotency_key" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "to" JSONB NOT NULL,
    "subject" TEXT NOT NULL,
    "html" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "interview_id" UUID,
    "status" "OutgoingEmailStatus" NOT NULL DEFAULT 'QUEUED',
    "message_id" TEXT,
    "last_error" TEXT,
    "sent_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "outgoing_emails_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sandbox_messages" (
    "id" TEXT NOT NULL,
    "grant_id" UUID NOT NULL,
    "to" JSONB NOT NULL,
    "from" JSONB NOT NULL DEFAULT '[]',
    "subject" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "date" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "sandbox_messages_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "applications_stage_idx" ON "applications"("stage");

-- CreateIndex
CREATE UNIQUE INDEX "scorecard_versions_role_id_version_key" ON "scorecard_versions"("role_id", "version");

-- CreateIndex
CREATE INDEX "interview_evidence_scorecard_version_id_idx" ON "interview_evidence"("scorecard_version_id");

-- CreateIndex
CREATE INDEX "feedback_application_id_idx" ON "feedback"("application_id");

-- CreateIndex
CREATE INDEX "feedback_author_id_submitted_at_idx" ON "feedback"("author_id", "submitted_at");

-- CreateIndex
CREATE UNIQUE INDEX "feedback_interview_id_author_id_key" ON "feedback"("interview_id", "author_id");

-- CreateIndex
CREATE UNIQUE INDEX "feedback_revisions_feedback_id_number_key" ON "feedback_revisions"("feedback_id", "number");

-- CreateIndex
CREATE UNIQUE INDEX "outgoing_emails_idempotency_key_key" ON "outgoing_emails"("idempotency_key");

-- CreateIndex
CREATE INDEX "outgoing_emails_interview_id_idx" ON "outgoing_emails"("interview_id");

-- CreateIndex
CREATE INDEX "outgoing_emails_status_created_at_idx" ON "outgoing_emails"("status", "created_at");

-- CreateIndex
CREATE INDEX "sandbox_messages_grant_id_date_idx" ON "sandbox_messages"("grant_id", "date");

-- AddForeignKey
ALTER TABLE "interviews" ADD CONSTRAINT "interviews_scorecard_version_id_fkey" FOREIGN KEY ("scorecard_version_id") REFERENCES "scorecard_versions"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "scorecard_versions" ADD CONSTRAINT "scorecard_versions_role_id_fkey" FOREIGN KEY ("role_id") REFERENCES "roles"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "scorecard_versions" ADD CONSTRAINT "scorecard_versions_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "interview_evidence" ADD CONSTRAINT "interview_evidence_interview_id_fkey" FOREIGN KEY ("interview_id") REFERENCES "interviews"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "interview_evidence" ADD CONSTRAINT "interview_evidence_scorecard_version_id_fkey" FOREIGN KEY ("scorecard_version_id") REFERENCES "scorecard_versions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "feedback" ADD CONSTRAINT "feedback_interview_id_fkey" FOREIGN KEY ("interview_id") REFERENCES "interviews"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "feedback" ADD CONSTRAINT "feedback_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "feedback" ADD CONSTRAINT "feedback_application_id_fkey" FOREIGN KEY ("application_id") REFERENCES "applications"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "feedback_revisions" ADD CONSTRAINT "feedback_revisions_feedback_id_fkey" FOREIGN KEY ("feedback_id") REFERENCES "feedback"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "outgoing_emails" ADD CONSTRAINT "outgoing_emails_interview_id_fkey" FOREIGN KEY ("interview_id") REFERENCES "interviews"("id") ON DELETE SET NULL ON UPDATE CASCADE;
