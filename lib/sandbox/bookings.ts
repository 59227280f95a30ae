import "server-only";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import type { Prisma } from "@/lib/generated/prisma/client";
import { chooseHost } from "@/lib/scheduling";
import { buildEngineInput } from "./availability";
import { buildBookingNotificationObject, serializeBooking, type BookingTrigger, type BookingView } from "./booking-payloads";
import { loadConfigurationForScheduler } from "./configurations";
import { describeMissingAdditionalField, renderTitle, type EffectiveConfiguration } from "./configuration-rules";
import { invalidRequest, notFound, SandboxApiError, timeslotUnavailable, unauthorized } from "./errors";
import { findValidGrantByEmail, resolveCalendarId, UUID_RE } from "./grants";
import { data, empty, type SandboxResult } from "./http";
import { encodeBookingRef, newEventId, newMeetingCode, newSalt } from "./ids";
import type { SandboxContext } from "./router";
import { describeIssues, ZBookingCancel, ZBookingConfirm, ZBookingCreate, ZBookingReschedule, type TConfiguration } from "./schemas";
import { cancelNotetakerForBooking, createNotetakerForBooking, rescheduleNotetaker } from "./notetakers";
import { enqueueNotification } from "./webhooks";

type BookingRow = Prisma.SandboxBookingGetPayload<object>;
type EventRow = Prisma.SandboxEventGetPayload<object>;

// Interactive transactions wait for a pooled connection under load (e.g. 50 simultaneous
// bookings of one slot); the defaults (2 s / 5 s) would turn a clean conflict into a timeout.
const TX_OPTIONS = { maxWait: 15_000, timeout: 15_000 } as const;

/** True when Postgres refused the write because of the no-double-booking exclusion constraint. */
function isDoubleBookingError(error: unknown): boolean {
  const seen = new Set<unknown>();
  const visit = (value: unknown): boolean => {
    if (!value || typeof value !== "object" || seen.has(value)) return false;
    seen.add(value);
    const record = value as Record<string, unknown>;
    if (record.code === "23P01" || record.originalCode === "23P01") return true;
    if (typeof record.message === "string" && record.message.includes("sandbox_bookings_no_overlap")) return true;
    return visit(record.cause) || visit(record.meta) || visit(record.driverAdapterError);
  };
  return visit(error);
}

function toView(b: BookingRow, e: EventRow | null, hostName: string): BookingView {
  return {
    id: b.id,
    configurationId: b.configurationId,
    eventId: b.eventId,
    calendarId: b.calendarId,
    hostEmail: b.hostEmail,
    hostName,
    startTime: b.startTime,
    endTime: b.endTime,
    status: b.status,
    guestName: b.guestName,
    guestEmail: b.guestEmail,
    guestTimezone: b.guestTimezone,
    emailLanguage: b.emailLanguage,
    additionalFields: (b.additionalFields as Record<string, unknown> | null) ?? null,
    title: e?.title ?? "",
    description: e?.description ?? null,
    location: e?.location ?? null,
    icalUid: e?.icalUid ?? b.eventId,
    bookingRef: encodeBookingRef(b.configurationId, b.id, b.salt),
    cancellationReason: b.cancellationReason,
    notetakerId: b.notetakerId,
  };
}

function hostNameOf(config: EffectiveConfiguration, email: string): string {
  return config.participants.find((p) => p.email === email)?.name ?? email;
}

/** Sandbox conferencing: a link to the sandbox's own meeting page, clearly not a real call. */
function buildConferencing(config: TConfiguration) {
  const conferencing = config.event_booking.conferencing;
  if (!conferencing) return null;
  if (conferencing.details?.url) return { provider: conferencing.provider, details: { url: conferencing.details.url } };
  const code = newMeetingCode(conferencing.provider);
  const providerSlug = conferencing.provider.toLowerCase().replace(/[^a-z0-9]+/g, "-");
  const url = `${getEnv().appOrigin}/v3/sandbox/meet/${providerSlug}/${code}`;
  return { provider: conferencing.provider, details: { url, meeting_code: code } };
}

