/**
 * Pure: which record a notification updates. Booking notifications are reduced per booking and
 * Notetaker notifications per notetaker (each run reads all of that record's stored
 * notifications), so one "webhooks.process" job per subject does the work of all the subject's
 * notifications that are waiting; one that names neither is a subject of its own (and fails).
 */
import { isBookingEventType } from "@/lib/interviews/booking-reducer";
import { isNotetakerEventType } from "@/lib/notetaker/notetaker-reducer";

export type TWebhookSubject = { subject: "booking" | "notetaker" | "event"; id: string };

export function webhookSubjectOf(notification: { type: string; bookingId: string | null; notetakerId: string | null; rowId: string }): TWebhookSubject {
  if (isBookingEventType(notification.type) && notification.bookingId) return { subject: "booking", id: notification.bookingId };
  if (isNotetakerEventType(notification.type) && notification.notetakerId) return { subject: "notetaker", id: notification.notetakerId };
  return { subject: "event", id: notification.rowId };
}

/** The job's serialisation and de-duplication key: one subject's work runs once at a time, and queues once. */
export function webhookSubjectKey(subject: TWebhookSubject): string {
  return `${subject.subject}:${subject.id}`;
}
