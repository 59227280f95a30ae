/**
 * What follows a booking's processing, outside its transaction because it talks to Nylas: why the
 * interview went to whom (lib/assignment), and the interviewer's weekly load cap across every panel
 * (lib/load/caps), for each week the booking has touched (a reschedule can leave one and enter another).
 */
import "server-only";
import { recordAssignment } from "@/lib/assignment/record";
import { db } from "@/lib/db";
import { reconcileLoadCaps } from "@/lib/load/caps";
import type { BookingState } from "./booking-reducer";

export async function afterBookingProcessed(state: BookingState): Promise<void> {
  const interview = await db.interview.findUnique({ where: { bookingId: state.bookingId }, select: { id: true, interviewerId: true } });
  if (!interview) return;
  try {
    await recordAssignment(interview.id);
  } catch (error) {
    // An explanation is not worth retrying the booking for.
    console.error(`[assignment] could not record for interview ${interview.id}:`, error instanceof Error ? error.message : error);
  }
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
