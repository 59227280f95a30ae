-- Transcript search at 50,000 documents (issue 18).

-- An interviewer sees the interviews they run: by panel member (interviews_interviewer_id_starts_at_idx)
-- or, for interviews whose panel member is gone, by the email on the interview.
-- CreateIndex
CREATE INDEX "interviews_interviewer_email_starts_at_idx" ON "interviews"("interviewer_email", "starts_at");
