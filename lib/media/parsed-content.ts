import "server-only";
import type { MediaKind, Prisma } from "@/lib/generated/prisma/client";
import { writeSearchDocument } from "@/lib/interviews/search-document";
import { requestInterviewAnalysis } from "@/lib/scorecards/jobs";
import { parseActionItemsFile, parseSummaryFile } from "./summary";
import { parseTranscript, type ParsedSegment } from "./transcript";

/**
 * What a stored text file means for the debrief: transcript lines, the summary, the action items.
 * Parsing is separate from saving so that an upload can refuse a bad file before writing anything,
 * and a download can record a readable error on the asset instead.
 */
export type ParsedContent = { kind: "TRANSCRIPT"; segments: ParsedSegment[] } | { kind: "SUMMARY"; text: string } | { kind: "ACTION_ITEMS"; items: string[] };

export const TEXT_KINDS: readonly MediaKind[] = ["TRANSCRIPT", "SUMMARY", "ACTION_ITEMS"];

/** Largest text file read back for parsing (a 10-hour transcript is a few MB). */
export const MAX_TEXT_FILE_BYTES = 25 * 1024 * 1024;

export function parseTextFile(
  kind: MediaKind,
  text: string,
  hint: { fileName?: string | null; contentType?: string | null } = {},
): { ok: true; content: ParsedContent } | { ok: false; error: string } {
  if (kind === "TRANSCRIPT") {
    const parsed = parseTranscript(text, hint);
    return parsed.ok ? { ok: true, content: { kind, segments: parsed.value.segments } } : { ok: false, error: parsed.error };
  }
  if (kind === "SUMMARY") {
    const parsed = parseSummaryFile(text);
    return parsed.ok ? { ok: true, content: { kind, text: parsed.value } } : { ok: false, error: parsed.error };
  }
  if (kind === "ACTION_ITEMS") {
    const parsed = parseActionItemsFile(text);
    return parsed.ok ? { ok: true, content: { kind, items: parsed.value } } : { ok: false, error: parsed.error };
  }
  return { ok: false, error: `A ${kind.toLowerCase()} file is not text.` };
}

const SEGMENT_BATCH = 1_000;

/**
 * Writes parsed content onto the interview (inside the caller's transaction). A newer transcript
 * replaces the lines and the interview's search document (lib/interviews/search-document.ts, built
 * from the lines in memory, not read back); action items keep their checkmarks where the same item comes back. Every
 * save (a Notetaker download's, an upload's, a replacement's) queues the interview's scorecard
 * evidence and talk time (lib/scorecards/jobs.ts) in the same transaction.
 */
export async function saveParsedContent(tx: Prisma.TransactionClient, interviewId: string, assetId: string, content: ParsedContent, now: Date): Promise<void> {
  await writeParsedContent(tx, interviewId, assetId, content, now);
  await requestInterviewAnalysis(tx, interviewId);
}

async function writeParsedContent(tx: Prisma.TransactionClient, interviewId: string, assetId: string, content: ParsedContent, now: Date): Promise<void> {
  if (content.kind === "TRANSCRIPT") {
    await tx.transcriptSegment.deleteMany({ where: { interviewId } });
    for (let i = 0; i < content.segments.length; i += SEGMENT_BATCH) {
      await tx.transcriptSegment.createMany({
        data: content.segments.slice(i, i + SEGMENT_BATCH).map((s, j) => ({
          interviewId,
          assetId,
          position: i + j,
          speaker: s.speaker,
          startMs: s.startMs === null ? null : Math.round(s.startMs),
          endMs: s.endMs === null ? null : Math.round(s.endMs),
          text: s.text,
        })),
      });
    }
    await writeSearchDocument(tx, interviewId, assetId, content.segments);
    return;
  }
  if (content.kind === "SUMMARY") {
    await tx.interview.update({ where: { id: interviewId }, data: { summaryText: content.text, updatedAt: now } });
    return;
  }
  const previous = await tx.actionItem.findMany({ where: { interviewId }, select: { text: true, isDone: true, doneAt: true, doneById: true } });
  const doneByText = new Map(previous.filter((p) => p.isDone).map((p) => [p.text.toLowerCase(), p]));
  await tx.actionItem.deleteMany({ where: { interviewId } });
  await tx.actionItem.createMany({
    data: content.items.map((text, position) => {
      const done = doneByText.get(text.toLowerCase());
      return { interviewId, position, text, ...(done ? { isDone: true, doneAt: done.doneAt, doneById: done.doneById } : {}) };
    }),
  });
}
