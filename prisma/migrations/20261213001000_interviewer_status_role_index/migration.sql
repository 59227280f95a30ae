-- The dashboard's filters combined with an interviewer (role + interviewer + status + dates) counted
-- from interviews(interviewer_id, status, starts_at, application_id) and then read every row in
-- range to test the role: at 300,000 interviews ~30,000 rows, 45–150 ms. Its application_id served
-- the join to the applications that the role and stage filters no longer make (they read the
-- interview's application_role_id since migration 20261212000000_interview_filter_copies); with
-- application_role_id in its place the count is index-only (~4 ms).

-- DropIndex
DROP INDEX "interviews_interviewer_id_status_starts_at_application_id_idx";

-- CreateIndex
CREATE INDEX "interviews_interviewer_status_starts_at_role_idx" ON "interviews"("interviewer_id", "status", "starts_at", "application_role_id");
