/**
 * What follows a booking's processing, outside its transaction because it talks to Nylas: the
 * interviewer's weekly load cap across every panel (lib/load/caps), for each week the booking has
 * touched (a reschedule can leave one and enter another). Why the interview went to whom is the
 * "assignments" worker's (lib/assignment/worker.ts), woken here.
 */
import "server-only";
import { db } from "@/lib/db";
import { reconcileLoadCaps } from "@/lib/load/caps";
import { wakeWorker } from "@/lib/worker-wake";
import type { BookingState } from "./booking-reducer";

export async function afterBookingProcessed(state: BookingState): Promise<void> {
  const interview = await db.interview.findUnique({ where: { bookingId: state.bookingId }, select: { id: true, interviewerId: true } });
  if (!interview) return;
  wakeWorker("assignments");
  if (interview.interviewerId) {
    const starts = [...new Set(state.history.flatMap((h) => (h.startsAt === null ? [] : [h.startsAt])))].map((s) => new Date(s * 1000));
    // A Nylas failure here is not the booking's: the load-caps worker's tick re-checks every capped
    // interviewer's weeks, so the notification is not retried (nor dead-lettered) for it.
    if (starts.length > 0) {
      await reconcileLoadCaps(interview.interviewerId, { weeksOf: starts }).catch((error: unknown) => {
        console.error(`[load-caps] interviewer ${interview.interviewerId}: ${error instanceof Error ? error.message : String(error)} (the worker retries)`);
      });
    }
  }
}