function parseOrThrow<T>(schema: { safeParse: (v: unknown) => { success: true; data: T } | { success: false; error: import("zod").ZodError } }, value: unknown, what: string): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw invalidRequest(`Invalid ${what}: ${describeIssues(parsed.error)}`);
  return parsed.data;
}

async function emitBookingNotification(tx: Prisma.TransactionClient, trigger: BookingTrigger, view: BookingView, config: EffectiveConfiguration, now: Date, extra?: { oldStart: Date; oldEnd: Date }) {
  await enqueueNotification(tx, {
    type: trigger,
    source: "/nylas/passthru",
    grantId: config.grantId,
    object: buildBookingNotificationObject(trigger, view, config, extra),
    now,
  });
}

// POST /v3/scheduling/bookings?configuration_id=…
export async function createBooking(ctx: SandboxContext): Promise<SandboxResult> {
  const { effective, raw } = await loadConfigurationForScheduler(ctx.query);
  if (raw.requires_session_auth && !ctx.hasApiKey) throw unauthorized("This configuration requires a scheduling session.");
  const body = parseOrThrow(ZBookingCreate, ctx.body, "booking");
  const missingField = describeMissingAdditionalField(raw, body.additional_fields);
  if (missingField) throw invalidRequest(`Invalid booking: ${missingField}`);
  const slot = { start: body.start_time * 1000, end: body.end_time * 1000 };
  if (slot.end - slot.start !== effective.durationMinutes * 60_000) {
    throw invalidRequest(`end_time - start_time must be ${effective.durationMinutes} minutes for this configuration.`);
  }
  const requested = body.participants?.[0]?.email.trim().toLowerCase();

  const bookingId = randomUUID();
  const eventId = newEventId();
  const salt = newSalt();
  const conferencing = buildConferencing(raw);
  const title = renderTitle(effective.titleTemplate, { inviteeName: body.guest.name, inviteeEmail: body.guest.email, durationMinutes: effective.durationMinutes });
  const start = new Date(slot.start);
  const end = new Date(slot.end);
  const guestEmail = body.guest.email.trim();
  try {
    const view = await db.$transaction(async (tx) => {
      // 1. One decision at a time per configuration: the round-robin ranking is read after the
      //    previous booking committed, so concurrent bookings still rotate in ranking order
      //    (issue 8: 200 concurrent bookings keep the fairness order). Released at commit.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`sandbox-booking:${effective.id}`}, 0))`;

      // 2. Re-check the slot and pick the host with the round-robin rules (a decision record is kept).
      const input = await buildEngineInput(effective, slot, ctx.now, {}, tx);
      const choice = chooseHost(input, slot, requested);
      if (!choice.ok) {
        if (choice.reason === "unknown_participant") throw invalidRequest(`${requested} is not a participant of this configuration.`);
        throw timeslotUnavailable();
      }
      const host = effective.participants.find((p) => p.email === choice.email)!;
      const hostGrant = await findValidGrantByEmail(host.email, tx);
      if (!hostGrant) throw timeslotUnavailable();
      const calendarId = await resolveCalendarId(hostGrant.id, host.bookingCalendarId ?? "primary", tx);

      // 3. Write the event, the booking and its webhook together; the exclusion constraint still
      //    guards the interviewer's time against bookings of other configurations.
      const event = await tx.sandboxEvent.create({
        data: {
          id: eventId,
          calendarId,
          grantId: hostGrant.id,
          title,
          description: effective.description || null,
          location: conferencing?.details.url ?? null,
          startTime: start,
          endTime: end,
          timezone: host.timezone,
          participants: [
            { email: host.email, name: host.name, status: "yes" },
            { email: guestEmail, name: body.guest.name, status: "noreply" },
            ...(body.additional_guests ?? []).map((g) => ({ email: g.email, name: g.name ?? g.email, status: "noreply" })),
          ],
          organizer: { email: host.email, name: host.name },
          conferencing: conferencing ?? undefined,
          metadata: {
            source: "scheduler",
            key5: effective.id,
            scheduler_last_start: String(body.start_time),
            scheduler_last_end: String(body.end_time),
            scheduler_updated_at: String(Math.floor(ctx.now.getTime() / 1000)),
          },
          icalUid: `${eventId}@sandbox.nylas`,
        },
      });
      // Scheduler's Notetaker integration: a bot for the event when the configuration asks for one.
      const notetaker = await createNotetakerForBooking(
        tx,
        {
          configurationName: effective.name,
          notetakerSettings: (raw.scheduler as Record<string, unknown> | undefined)?.notetaker_settings,
          conferencing: conferencing ? { provider: conferencing.provider, url: conferencing.details.url } : null,
          hostGrantId: hostGrant.id,
          hostName: host.name,
          guestName: body.guest.name,
          otherParticipantNames: effective.participants.filter((p) => p.isHost && p.email !== host.email).map((p) => p.name),
          bookingId,
          eventId,
          calendarId,
          icalUid: event.icalUid,
          start,
          end,
        },
        ctx.now,
      );
      if (notetaker) await tx.sandboxEvent.update({ where: { id: eventId }, data: { notetaker: notetaker as Prisma.InputJsonValue } });
      const booking = await tx.sandboxBooking.create({
        data: {
          id: bookingId,
          configurationId: effective.id,
          hostEmail: host.email,
          hostGrantId: hostGrant.id,
          eventId,
          calendarId,
          startTime: start,
          endTime: end,
          blockStart: new Date(slot.start - effective.buffer.before * 60_000),
          blockEnd: new Date(slot.end + effective.buffer.after * 60_000),
          guestName: body.guest.name,
          guestEmail,
          guestTimezone: body.timezone ?? null,
          emailLanguage: body.email_language ?? null,
          additionalFields: (body.additional_fields ?? undefined) as Prisma.InputJsonValue | undefined,
          additionalGuests: (body.additional_guests ?? undefined) as Prisma.InputJsonValue | undefined,
          salt,
          decision: choice.decision as unknown as Prisma.InputJsonValue,
          notetakerId: notetaker?.id ?? null,
        },
      });
      const bookingView = toView(booking, event, host.name);
      await emitBookingNotification(tx, "booking.created", bookingView, effective, ctx.now);
      return bookingView;
    }, TX_OPTIONS);
    return data(serializeBooking(view));
  } catch (error) {
    if (isDoubleBookingError(error)) throw timeslotUnavailable();
    throw error;
  }
}

