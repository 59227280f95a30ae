import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { computeAvailability, type AvailabilityInput, type EngineParticipant, type Interval, type TAvailabilityPrefill } from "@/lib/scheduling";
import { loadConfigurationForScheduler } from "./configurations";
import type { EffectiveConfiguration } from "./configuration-rules";
import { invalidRequest, SandboxApiError, unauthorized } from "./errors";
import { VALID_GRANT_WHERE } from "./grants";
import { data, type SandboxResult } from "./http";
import type { SandboxContext } from "./router";

const MAX_WINDOW_MS = 62 * 86_400_000;

type AvailabilityScope = {
  /** reschedule: the booking being moved (its own time does not count as busy) */
  bookingId?: string;
  /** reschedule keeps the host: only this participant is considered */
  onlyHostEmail?: string;
};

/**
 * Reads what the engine needs for one configuration and window: each host's busy calendar
 * events, their live bookings (as the buffered ranges the exclusion constraint guards, so the
 * engine never offers a slot the constraint would refuse), and their last booking time here.
 */
export async function buildEngineInput(
  config: EffectiveConfiguration,
  window: { start: number; end: number },
  now: Date,
  scope: AvailabilityScope = {},
  client: Prisma.TransactionClient = db,
): Promise<AvailabilityInput> {
  const hosts = config.participants.filter((p) => p.isHost && (!scope.onlyHostEmail || p.email === scope.onlyHostEmail));
  // Only valid grants: an expired connection's calendar cannot be read or booked into.
  const grants = await client.sandboxGrant.findMany({ where: { email: { in: hosts.map((h) => h.email) }, ...VALID_GRANT_WHERE }, select: { id: true, email: true } });
  const grantByEmail = new Map(grants.map((g) => [g.email, g.id]));
  const grantIds = grants.map((g) => g.id);
  const pad = (config.buffer.before + config.buffer.after + 24 * 60) * 60_000;
  const from = new Date(window.start - pad);
  const to = new Date(window.end + pad);

  const [events, bookings, primaries, lastBookings] = await Promise.all([
    client.sandboxEvent.findMany({
      where: { grantId: { in: grantIds }, busy: true, status: "confirmed", startTime: { lt: to }, endTime: { gt: from } },
      select: { id: true, grantId: true, calendarId: true, startTime: true, endTime: true },
    }),
    client.sandboxBooking.findMany({
      where: { hostGrantId: { in: grantIds }, status: { not: "cancelled" }, blockStart: { lt: to }, blockEnd: { gt: from } },
      select: { id: true, hostGrantId: true, eventId: true, blockStart: true, blockEnd: true },
    }),
    client.sandboxCalendar.findMany({ where: { grantId: { in: grantIds }, isPrimary: true }, select: { id: true, grantId: true } }),
    client.sandboxBooking.groupBy({
      by: ["hostEmail"],
      where: { configurationId: config.id, status: { not: "cancelled" }, ...(scope.bookingId ? { id: { not: scope.bookingId } } : {}) },
      _max: { createdAt: true },
    }),
  ]);

  const primaryByGrant = new Map(primaries.map((c) => [c.grantId, c.id]));
  const lastByEmail = new Map(lastBookings.map((b) => [b.hostEmail, b._max.createdAt?.getTime() ?? null]));
  const excludedEventId = scope.bookingId ? bookings.find((b) => b.id === scope.bookingId)?.eventId : undefined;

  const participants: EngineParticipant[] = hosts.map((host) => {
    const grantId = grantByEmail.get(host.email);
    const busy: Interval[] = [];
    if (grantId) {
      const calendars = new Set(host.calendarIds.map((c) => (c === "primary" ? primaryByGrant.get(grantId) : c)));
      for (const e of events) {
        if (e.grantId === grantId && calendars.has(e.calendarId) && e.id !== excludedEventId) {
          busy.push({ start: e.startTime.getTime(), end: e.endTime.getTime() });
        }
      }
      for (const b of bookings) {
        if (b.hostGrantId === grantId && b.id !== scope.bookingId) busy.push({ start: b.blockStart.getTime(), end: b.blockEnd.getTime() });
      }
    }
    return {
      email: host.email,
      // A host without a grant has no calendar to book into: never free.
      openHours: grantId ? host.openHours : [],
      busy,
      lastBookedAt: lastByEmail.get(host.email) ?? null,
    };
  });

  return {
    now: now.getTime(),
    windowStart: window.start,
    windowEnd: window.end,
    durationMinutes: config.durationMinutes,
    intervalMinutes: config.intervalMinutes,
    roundTo: config.roundTo,
    buffer: config.buffer,
    minBookingNoticeMinutes: config.minBookingNoticeMinutes,
    availableDaysInFuture: config.availableDaysInFuture,
    // A reschedule keeps its host, so only that host's free time matters.
    method: scope.onlyHostEmail ? "collective" : config.method,
    participants,
  };
}

