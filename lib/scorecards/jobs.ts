/**
 * "interviews.analyse": maps an interview to its scorecard and measures its talk time
 * (./analyse.ts) once its transcript, summary or action items are stored. Enqueued by
 * saveParsedContent (lib/media/parsed-content.ts), in the transaction that stores them, so a
 * Notetaker download, an upload, and a transcript replaced by an upload all run it. One job per
 * interview: several files stored before it runs make one run (de-duplication merges queued jobs),
 * and runs of one interview never overlap (a file stored while it runs queues the next).
 */
import "server-only";
import { defineJobKind, enqueue, type Tx } from "@/lib/jobs";
import { analyseInterview, saveInterviewAnalysis } from "./analyse";

export type TInterviewAnalysisJob = { interviewId: string };

export const interviewAnalysisJob = defineJobKind<TInterviewAnalysisJob>({
  name: "interviews.analyse",
  title: "Map interviews to the scorecard",
  concurrency: 1,
  retry: "standard",
  serialKey: (p) => p.interviewId,
  dedupKey: (p) => p.interviewId,
  run: async ({ interviewId }, ctx) => {
    const analysis = await analyseInterview(interviewId);
    if (!analysis) return;
    return (tx) => saveInterviewAnalysis(tx, analysis, ctx.now);
  },
});

/** Queues the interview's analysis, in the caller's transaction (it runs once that commits). */
export async function requestInterviewAnalysis(tx: Tx, interviewId: string): Promise<void> {
  await enqueue(tx, interviewAnalysisJob, { interviewId });
}