async function loadBooking(ctx: SandboxContext): Promise<{ booking: BookingRow; event: EventRow | null; config: EffectiveConfiguration; raw: TConfiguration }> {
  const id = ctx.params.id!;
  const booking = UUID_RE.test(id) ? await db.sandboxBooking.findUnique({ where: { id } }) : null;
  if (!booking) throw notFound(`Booking not found: ${id}`);
  const query = new URLSearchParams(ctx.query);
  const requestedConfig = query.get("configuration_id");
  if (requestedConfig && requestedConfig !== booking.configurationId) throw notFound(`Booking not found: ${id}`);
  if (!requestedConfig && !query.get("slug")) query.set("configuration_id", booking.configurationId);
  const { effective, raw } = await loadConfigurationForScheduler(query);
  if (effective.id !== booking.configurationId) throw notFound(`Booking not found: ${id}`);
  if (raw.requires_session_auth && !ctx.hasApiKey) throw unauthorized("This configuration requires a scheduling session.");
  const event = await db.sandboxEvent.findUnique({ where: { id: booking.eventId } });
  return { booking, event, config: effective, raw };
}

// GET /v3/scheduling/bookings/{booking_id}
export async function findBooking(ctx: SandboxContext): Promise<SandboxResult> {
  const { booking, event, config } = await loadBooking(ctx);
  return data(serializeBooking(toView(booking, event, hostNameOf(config, booking.hostEmail))));
}

async function cancel(ctx: SandboxContext, reason: string): Promise<void> {
  const { booking, event, config } = await loadBooking(ctx);
  if (booking.status === "cancelled") throw invalidRequest("This booking has already been cancelled.");
  await db.$transaction(async (tx) => {
    // Guarded update: of two concurrent cancels only one emits booking.cancelled.
    const { count } = await tx.sandboxBooking.updateMany({
      where: { id: booking.id, status: { not: "cancelled" } },
      data: { status: "cancelled", cancellationReason: reason, cancelledAt: ctx.now },
    });
    if (count === 0) throw invalidRequest("This booking has already been cancelled.");
    if (event) await tx.sandboxEvent.update({ where: { id: event.id }, data: { status: "cancelled" } });
    if (booking.notetakerId) await cancelNotetakerForBooking(tx, booking.notetakerId, ctx.now);
    const updated = { ...booking, status: "cancelled", cancellationReason: reason, cancelledAt: ctx.now };
    await emitBookingNotification(tx, "booking.cancelled", toView(updated, event, hostNameOf(config, booking.hostEmail)), config, ctx.now);
  }, TX_OPTIONS);
}

