/** Pure: Nylas's booking object and booking.* webhook `data.object` shapes (nylas-contract §3, §4.5). */
import type { EffectiveConfiguration } from "./configuration-rules";

export type BookingView = {
  id: string;
  configurationId: string;
  eventId: string;
  calendarId: string;
  hostEmail: string;
  hostName: string;
  startTime: Date;
  endTime: Date;
  status: string;
  guestName: string;
  guestEmail: string;
  guestTimezone: string | null;
  emailLanguage: string | null;
  additionalFields: Record<string, unknown> | null;
  title: string;
  description: string | null;
  location: string | null;
  icalUid: string;
  bookingRef: string;
  cancellationReason: string | null;
  notetakerId: string | null;
};

const seconds = (d: Date) => Math.floor(d.getTime() / 1000);

/** The Booking object returned by the bookings endpoints. */
export function serializeBooking(b: BookingView) {
  return {
    booking_id: b.id,
    event_id: b.eventId,
    title: b.title,
    description: b.description ?? "",
    organizer: { name: b.hostName, email: b.hostEmail },
    status: b.status === "cancelled" ? "cancelled" : "booked",
    booking_ref: b.bookingRef,
  };
}

export type BookingTrigger = "booking.created" | "booking.rescheduled" | "booking.cancelled";

export function buildBookingNotificationObject(trigger: BookingTrigger, b: BookingView, config: EffectiveConfiguration, extra: { oldStart?: Date; oldEnd?: Date } = {}) {
  const info: Record<string, unknown> = {
    event_id: b.eventId,
    start_time: seconds(b.startTime),
    end_time: seconds(b.endTime),
    participants: [
      { email: b.hostEmail, name: b.hostName },
      { email: b.guestEmail, name: b.guestName },
    ],
    additional_fields: b.additionalFields,
    hide_cancellation_options: false,
    hide_rescheduling_options: false,
    host_language: "en",
    guest_language: b.emailLanguage ?? "en",
    title: b.title,
    duration: config.durationMinutes,
    location: b.location ?? "",
    organizer_timezone: config.timezone,
    guest_timezone: b.guestTimezone ?? config.timezone,
    is_group_event: false,
    organizer_calendar_id: b.calendarId,
    event_description: b.description ?? "",
    event_html_link: "",
    ical_uid: b.icalUid,
    ...(b.notetakerId ? { notetaker_id: b.notetakerId } : {}),
  };
  if (trigger === "booking.rescheduled" && extra.oldStart && extra.oldEnd) {
    info.old_start_time = seconds(extra.oldStart);
    info.old_end_time = seconds(extra.oldEnd);
  }
  if (trigger === "booking.cancelled") info.cancellation_reason = b.cancellationReason ?? "";
  return {
    booking_id: b.id,
    // booking.cancelled carries no booking_ref (nylas-contract §4.5)
    ...(trigger === "booking.cancelled" ? {} : { booking_ref: b.bookingRef }),
    configuration_id: b.configurationId,
    object: "booking",
    booking_info: info,
  };
}
