/**
 * An interviewer's opt-out from being recorded (Interviewer.recordingOptOut), applied to the
 * interviews already booked with them: new bookings read the flag as they are processed
 * (lib/interviews/process-booking.ts); this catches the upcoming ones booked before. Call it in the
 * transaction that saves the opt-out, so the decision and the Notetaker's cancellation are never
 * lost between the two.
 */
import "server-only";
import type { Tx } from "@/lib/jobs";
import { lockInterview } from "@/lib/interviews/lock";
import { enqueueNotetakerCancel } from "./consent-jobs";

/**
 * Marks the interviewer's upcoming, still-recorded interviews "Not recorded: the interviewer
 * opted out" and queues the cancellation of each one's Notetaker. Returns how many it changed.
 * Opting back in changes no booked interview: their Notetakers are cancelled already.
 */
export async function applyInterviewerOptOut(tx: Tx, interviewerId: string, now = new Date()): Promise<number> {
  const upcoming = await tx.interview.findMany({
    where: { interviewerId, status: { in: ["SCHEDULED", "RESCHEDULED"] }, startsAt: { gt: now }, notRecordedReason: null },
    select: { id: true },
    orderBy: { id: "asc" },
  });
  let changed = 0;
  for (const { id } of upcoming) {
    // Under the interview's lock, as every writer of an interview: re-read, then decide.
    await lockInterview(tx, id);
    const interview = await tx.interview.findUnique({ where: { id }, select: { notRecordedReason: true, status: true, notetakerId: true, notetakerGrantId: true, notetakerState: true } });
    if (!interview || interview.notRecordedReason !== null || interview.status === "CANCELLED") continue;
    await tx.interview.update({ where: { id }, data: { notRecordedReason: "interviewer_opted_out" } });
    if (interview.notetakerId && interview.notetakerState !== "deleted") await enqueueNotetakerCancel(tx, { notetakerId: interview.notetakerId, grantId: interview.notetakerGrantId });
    changed++;
  }
  return changed;
}
