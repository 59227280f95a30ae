/**
 * "feedback.reminders": every minute, queue the feedback reminders that have come due
 * (lib/feedback/reminders.ts). Periodic kinds run once per period across every instance.
 */
import "server-only";
import { defineJobKind } from "@/lib/jobs";
import { queueDueReminders } from "./reminders";

export const feedbackRemindersJob = defineJobKind<{ scheduledFor?: string }>({
  name: "feedback.reminders",
  title: "Queue feedback reminders to interviewers",
  concurrency: 1,
  retry: "maintenance",
  schedule: "0 * * * * *",
  run: async (_payload, ctx) => {
    await queueDueReminders(ctx.now);
  },
});