// DELETE /v3/scheduling/bookings/{booking_id} — body {cancellation_reason}
export async function cancelBooking(ctx: SandboxContext): Promise<SandboxResult> {
  const body = parseOrThrow(ZBookingCancel, ctx.body, "cancellation");
  await cancel(ctx, body?.cancellation_reason ?? "");
  return empty();
}

// PATCH /v3/scheduling/bookings/{booking_id} — reschedule in place: same booking, same event, same host.
export async function rescheduleBooking(ctx: SandboxContext): Promise<SandboxResult> {
  const { booking, event, config } = await loadBooking(ctx);
  if (booking.status === "cancelled") throw invalidRequest("A cancelled booking cannot be rescheduled. Book a new time instead.");
  const body = parseOrThrow(ZBookingReschedule, ctx.body, "reschedule");
  const slot = { start: body.start_time * 1000, end: body.end_time * 1000 };
  if (slot.end - slot.start !== config.durationMinutes * 60_000) {
    throw invalidRequest(`end_time - start_time must be ${config.durationMinutes} minutes for this configuration.`);
  }
  const input = await buildEngineInput(config, slot, ctx.now, { bookingId: booking.id, onlyHostEmail: booking.hostEmail });
  const choice = chooseHost(input, slot, booking.hostEmail);
  if (!choice.ok) throw timeslotUnavailable();

  const start = new Date(slot.start);
  const end = new Date(slot.end);
  try {
    const view = await db.$transaction(async (tx) => {
      const updated = await tx.sandboxBooking.update({
        where: { id: booking.id },
        data: {
          startTime: start,
          endTime: end,
          blockStart: new Date(slot.start - config.buffer.before * 60_000),
          blockEnd: new Date(slot.end + config.buffer.after * 60_000),
          ...(body.timezone ? { guestTimezone: body.timezone } : {}),
        },
      });
      const updatedEvent = event
        ? await tx.sandboxEvent.update({
            where: { id: event.id },
            data: {
              startTime: start,
              endTime: end,
              metadata: {
                ...(event.metadata as Record<string, unknown>),
                scheduler_last_start: String(body.start_time),
                scheduler_last_end: String(body.end_time),
                scheduler_updated_at: String(Math.floor(ctx.now.getTime() / 1000)),
              },
            },
          })
        : null;
      if (booking.notetakerId) await rescheduleNotetaker(tx, booking.notetakerId, start, end, ctx.now);
      const v = toView(updated, updatedEvent, hostNameOf(config, booking.hostEmail));
      await emitBookingNotification(tx, "booking.rescheduled", v, config, ctx.now, { oldStart: booking.startTime, oldEnd: booking.endTime });
      return v;
    }, TX_OPTIONS);
    return data(serializeBooking(view));
  } catch (error) {
    if (isDoubleBookingError(error)) throw timeslotUnavailable();
    throw error;
  }
}

// PUT /v3/scheduling/bookings/{booking_id} — organizer confirmation. Sandbox bookings are never
// pending, so "confirmed" returns the booking and "cancelled" cancels it.
export async function confirmBooking(ctx: SandboxContext): Promise<SandboxResult> {
  const body = parseOrThrow(ZBookingConfirm, ctx.body, "confirmation");
  const { booking, event, config } = await loadBooking(ctx);
  if (body.salt !== booking.salt) throw invalidRequest("The booking reference salt does not match.");
  if (body.status === "cancelled") {
    await cancel(ctx, body.cancellation_reason ?? "");
    return empty();
  }
  if (booking.status === "cancelled") throw invalidRequest("This booking has been cancelled.");
  return data(serializeBooking(toView(booking, event, hostNameOf(config, booking.hostEmail))));
}

export { SandboxApiError };
