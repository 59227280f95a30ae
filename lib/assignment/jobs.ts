/**
 * "Why this interviewer" (lib/assignment/record.ts) as background work, off the booking's
 * processing path because it asks Nylas for free/busy: a slow or failing Nylas delays an
 * explanation, never a booking. One at a time per process on purpose: an explanation matters less
 * than the bookings and deliveries the same processes serve, so in a burst it falls behind rather
 * than taking their CPU. Several changes to one booking before it runs make one job; a change
 * while it runs makes another (de-duplication only merges queued jobs).
 */
import "server-only";
import { defineJobKind } from "@/lib/jobs";
import { saveAssignment, workOutAssignment } from "./record";

export type TAssignmentJob = { interviewId: string };

export const assignmentJob = defineJobKind<TAssignmentJob>({
  name: "assignments.explain",
  title: "Work out why each interview went to its interviewer",
  concurrency: 1,
  retry: "steady",
  serialKey: (p) => p.interviewId,
  dedupKey: (p) => p.interviewId,
  run: async ({ interviewId }, ctx) => {
    const result = await workOutAssignment(interviewId, ctx.now);
    if (!result?.isNew) return;
    return (tx) => saveAssignment(tx, interviewId, result.record);
  },
});
