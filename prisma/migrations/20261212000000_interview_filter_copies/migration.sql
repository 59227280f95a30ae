-- The dashboard's Role, Stage and Feedback filters at 300,000 interviews (issue 18): each becomes one
-- indexed column of the interview instead of a join. An interview carries a copy of its application's
-- role_id and stage (application_role_id, application_stage), and whether feedback on it has been
-- submitted (feedback_submitted); feedback_due_since, generated from these, is the end of a completed
-- interview still waiting for feedback (null otherwise), so "feedback due / overdue by X" is
-- `feedback_due_since <= X`. Counting a role's or a stage's interviews is then one index-only range
-- of (column, starts_at) instead of a hash join over all 300,000 (~45 ms → a few ms), and the feedback
-- filter one range of a partial index instead of an anti-join of ~120,000 completed interviews with
-- ~80,000 submitted feedback. lib/interviews/filters.ts and filters-sql.ts.
--
-- The copies are kept in step by the database itself, whoever writes (as the search documents'
-- are, migration 20261211000000): an interview takes them from its application when it is inserted
-- or moved to another application; an application whose role or stage changes passes them on to
-- its interviews; feedback whose submission changes (submitted, or deleted after submission) sets
-- its interview's mark. The search documents copy the role and stage as well (not the feedback
-- mark, which changes with every first submission: lib/interviews/search.ts reads it from the
-- interview, for the matches only, when the Feedback filter asks).

-- AlterTable (nullable columns and a constant default: no table rewrite)
ALTER TABLE "interviews" ADD COLUMN "application_role_id" UUID,
ADD COLUMN "application_stage" "ApplicationStage",
ADD COLUMN "feedback_submitted" BOOLEAN NOT NULL DEFAULT false;

-- Backfill, before any trigger below exists (one pass; the generated column's table rewrite below
-- compacts what it leaves behind).
UPDATE "interviews" i
   SET "application_role_id" = a."role_id", "application_stage" = a."stage",
       "feedback_submitted" = EXISTS (SELECT 1 FROM "feedback" f WHERE f."interview_id" = i."id" AND f."submitted_at" IS NOT NULL)
  FROM "interviews" j LEFT JOIN "applications" a ON a."id" = j."application_id"
 WHERE j."id" = i."id"
   AND (j."application_id" IS NOT NULL OR EXISTS (SELECT 1 FROM "feedback" f WHERE f."interview_id" = j."id" AND f."submitted_at" IS NOT NULL));

-- Rewrites the interviews table once.
ALTER TABLE "interviews" ADD COLUMN "feedback_due_since" TIMESTAMPTZ(3) GENERATED ALWAYS AS (CASE WHEN "status" = 'COMPLETED' AND NOT "feedback_submitted" THEN "ends_at" END) STORED;

-- CreateIndex
CREATE INDEX "interviews_application_role_id_starts_at_idx" ON "interviews"("application_role_id", "starts_at");

-- CreateIndex
CREATE INDEX "interviews_application_stage_starts_at_idx" ON "interviews"("application_stage", "starts_at");

-- Completed interviews waiting for feedback, in list order (the page walks starts_at and checks the
-- end in the index; the count reads it index-only). `feedback_due_since <= $1` implies the predicate.
CREATE INDEX "interviews_feedback_due_since_idx" ON "interviews"("starts_at", "feedback_due_since") WHERE "feedback_due_since" IS NOT NULL;

-- Replaced by interviews_feedback_due_since_idx.
DROP INDEX "interviews_completed_ends_at_idx";

-- An interview inserted, or moved to another application, takes its application's role and stage
-- (nulls without one). The application's row is share-locked, so a concurrent change of its stage
-- either committed before (and is read here) or waits until this interview is committed (and then
-- updates it, below). An update that leaves the application and the copies alone reads nothing.
CREATE FUNCTION "interviews_copy_application"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE'
     AND NEW."application_id" IS NOT DISTINCT FROM OLD."application_id"
     AND NEW."application_role_id" IS NOT DISTINCT FROM OLD."application_role_id"
     AND NEW."application_stage" IS NOT DISTINCT FROM OLD."application_stage" THEN
    RETURN NEW;
  END IF;
  NEW."application_role_id" := NULL;
  NEW."application_stage" := NULL;
  IF NEW."application_id" IS NOT NULL THEN
    SELECT a."role_id", a."stage" INTO NEW."application_role_id", NEW."application_stage"
      FROM "applications" a
     WHERE a."id" = NEW."application_id"
       FOR SHARE;
  END IF;
  RETURN NEW;
END
$$;

CREATE TRIGGER "interviews_copy_application"
  BEFORE INSERT OR UPDATE OF "application_id", "application_role_id", "application_stage" ON "interviews"
  FOR EACH ROW EXECUTE FUNCTION "interviews_copy_application"();

-- An application whose role or stage changes passes them on to its interviews, locked first in id
-- order (the order purge, erasure and opt-outs lock several interviews in), so two writers of
-- overlapping interviews wait for each other instead of deadlocking. The application's row is
-- already locked (the update): every writer that locks both takes the application first
-- (lib/feedback/decide.ts, lib/privacy/erasure.ts, lib/interviews/process-booking.ts).
CREATE FUNCTION "applications_update_interviews"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM 1 FROM "interviews" WHERE "application_id" = NEW."id" ORDER BY "id" FOR NO KEY UPDATE;
  UPDATE "interviews"
     SET "application_role_id" = NEW."role_id", "application_stage" = NEW."stage"
   WHERE "application_id" = NEW."id";
  RETURN NULL;
