import "server-only";
import type { z } from "zod";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { parseWhen } from "./calendar-rules";
import { invalidRequest, notFound } from "./errors";
import { resolveCalendarId, resolveGrant } from "./grants";
import { data, empty, list, nextCursor, parsePaging, type SandboxResult } from "./http";
import { newEventId } from "./ids";
import { assertObjectBody, type SandboxContext } from "./router";
import { describeIssues, ZEventCreate, ZEventUpdate } from "./schemas";

type EventRow = Prisma.SandboxEventGetPayload<object>;

const seconds = (d: Date) => Math.floor(d.getTime() / 1000);

/** An event in Nylas's Event object shape. */
function serializeEvent(e: EventRow) {
  return {
    id: e.id,
    grant_id: e.grantId,
    calendar_id: e.calendarId,
    object: "event",
    title: e.title,
    description: e.description,
    location: e.location,
    busy: e.busy,
    status: e.status,
    when: { object: "timespan", start_time: seconds(e.startTime), end_time: seconds(e.endTime), start_timezone: e.timezone, end_timezone: e.timezone },
    participants: e.participants,
    organizer: e.organizer,
    conferencing: e.conferencing,
    metadata: e.metadata,
    ical_uid: e.icalUid,
    ...(e.notetaker ? { notetaker: e.notetaker } : {}),
    html_link: null,
    read_only: false,
    visibility: "default",
    created_at: seconds(e.createdAt),
    updated_at: seconds(e.updatedAt),
  };
}

function requireCalendarId(query: URLSearchParams): string {
  const calendarId = query.get("calendar_id");
  if (!calendarId) throw invalidRequest("calendar_id is required.");
  return calendarId;
}

function optionalSeconds(query: URLSearchParams, key: string): Date | undefined {
  const raw = query.get(key);
  if (raw === null) return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value)) throw invalidRequest(`${key} must be Unix seconds.`);
  return new Date(value * 1000);
}

// GET /v3/grants/{grant_id}/events?calendar_id=…[&start&end&show_cancelled&limit&page_token]
export async function listEvents(ctx: SandboxContext): Promise<SandboxResult> {
  const grant = await resolveGrant(ctx.params.grant!);
  const calendarId = await resolveCalendarId(grant.id, requireCalendarId(ctx.query));
  const { limit, offset } = parsePaging(ctx.query);
  const start = optionalSeconds(ctx.query, "start");
  const end = optionalSeconds(ctx.query, "end");
  const showCancelled = ctx.query.get("show_cancelled") === "true";
  const rows = await db.sandboxEvent.findMany({
    where: {
      calendarId,
      ...(showCancelled ? {} : { status: { not: "cancelled" } }),
      ...(end ? { startTime: { lt: end } } : {}),
      ...(start ? { endTime: { gt: start } } : {}),
    },
    orderBy: [{ startTime: "asc" }, { id: "asc" }],
    skip: offset,
    take: limit,
  });
  return list(rows.map(serializeEvent), nextCursor(offset, limit, rows.length));
}

// GET /v3/grants/{grant_id}/events/{event_id}?calendar_id=…
export async function findEvent(ctx: SandboxContext): Promise<SandboxResult> {
  return data(serializeEvent(await getEventOrThrow(ctx)));
}

type EventParticipantInput = { email: string; name?: string; status?: string; comment?: string; phone_number?: string };

/** Participants as Nylas returns them: `status` defaults to "noreply"; unknown keys are dropped. */
function toParticipants(participants: EventParticipantInput[]) {
  return participants.map((p) => ({
    email: p.email,
    ...(p.name !== undefined ? { name: p.name } : {}),
    status: p.status ?? "noreply",
    ...(p.comment !== undefined ? { comment: p.comment } : {}),
    ...(p.phone_number !== undefined ? { phone_number: p.phone_number } : {}),
  }));
}

