-- The dashboard's other filters, the candidate page and /settings/load at 300,000 interviews
-- (issue 18). Each index lets a query read an index instead of the interviews table (~480 MB at
-- that size), where a (parallel) seq scan costs 150-400 ms.

-- Role and stage filters (lib/interviews/queries.ts countListParts): the applications of a role
-- or stage joined to their interviews, counted per part of the list from this index alone
-- (index-only). It replaces interviews(application_id), which it also serves.
-- DropIndex
DROP INDEX "interviews_application_id_idx";

-- CreateIndex
CREATE INDEX "interviews_application_id_starts_at_idx" ON "interviews"("application_id", "starts_at");

-- Filters combined with an interviewer (interviewer + status + days, + role or stage): the
-- interviewer's interviews of a status in a range of days, with the application to join, read
-- index-only.
-- CreateIndex
CREATE INDEX "interviews_interviewer_id_status_starts_at_application_id_idx" ON "interviews"("interviewer_id", "status", "starts_at", "application_id");

-- The candidate page: the interviews booked to replace one (Interview.replacedBy), read for every
-- interview on the timeline.
-- CreateIndex
CREATE INDEX "interviews_replaces_interview_id_idx" ON "interviews"("replaces_interview_id");

-- Feedback due / overdue: completed interviews by end (with what the count and the anti-join
-- need, so both are index-only) ...
CREATE INDEX "interviews_completed_ends_at_idx" ON "interviews"("ends_at") INCLUDE ("starts_at", "id") WHERE "status" = 'COMPLETED';

-- ... without submitted feedback (NOT EXISTS over this index alone). Indexes, not a stored flag:
-- they follow every change of status, end or feedback by themselves.
CREATE INDEX "feedback_submitted_interview_id_idx" ON "feedback"("interview_id") WHERE "submitted_at" IS NOT NULL;

-- /settings/load: booked (not cancelled) interviews per interviewer and week, and upcoming ones,
-- counted index-only.
CREATE INDEX "interviews_booked_interviewer_id_starts_at_idx" ON "interviews"("interviewer_id", "starts_at") WHERE "status" <> 'CANCELLED';

-- /settings/load's talk time: the completed interviews with talk time in its window, without
-- reading every completed interview.
CREATE INDEX "interviews_talk_time_starts_at_idx" ON "interviews"("starts_at") WHERE "status" = 'COMPLETED' AND "talk_time" IS NOT NULL;
