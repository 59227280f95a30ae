-- Transcript search at 50,000 documents (issue 18).

-- Keep the search documents' heap narrow: the text and its tsvector move to the TOAST table as soon
-- as a row passes 128 bytes (instead of about 2 KB), so counting and joining matches reads ids, not
-- transcripts; only ranking (a bounded set) and the shown page's snippets read the values.
ALTER TABLE "interview_search_documents" SET (toast_tuple_target = 128);

-- An interviewer sees the interviews they run: by panel member (interviews_interviewer_id_starts_at_idx)
-- or, for interviews whose panel member is gone, by the email on the interview.
-- CreateIndex
CREATE INDEX "interviews_interviewer_email_starts_at_idx" ON "interviews"("interviewer_email", "starts_at");