function parseEventBody<T>(schema: z.ZodType<T>, body: unknown): T {
  const parsed = schema.safeParse(assertObjectBody(body));
  if (!parsed.success) throw invalidRequest(`Invalid event: ${describeIssues(parsed.error)}`);
  return parsed.data;
}

async function getEventOrThrow(ctx: SandboxContext): Promise<EventRow> {
  const grant = await resolveGrant(ctx.params.grant!);
  const calendarId = await resolveCalendarId(grant.id, requireCalendarId(ctx.query));
  const row = await db.sandboxEvent.findFirst({ where: { id: ctx.params.id!, calendarId } });
  if (!row) throw notFound(`Event not found: ${ctx.params.id}`);
  return row;
}

/**
 * POST /v3/grants/{grant_id}/events?calendar_id=… — title, description, location, busy (default
 * true), when (a timespan), participants, metadata. The grant is the organizer. Not `generated`:
 * the demo reseed keeps it.
 */
export async function createEvent(ctx: SandboxContext): Promise<SandboxResult> {
  const grant = await resolveGrant(ctx.params.grant!);
  const calendarId = await resolveCalendarId(grant.id, requireCalendarId(ctx.query));
  const body = parseEventBody(ZEventCreate, ctx.body);
  const when = parseWhen(body.when);
  const calendar = await db.sandboxCalendar.findUniqueOrThrow({ where: { id: calendarId }, select: { timezone: true } });
  const id = newEventId();
  const row = await db.sandboxEvent.create({
    data: {
      id,
      calendarId,
      grantId: grant.id,
      title: body.title ?? "",
      description: body.description ?? null,
      location: body.location ?? null,
      startTime: when.start,
      endTime: when.end,
      timezone: when.timezone ?? calendar.timezone,
      busy: body.busy ?? true,
      participants: toParticipants(body.participants ?? []),
      organizer: { email: grant.email, name: grant.name },
      metadata: body.metadata ?? {},
      icalUid: `${id}@sandbox.nylas`,
    },
  });
  return data(serializeEvent(row));
}

// PUT /v3/grants/{grant_id}/events/{event_id}?calendar_id=… — the fields sent replace the stored ones.
export async function updateEvent(ctx: SandboxContext): Promise<SandboxResult> {
  const existing = await getEventOrThrow(ctx);
  const body = parseEventBody(ZEventUpdate, ctx.body);
  const when = body.when !== undefined ? parseWhen(body.when) : null;
  const row = await db.sandboxEvent.update({
    where: { id: existing.id },
    data: {
      ...(body.title !== undefined ? { title: body.title } : {}),
      ...(body.description !== undefined ? { description: body.description } : {}),
      ...(body.location !== undefined ? { location: body.location } : {}),
      ...(body.busy !== undefined ? { busy: body.busy } : {}),
      ...(when ? { startTime: when.start, endTime: when.end, ...(when.timezone ? { timezone: when.timezone } : {}) } : {}),
      ...(body.participants !== undefined ? { participants: toParticipants(body.participants) } : {}),
      ...(body.metadata !== undefined ? { metadata: body.metadata } : {}),
    },
  });
  return data(serializeEvent(row));
}

// DELETE /v3/grants/{grant_id}/events/{event_id}?calendar_id=…
export async function deleteEvent(ctx: SandboxContext): Promise<SandboxResult> {
  const existing = await getEventOrThrow(ctx);
  await db.sandboxEvent.deleteMany({ where: { id: existing.id } });
  return empty();
}

// GET /v3/grants/{grant_id}/calendars
export async function listCalendars(ctx: SandboxContext): Promise<SandboxResult> {
  const grant = await resolveGrant(ctx.params.grant!);
  const rows = await db.sandboxCalendar.findMany({ where: { grantId: grant.id }, orderBy: { isPrimary: "desc" } });
  return list(
    rows.map((c) => ({ id: c.id, grant_id: c.grantId, object: "calendar", name: c.name, is_primary: c.isPrimary, timezone: c.timezone, read_only: false, is_owned_by_user: true })),
    null,
  );
}
