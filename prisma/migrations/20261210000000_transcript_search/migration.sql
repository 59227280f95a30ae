-- Ranked full-text search over whole transcripts (issue 18): one search document per interview
-- holds its transcript's lines joined ("Speaker: text", one per line) and, generated from them,
-- their tsvector under a GIN index. Searching, ranking and highlighting read this table only; it is
-- written in the same transaction as the transcript's lines (lib/media/parsed-content.ts) and
-- removed with them (purge, erasure, cascades from the interview and the transcript file).

-- CreateTable
CREATE TABLE "interview_search_documents" (
    "interview_id" UUID NOT NULL,
    "asset_id" UUID NOT NULL,
    "content" TEXT NOT NULL,
    "line_count" INTEGER NOT NULL,
    "document" tsvector GENERATED ALWAYS AS (to_tsvector('english'::regconfig, "content")) STORED,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "interview_search_documents_pkey" PRIMARY KEY ("interview_id")
);

-- CreateIndex
CREATE INDEX "interview_search_documents_asset_id_idx" ON "interview_search_documents"("asset_id");

-- CreateIndex
CREATE INDEX "interview_search_documents_document_idx" ON "interview_search_documents" USING GIN ("document");

-- AddForeignKey
ALTER TABLE "interview_search_documents" ADD CONSTRAINT "interview_search_documents_interview_id_fkey" FOREIGN KEY ("interview_id") REFERENCES "interviews"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "interview_search_documents" ADD CONSTRAINT "interview_search_documents_asset_id_fkey" FOREIGN KEY ("asset_id") REFERENCES "media_assets"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Keep the heap narrow: the text and its tsvector move to the TOAST table as soon as a row passes
-- 128 bytes (instead of about 2 KB), so counting and joining matches reads ids, not transcripts; only
-- ranking (a bounded set) and the shown page's snippets read the values. Set before the backfill:
-- it applies to rows as they are written.
ALTER TABLE "interview_search_documents" SET (toast_tuple_target = 128);

-- Backfill from the transcript lines stored so far. The text is cut at 250,000 characters (at most
-- 1,000,000 bytes of UTF-8: a tsvector's lexemes must stay under 1 MB; the app cuts at 900,000
-- bytes, lib/interviews/search-document.ts).
INSERT INTO "interview_search_documents" ("interview_id", "asset_id", "content", "line_count")
SELECT "interview_id",
       (array_agg("asset_id" ORDER BY "position"))[1],
       left(string_agg(coalesce("speaker" || ': ', '') || "text", E'\n' ORDER BY "position"), 250000),
       count(*)::int
  FROM "transcript_segments"
 GROUP BY "interview_id";

-- Search reads the documents now; the per-line index is no longer used.
DROP INDEX "transcript_segments_search_idx";

-- The dashboard's role filter goes through applications.role_id.
-- CreateIndex
CREATE INDEX "applications_role_id_idx" ON "applications"("role_id");
