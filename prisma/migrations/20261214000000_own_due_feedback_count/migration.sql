-- An interviewer's own feedback due counted their interviews waiting for feedback by panel member
-- and by host email as a UNION, which hashes every entry of both ranges to drop the interviews that
-- are theirs both ways: at 300,000 interviews, 10,000 due each way, ~10 ms. With the panel member in
-- the host-email index the count is the first range plus the second's entries whose panel member is
-- not the viewer's (lib/feedback/queries.ts), two index-only ranges without a hash (~4 ms).

-- DropIndex (replaced below, the same columns and interviewer_id)
DROP INDEX "interviews_due_feedback_interviewer_email_idx";

-- CreateIndex
CREATE INDEX "interviews_due_feedback_interviewer_email_idx" ON "interviews"("interviewer_email", "feedback_due_since") INCLUDE ("id", "interviewer_id") WHERE "feedback_due_since" IS NOT NULL;