function readEpochSeconds(query: URLSearchParams, key: string): number {
  const raw = query.get(key);
  const value = Number(raw);
  if (!raw || !Number.isInteger(value) || value <= 0) throw invalidRequest(`${key} is required (Unix seconds).`);
  return value;
}

// GET /v3/scheduling/availability?start_time&end_time&configuration_id[&booking_id]
export async function getAvailability(ctx: SandboxContext): Promise<SandboxResult> {
  const { effective, raw } = await loadConfigurationForScheduler(ctx.query);
  if (raw.requires_session_auth && !ctx.hasApiKey) throw unauthorized("This configuration requires a scheduling session.");
  const start = readEpochSeconds(ctx.query, "start_time") * 1000;
  const end = readEpochSeconds(ctx.query, "end_time") * 1000;
  if (end <= start) throw invalidRequest("end_time must be after start_time.");
  if (end - start > MAX_WINDOW_MS) throw invalidRequest("The requested range is too long (at most 62 days).");

  const bookingId = ctx.query.get("booking_id") ?? undefined;
  let scope: AvailabilityScope = {};
  if (bookingId) {
    const booking = await db.sandboxBooking.findFirst({ where: { id: bookingId, configurationId: effective.id }, select: { hostEmail: true } });
    if (booking) scope = { bookingId, onlyHostEmail: booking.hostEmail };
  }
  return data(await availabilityData(effective, { start, end }, ctx.now, scope));
}

/** The endpoint's `data` for one configuration and window. */
async function availabilityData(effective: EffectiveConfiguration, window: { start: number; end: number }, now: Date, scope: AvailabilityScope = {}) {
  const result = computeAvailability(await buildEngineInput(effective, window, now, scope));
  return {
    order: scope.onlyHostEmail ? [scope.onlyHostEmail] : result.order,
    time_slots: result.slots.map((s) => ({ start_time: s.start / 1000, end_time: s.end / 1000, emails: s.emails })),
  };
}

/**
 * What a server-rendered `<nylas-scheduling>` starts with (lib/scheduling/scheduler-prefill.ts): the
 * endpoint's answer, as the component would get it without a session, for the configuration's whole
 * horizon (now → now + available days in future; the browser keeps the part its own first request
 * would cover, which depends on its time zone). The same reads and engine as the endpoint. null when
 * the component could not ask either (unknown configuration, or one that needs a session).
 */
export async function availabilityPrefill(target: { configurationId: string } | { slug: string; clientId: string }, now: Date): Promise<TAvailabilityPrefill | null> {
  const query = new URLSearchParams("configurationId" in target ? { configuration_id: target.configurationId } : { slug: target.slug, client_id: target.clientId });
  let loaded: Awaited<ReturnType<typeof loadConfigurationForScheduler>>;
  try {
    loaded = await loadConfigurationForScheduler(query);
  } catch (error) {
    if (error instanceof SandboxApiError) return null;
    throw error;
  }
  const { effective, raw } = loaded;
  if (raw.requires_session_auth) return null;
  // Slots start before now + days (the engine's limit) and may end up to a slot's length later.
  const start = now.getTime();
  const end = start + effective.availableDaysInFuture * 86_400_000 + effective.durationMinutes * 60_000;
  const { order, time_slots } = await availabilityData(effective, { start, end }, now);
  return { availableDaysInFuture: effective.availableDaysInFuture, minBookingNoticeMinutes: effective.minBookingNoticeMinutes, order, time_slots };
}
