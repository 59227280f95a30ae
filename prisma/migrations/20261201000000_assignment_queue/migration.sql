-- "Why this interviewer" is worked out by its own worker (it asks Nylas for free/busy), not on the
-- booking's processing path: interviews.assignment_due_at is its queue.

-- AlterTable
ALTER TABLE "interviews" ADD COLUMN "assignment_due_at" TIMESTAMPTZ(3);

-- CreateIndex
CREATE INDEX "interviews_assignment_due_at_idx" ON "interviews"("assignment_due_at");
