import "server-only";
import { db } from "@/lib/db";
import { loadConfigurationForScheduler } from "./configurations";
import { unauthorized } from "./errors";
import { UUID_RE } from "./grants";
import { data, type SandboxResult } from "./http";
import { encodeBookingRef } from "./ids";
import type { SandboxContext } from "./router";

const seconds = (d: Date) => Math.floor(d.getTime() / 1000);

/**
 * The booking form's extra fields, as stored (label, type, required, `options` for a radio_button or
 * dropdown, …), in their `order`: `<NylasScheduling>` renders them in the order of the keys, and the
 * database does not keep that order.
 */
function orderedAdditionalFields(value: unknown): Record<string, unknown> {
  if (!value || typeof value !== "object" || Array.isArray(value)) return {};
  const orderOf = (field: unknown) => {
    const order = field && typeof field === "object" ? (field as { order?: unknown }).order : undefined;
    return typeof order === "number" ? order : Number.MAX_SAFE_INTEGER;
  };
  return Object.fromEntries(Object.entries(value as Record<string, unknown>).sort(([, a], [, b]) => orderOf(a) - orderOf(b)));
}

// GET /v3/scheduling/ui-settings?configuration_id=…[&booking_id=…] — what <NylasScheduling> loads
// first (undocumented by Nylas; shape from nylas-contract §2.5 R1).
export async function getUiSettings(ctx: SandboxContext): Promise<SandboxResult> {
  const { effective, raw, owner } = await loadConfigurationForScheduler(ctx.query);
  if (raw.requires_session_auth && !ctx.hasApiKey) throw unauthorized("This configuration requires a scheduling session.");
  const scheduler = (raw.scheduler ?? {}) as Record<string, unknown>;
  const notetaker = (scheduler.notetaker_settings ?? {}) as Record<string, unknown>;
  const organizer = effective.participants.find((p) => p.isHost) ?? { name: owner.name, email: owner.email };

  let booking: Record<string, unknown> | undefined;
  const bookingId = ctx.query.get("booking_id");
  if (bookingId && UUID_RE.test(bookingId)) {
    const row = await db.sandboxBooking.findFirst({ where: { id: bookingId, configurationId: effective.id } });
    if (row) {
      const event = await db.sandboxEvent.findUnique({ where: { id: row.eventId } });
      booking = {
        guest: { name: row.guestName, email: row.guestEmail },
        additional_guests: row.additionalGuests ?? [],
        additional_fields: row.additionalFields ?? {},
        booking_ref: encodeBookingRef(row.configurationId, row.id, row.salt),
        booking_ref_salt: row.salt,
        timezone: row.guestTimezone ?? effective.timezone,
        email_language: row.emailLanguage ?? "en",
        event_data: {
          location: event?.location ?? "",
          when: {
            object: "timespan",
            start_time: seconds(row.startTime),
            end_time: seconds(row.endTime),
            start_timezone: event?.timezone ?? effective.timezone,
            end_timezone: event?.timezone ?? effective.timezone,
          },
        },
        event_organizer: { name: organizer.name, email: row.hostEmail, is_organizer: true },
      };
    }
  }

  return data({
    configuration_id: effective.id,
    app_client_id: "sandbox",
    name: effective.name,
    slug: raw.slug ?? null,
    organizer: { name: organizer.name, email: organizer.email },
    booking_type: effective.bookingType,
    appearance: raw.appearance ?? {},
    scheduler: {
      available_days_in_future: effective.availableDaysInFuture,
      min_booking_notice: effective.minBookingNoticeMinutes,
      min_cancellation_notice: (scheduler.min_cancellation_notice as number | undefined) ?? 0,
      cancellation_policy: (scheduler.cancellation_policy as string | undefined) ?? "",
      hide_cancellation_options: Boolean(scheduler.hide_cancellation_options),
      hide_rescheduling_options: Boolean(scheduler.hide_rescheduling_options),
      hide_additional_guests: Boolean(scheduler.hide_additional_guests),
      additional_fields: orderedAdditionalFields(scheduler.additional_fields),
      ...(scheduler.confirmation_redirect_url ? { confirmation_redirect_url: scheduler.confirmation_redirect_url } : {}),
      notetaker_settings: { enabled: Boolean(notetaker.enabled), show_ui_consent_message: notetaker.show_ui_consent_message !== false },
    },
    ...(booking ? { booking } : {}),
  });
}
