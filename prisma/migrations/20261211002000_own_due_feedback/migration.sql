-- An interviewer's own feedback still due (lib/feedback/queries.ts listOwnDueFeedback, the top of
-- their dashboard) at 300,000 interviews (issue 18): their completed interviews, read index-only
-- once by panel member and once by host email (the two ways an interview is theirs), minus those
-- they submitted feedback on, read index-only too. Without them the count scanned the interviews
-- and the feedback (~500 ms); with them ~30 ms. Indexes, not a stored flag: they follow every
-- change of status, end or feedback by themselves.
CREATE INDEX "interviews_completed_interviewer_id_ends_at_idx" ON "interviews"("interviewer_id", "ends_at") INCLUDE ("id") WHERE "status" = 'COMPLETED';

CREATE INDEX "interviews_completed_interviewer_email_ends_at_idx" ON "interviews"("interviewer_email", "ends_at") INCLUDE ("id") WHERE "status" = 'COMPLETED';

CREATE INDEX "feedback_submitted_author_id_interview_id_idx" ON "feedback"("author_id", "interview_id") WHERE "submitted_at" IS NOT NULL;
