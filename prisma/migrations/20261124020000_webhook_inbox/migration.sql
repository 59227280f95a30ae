-- Webhook inbox (also the processing queue) and what the booking reducer writes on interviews.

-- CreateEnum
CREATE TYPE "WebhookEventStatus" AS ENUM ('PENDING', 'PROCESSED', 'IGNORED', 'DEAD');

-- AlterTable
ALTER TABLE "interviews" ADD COLUMN "candidate_id" UUID,
ADD COLUMN "guest_name" TEXT,
ADD COLUMN "guest_email" TEXT,
ADD COLUMN "interviewer_email" TEXT,
ADD COLUMN "history" JSONB NOT NULL DEFAULT '[]',
ADD COLUMN "needs_lookup" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "webhook_events" (
    "id" UUID NOT NULL,
    "notification_id" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "source" TEXT,
    "booking_id" TEXT,
    "event_time" TIMESTAMPTZ(3),
    "delivery_attempt" INTEGER,
    "payload" JSONB NOT NULL,
    "status" "WebhookEventStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "next_attempt_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_error" TEXT,
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "processed_at" TIMESTAMPTZ(3),
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "webhook_events_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "webhook_events_notification_id_key" ON "webhook_events"("notification_id");
CREATE INDEX "webhook_events_status_next_attempt_at_idx" ON "webhook_events"("status", "next_attempt_at");
CREATE INDEX "webhook_events_booking_id_idx" ON "webhook_events"("booking_id");
CREATE INDEX "webhook_events_received_at_idx" ON "webhook_events"("received_at");
CREATE INDEX "interviews_candidate_id_idx" ON "interviews"("candidate_id");
CREATE INDEX "interviews_status_starts_at_idx" ON "interviews"("status", "starts_at");

-- AddForeignKey
ALTER TABLE "interviews" ADD CONSTRAINT "interviews_candidate_id_fkey" FOREIGN KEY ("candidate_id") REFERENCES "candidates"("id") ON DELETE CASCADE ON UPDATE CASCADE;
