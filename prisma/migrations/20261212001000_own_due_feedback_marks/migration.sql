-- An interviewer's own feedback due (the top of their dashboard, lib/feedback/queries.ts) from the
-- interviews' feedback_due_since (migration 20261212000000_interview_filter_copies) instead of
-- completed interviews anti-joined with the feedback they submitted: the same two ranges (by panel
-- member, by host email) united, but over the interviews still waiting only. At 300,000 interviews
-- an interviewer with 30,000 completed interviews and 10,000 due counted them in ~45 ms (30,000
-- index entries deduplicated, then 20,000 feedback hashed and anti-joined); now ~10,000 entries.
-- Only the interviewer who ran an interview can submit feedback on it, so "no submitted feedback"
-- is "none of theirs", as the Feedback filter and the reminders already read it.

-- DropIndex (replaced below)
DROP INDEX "interviews_completed_interviewer_id_ends_at_idx";

-- DropIndex (replaced below)
DROP INDEX "interviews_completed_interviewer_email_ends_at_idx";

-- DropIndex (no longer read: the interviews carry their feedback mark)
DROP INDEX "feedback_submitted_author_id_interview_id_idx";

-- CreateIndex
CREATE INDEX "interviews_due_feedback_interviewer_id_idx" ON "interviews"("interviewer_id", "feedback_due_since") INCLUDE ("id") WHERE "feedback_due_since" IS NOT NULL;

-- CreateIndex
CREATE INDEX "interviews_due_feedback_interviewer_email_idx" ON "interviews"("interviewer_email", "feedback_due_since") INCLUDE ("id") WHERE "feedback_due_since" IS NOT NULL;