END
$$;

CREATE TRIGGER "applications_update_interviews"
  AFTER UPDATE OF "role_id", "stage" ON "applications"
  FOR EACH ROW
  WHEN (OLD."role_id" IS DISTINCT FROM NEW."role_id" OR OLD."stage" IS DISTINCT FROM NEW."stage")
  EXECUTE FUNCTION "applications_update_interviews"();

-- Feedback submitted marks its interview. Feedback withdrawn, deleted after submission or moved to
-- another interview unmarks the interview it leaves, unless other submitted feedback on it remains
-- (only then is the feedback read). Writers that also lock the interview lock it first
-- (lib/feedback/store.ts submitFeedback), the order erasure and purge take them in. An interview
-- deleted with its feedback (a cascade) is not found: nothing to update.
CREATE FUNCTION "feedback_mark_interview"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'DELETE' AND NEW."submitted_at" IS NOT NULL THEN
    UPDATE "interviews" SET "feedback_submitted" = true WHERE "id" = NEW."interview_id" AND NOT "feedback_submitted";
  END IF;
  IF TG_OP = 'DELETE' OR (TG_OP = 'UPDATE' AND (NEW."submitted_at" IS NULL OR NEW."interview_id" IS DISTINCT FROM OLD."interview_id")) THEN
    -- Locked before the recount, which then runs on a new snapshot: a submission committed
    -- meanwhile is seen, not overwritten.
    PERFORM 1 FROM "interviews" WHERE "id" = OLD."interview_id" FOR NO KEY UPDATE;
    UPDATE "interviews" i SET "feedback_submitted" = false
     WHERE i."id" = OLD."interview_id" AND i."feedback_submitted"
       AND NOT EXISTS (SELECT 1 FROM "feedback" f WHERE f."interview_id" = i."id" AND f."submitted_at" IS NOT NULL);
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER "feedback_mark_interview_on_insert"
  AFTER INSERT ON "feedback"
  FOR EACH ROW
  WHEN (NEW."submitted_at" IS NOT NULL)
  EXECUTE FUNCTION "feedback_mark_interview"();

CREATE TRIGGER "feedback_mark_interview_on_update"
  AFTER UPDATE OF "submitted_at", "interview_id" ON "feedback"
  FOR EACH ROW
  WHEN (OLD."submitted_at" IS DISTINCT FROM NEW."submitted_at" OR OLD."interview_id" IS DISTINCT FROM NEW."interview_id")
  EXECUTE FUNCTION "feedback_mark_interview"();

CREATE TRIGGER "feedback_mark_interview_on_delete"
  AFTER DELETE ON "feedback"
  FOR EACH ROW
  WHEN (OLD."submitted_at" IS NOT NULL)
  EXECUTE FUNCTION "feedback_mark_interview"();

-- The search documents copy the role and stage too (lib/interviews/search.ts applies the filters
-- to a document's copies). Backfilled before the copy triggers change.
ALTER TABLE "interview_search_documents" ADD COLUMN "application_role_id" UUID,
ADD COLUMN "application_stage" "ApplicationStage";

UPDATE "interview_search_documents" d
   SET "application_role_id" = i."application_role_id", "application_stage" = i."application_stage"
  FROM "interviews" i
 WHERE i."id" = d."interview_id"
   AND i."application_id" IS NOT NULL;

CREATE OR REPLACE FUNCTION "interview_search_documents_copy_interview"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT i."starts_at", i."ends_at", i."status", i."interviewer_id", i."interviewer_email", i."application_id",
         i."application_role_id", i."application_stage"
    INTO NEW."starts_at", NEW."ends_at", NEW."status", NEW."interviewer_id", NEW."interviewer_email", NEW."application_id",
         NEW."application_role_id", NEW."application_stage"
    FROM "interviews" i
   WHERE i."id" = NEW."interview_id"
     FOR NO KEY UPDATE;
  RETURN NEW;
END
$$;

CREATE OR REPLACE FUNCTION "interviews_update_search_document"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "interview_search_documents"
     SET "starts_at" = NEW."starts_at", "ends_at" = NEW."ends_at", "status" = NEW."status",
         "interviewer_id" = NEW."interviewer_id", "interviewer_email" = NEW."interviewer_email",
         "application_id" = NEW."application_id", "application_role_id" = NEW."application_role_id",
         "application_stage" = NEW."application_stage"
   WHERE "interview_id" = NEW."id";
  RETURN NULL;
END
$$;

-- The same trigger, on the two new columns as well.
DROP TRIGGER "interviews_update_search_document" ON "interviews";

CREATE TRIGGER "interviews_update_search_document"
  AFTER UPDATE OF "starts_at", "ends_at", "status", "interviewer_id", "interviewer_email", "application_id",
                  "application_role_id", "application_stage" ON "interviews"
  FOR EACH ROW
  WHEN (OLD."starts_at" IS DISTINCT FROM NEW."starts_at"
     OR OLD."ends_at" IS DISTINCT FROM NEW."ends_at"
     OR OLD."status" IS DISTINCT FROM NEW."status"
     OR OLD."interviewer_id" IS DISTINCT FROM NEW."interviewer_id"
     OR OLD."interviewer_email" IS DISTINCT FROM NEW."interviewer_email"
     OR OLD."application_id" IS DISTINCT FROM NEW."application_id"
     OR OLD."application_role_id" IS DISTINCT FROM NEW."application_role_id"
     OR OLD."application_stage" IS DISTINCT FROM NEW."application_stage")
  EXECUTE FUNCTION "interviews_update_search_document"();
