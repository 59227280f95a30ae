-- An interviewer's unfiltered dashboard counts (lib/interviews/queries.ts listPartCountsSql) as two
-- disjoint ranges instead of one pass over "panel member OR host email": the interviews of their
-- panel member(s), by interviews_interviewer_id_starts_at_idx, plus those only their host email
-- names (no panel member, or another one), by this index, whose interviewer_id lets the second
-- range drop the interviews the first one counted without leaving the index. At 300,000 interviews
-- an interviewer with 75,000 of them waited ~190 ms for a sequential scan; the two index-only
-- ranges take ~10 ms. It replaces the index on (interviewer_email, starts_at), which it extends
-- (the transcript search's visibility and the interview list's rows read it too).

-- DropIndex
DROP INDEX "interviews_interviewer_email_starts_at_idx";

-- CreateIndex
CREATE INDEX "interviews_interviewer_email_starts_at_interviewer_id_idx" ON "interviews"("interviewer_email", "starts_at", "interviewer_id");
