import "server-only";
import type { BookingParticipant } from "@/lib/interviews/booking-reducer";
import { getNylas } from "./client";

/**
 * Participants of a booking, looked up through Nylas when a webhook's payload has none: the
 * booking names its organizer (the host), whose calendar holds the event and its participants.
 */
export async function lookupBookingParticipants(input: { bookingId: string; configurationId: string | null; eventId: string | null; calendarId: string | null }): Promise<BookingParticipant[]> {
  const nylas = getNylas();
  const booking = await nylas.scheduler.bookings.find({
    bookingId: input.bookingId,
    queryParams: input.configurationId ? { configurationId: input.configurationId } : {},
  });
  const organizer = booking.data.organizer;
  const eventId = input.eventId ?? booking.data.eventId;
  if (!organizer?.email || !eventId) throw new Error("The booking has no organizer or event to look up.");
  const event = await nylas.events.find({
    identifier: organizer.email,
    eventId,
    queryParams: { calendarId: input.calendarId ?? "primary" },
  });
  return (event.data.participants ?? []).flatMap((p) => (typeof p.email === "string" ? [{ email: p.email, name: p.name ?? null }] : []));
}
