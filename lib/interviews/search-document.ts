/**
 * An interview's search document (table interview_search_documents, issue 18): its transcript's
 * lines joined with "\n", each "Speaker: text" (just the text without a speaker), in order — the
 * same text the migration's backfill built from stored lines. Postgres generates its tsvector
 * (`document`, GIN-indexed) from `content`; the ranked search (./search.ts) reads only this table.
 * Written in the transaction that writes the lines (lib/media/parsed-content.ts), deleted with them
 * (lib/privacy/purge.ts, lib/privacy/erasure.ts, and the cascades from the interview and the file).
 * The row also holds copies of its interview's dates, status, interviewer and application, which
 * the search filters and orders by: a database trigger fills them from the interview on insert
 * (for an upsert, on the row it proposes: the update below takes them from EXCLUDED), and another
 * passes every change of the interview on (migration 20261211000000_search_document_filters), so
 * no writer computes them.
 */
import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { stripSnippetMarkers } from "./snippet";

/**
 * Longest content kept, in UTF-8 bytes (about 20 hours of talk; a real hour is ~40 KB): a
 * tsvector's lexemes must stay under 1 MB (PostgreSQL refuses the row otherwise, which would roll
 * back the transcript's save), and they never take more bytes than the text they come from. Cut on
 * a character boundary; lines past it are not searchable.
 */
export const MAX_SEARCH_DOCUMENT_BYTES = 900_000;

export type SearchDocumentLine = { speaker: string | null; text: string };

/** Pure: the document's text (snippet markers replaced by spaces, cut at MAX_SEARCH_DOCUMENT_BYTES of UTF-8). */
export function toSearchDocumentContent(lines: readonly SearchDocumentLine[]): string {
  const content = lines.map((line) => stripSnippetMarkers(line.speaker !== null ? `${line.speaker}: ${line.text}` : line.text)).join("\n");
  if (content.length * 3 <= MAX_SEARCH_DOCUMENT_BYTES) return content; // at most 3 bytes per UTF-16 unit
  const { read } = new TextEncoder().encodeInto(content, new Uint8Array(MAX_SEARCH_DOCUMENT_BYTES));
  return content.slice(0, read);
}

/** Writes (or replaces) the interview's search document from its transcript's lines, in the caller's transaction; no lines, no document. */
export async function writeSearchDocument(tx: Prisma.TransactionClient, interviewId: string, assetId: string, lines: readonly SearchDocumentLine[]): Promise<void> {
  if (lines.length === 0) {
    await tx.interviewSearchDocument.deleteMany({ where: { interviewId } });
    return;
  }
  const content = toSearchDocumentContent(lines);
  await tx.$executeRaw`
    INSERT INTO interview_search_documents (interview_id, asset_id, content, line_count, updated_at)
    VALUES (${interviewId}::uuid, ${assetId}::uuid, ${content}, ${lines.length}, now())
    ON CONFLICT (interview_id) DO UPDATE SET asset_id = EXCLUDED.asset_id, content = EXCLUDED.content, line_count = EXCLUDED.line_count, updated_at = EXCLUDED.updated_at,
      starts_at = EXCLUDED.starts_at, ends_at = EXCLUDED.ends_at, status = EXCLUDED.status,
      interviewer_id = EXCLUDED.interviewer_id, interviewer_email = EXCLUDED.interviewer_email, application_id = EXCLUDED.application_id,
      application_role_id = EXCLUDED.application_role_id, application_stage = EXCLUDED.application_stage`;
}
