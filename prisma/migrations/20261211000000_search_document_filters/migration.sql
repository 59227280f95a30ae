-- Transcript search at 50,000 documents without reading the interviews (issue 18): each search
-- document carries a copy of every interview column that orders the matches or that the dashboard's
-- filters read (starts_at: "the most recent matches" and the days; interviewer_id and
-- interviewer_email: an interviewer's own interviews and the Interviewer filter; application_id:
-- the Role and Stage filters; status and ends_at: the Status and Feedback filters), so the matches,
-- their order and their count come from this table (about 10 MB) and its GIN index instead of a
-- join to the interviews (about 480 MB at 300,000). lib/interviews/search.ts.
--
-- The copies are kept in step by the database itself, whoever writes: a document takes them from its
-- interview when it is inserted (an upsert's update takes them from the row it proposed:
-- lib/interviews/search-document.ts), and an interview passes them on whenever one of them changes
-- (a reschedule, a cancellation, completion, a reassignment…). Nothing in the application computes
-- them. The document's trigger is BEFORE INSERT only: any BEFORE UPDATE row trigger would make
-- PostgreSQL recompute the generated tsvector (and re-index it) on every update of a document,
-- even one that only changes a copy.

-- AlterTable
ALTER TABLE "interview_search_documents" ADD COLUMN     "application_id" UUID,
ADD COLUMN     "ends_at" TIMESTAMPTZ(3),
ADD COLUMN     "interviewer_email" TEXT,
ADD COLUMN     "interviewer_id" UUID,
ADD COLUMN     "starts_at" TIMESTAMPTZ(3),
ADD COLUMN     "status" "InterviewStatus";

-- A document inserted (or the row an upsert proposes) takes the copies from its interview. The interview's row is
-- locked as an update would lock it (FOR NO KEY UPDATE), so a concurrent change of the interview
-- either committed before (and is read here) or waits until this document is committed (and then
-- updates it, below). The transaction writing a transcript updates that interview anyway
-- (lib/media/parsed-content.ts): the lock is only taken earlier.
CREATE FUNCTION "interview_search_documents_copy_interview"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT i."starts_at", i."ends_at", i."status", i."interviewer_id", i."interviewer_email", i."application_id"
    INTO NEW."starts_at", NEW."ends_at", NEW."status", NEW."interviewer_id", NEW."interviewer_email", NEW."application_id"
    FROM "interviews" i
   WHERE i."id" = NEW."interview_id"
     FOR NO KEY UPDATE;
  RETURN NEW;
END
$$;

CREATE TRIGGER "interview_search_documents_copy_interview"
  BEFORE INSERT ON "interview_search_documents"
  FOR EACH ROW EXECUTE FUNCTION "interview_search_documents_copy_interview"();

-- Backfill, before the interviews' trigger exists (a plain join: no trigger runs, and the tsvector
-- is not recomputed).
UPDATE "interview_search_documents" d
   SET "starts_at" = i."starts_at", "ends_at" = i."ends_at", "status" = i."status",
       "interviewer_id" = i."interviewer_id", "interviewer_email" = i."interviewer_email",
       "application_id" = i."application_id"
  FROM "interviews" i
 WHERE i."id" = d."interview_id";

-- An interview whose copied columns change passes them on to its document (if it has one).
CREATE FUNCTION "interviews_update_search_document"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "interview_search_documents"
     SET "starts_at" = NEW."starts_at", "ends_at" = NEW."ends_at", "status" = NEW."status",
         "interviewer_id" = NEW."interviewer_id", "interviewer_email" = NEW."interviewer_email",
         "application_id" = NEW."application_id"
   WHERE "interview_id" = NEW."id";
  RETURN NULL;
END
$$;

CREATE TRIGGER "interviews_update_search_document"
  AFTER UPDATE OF "starts_at", "ends_at", "status", "interviewer_id", "interviewer_email", "application_id" ON "interviews"
  FOR EACH ROW
  WHEN (OLD."starts_at" IS DISTINCT FROM NEW."starts_at"
     OR OLD."ends_at" IS DISTINCT FROM NEW."ends_at"
     OR OLD."status" IS DISTINCT FROM NEW."status"
     OR OLD."interviewer_id" IS DISTINCT FROM NEW."interviewer_id"
     OR OLD."interviewer_email" IS DISTINCT FROM NEW."interviewer_email"
     OR OLD."application_id" IS DISTINCT FROM NEW."application_id")
  EXECUTE FUNCTION "interviews_update_search_document"();

