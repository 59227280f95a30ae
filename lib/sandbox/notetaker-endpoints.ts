/**
 * The sandbox Notetaker's HTTP endpoints: Nylas's /v3/grants/{grant}/notetakers… and
 * /v3/notetakers… (list, find, cancel, leave, media, history), and the sandbox-only control
 * endpoints under /v3/sandbox (run now, media faults, expire media, the signed media file URL).
 * The notetaker itself (booking hooks, lifecycle, steps) is lib/sandbox/notetakers.ts.
 */
import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { invalidRequest } from "./errors";
import { resolveGrant } from "./grants";
import { data, empty, type SandboxResult } from "./http";
import { assertMediaReady, describeMediaFiles, serveMediaFile, type MediaFaults } from "./notetaker-media";
import { serializeNotetaker } from "./notetaker-payloads";
import { cancelNotetakerBeforeJoin, deleteNotetakerAndMedia, expireNotetakerMedia, leaveMeeting, loadLiveNotetaker, runNotetakerNow, toView } from "./notetakers";
import type { SandboxContext } from "./router";
import { describeIssues, ZNotetakerFaults, ZNotetakerRun } from "./schemas";

// ───────────────────────────── Nylas API: /v3/grants/{grant}/notetakers…, /v3/notetakers… ─────────────────────────────

const STATE_FILTER_ALIASES: Record<string, string> = { media_processing: "processing", media_available: "available" };

// GET …/notetakers
export async function listNotetakers(ctx: SandboxContext): Promise<SandboxResult> {
  const grant = ctx.params.grant ? await resolveGrant(ctx.params.grant) : null;
  const rawLimit = Number(ctx.query.get("limit") ?? 50);
  const limit = Number.isInteger(rawLimit) && rawLimit > 0 ? Math.min(rawLimit, 200) : 50;
  // next_cursor and prev_cursor are both offsets; either token takes you there.
  const token = ctx.query.get("page_token") ?? ctx.query.get("prev_page_token");
  const offset = token ? Number(Buffer.from(token, "base64url").toString("utf8")) : 0;
  if (!Number.isInteger(offset) || offset < 0) throw invalidRequest("Invalid page_token.");
  const stateParam = ctx.query.get("state");
  const state = stateParam ? (STATE_FILTER_ALIASES[stateParam] ?? stateParam) : null;
  const epoch = (key: string) => {
    const raw = ctx.query.get(key);
    if (raw === null) return undefined;
    if (!/^\d+$/.test(raw)) throw invalidRequest(`${key} must be Unix seconds.`);
    return new Date(Number(raw) * 1000);
  };
  const joinStart = epoch("join_time_start");
  const joinEnd = epoch("join_time_end");
  const orderBy = ctx.query.get("order_by") ?? "created_at";
  if (!["name", "join_time", "created_at"].includes(orderBy)) throw invalidRequest("order_by must be name, join_time or created_at.");
  const direction = ctx.query.get("order_direction") === "desc" ? "desc" : "asc";
  const field = orderBy === "join_time" ? "joinTime" : orderBy === "name" ? "name" : "createdAt";

  const rows = await db.sandboxNotetaker.findMany({
    where: {
      deletedAt: null,
      ...(grant ? { grantId: grant.id } : {}),
      ...(state ? { state } : {}),
      ...(joinStart || joinEnd ? { joinTime: { ...(joinStart ? { gte: joinStart } : {}), ...(joinEnd ? { lte: joinEnd } : {}) } } : {}),
    },
    orderBy: [{ [field]: direction }, { id: "asc" }],
    skip: offset,
    take: limit + 1,
  });
  const page = rows.slice(0, limit);
  const next = rows.length > limit ? Buffer.from(String(offset + limit)).toString("base64url") : null;
  const prev = offset > 0 ? Buffer.from(String(Math.max(0, offset - limit))).toString("base64url") : null;
  return { status: 200, body: { data: page.map((r) => serializeNotetaker(toView(r))), next_cursor: next, prev_cursor: prev } };
}

// GET …/notetakers/{id}
export async function findNotetaker(ctx: SandboxContext): Promise<SandboxResult> {
  return data(serializeNotetaker(toView(await loadLiveNotetaker(ctx.params.id!, ctx.params.grant))));
}

// DELETE …/notetakers/{id}/cancel — only before it has joined.
export async function cancelNotetaker(ctx: SandboxContext): Promise<SandboxResult> {
  await cancelNotetakerBeforeJoin(ctx.params.id!, ctx.params.grant, ctx.now);
  return empty();
}

// DELETE …/notetakers/{id} — any state: the bot and all of its media; answers {request_id}, sends notetaker.deleted.
export async function deleteNotetaker(ctx: SandboxContext): Promise<SandboxResult> {
  await deleteNotetakerAndMedia(ctx.params.id!, ctx.params.grant, ctx.now);
  return empty();
}

// POST …/notetakers/{id}/leave — 200 while attending, 202 when it is already leaving; 409 when it is not in the meeting.
export async function leaveNotetaker(ctx: SandboxContext): Promise<SandboxResult> {
  const id = ctx.params.id!;
  const status = await leaveMeeting(id, ctx.params.grant, ctx.now);
  return data({ id, message: "Notetaker is leaving meeting." }, status);
}

// GET …/notetakers/{id}/media — 404 before the media is ready, 410 after retention; fresh URLs.
export async function getNotetakerMedia(ctx: SandboxContext): Promise<SandboxResult> {
  const row = await loadLiveNotetaker(ctx.params.id!, ctx.params.grant);
  assertMediaReady(row.state, row.mediaExpiresAt, ctx.now);
  return data(await describeMediaFiles(row.id, ctx.now, row.mediaExpiresAt!));
}

// GET …/notetakers/{id}/history
export async function getNotetakerHistory(ctx: SandboxContext): Promise<SandboxResult> {
  const row = await loadLiveNotetaker(ctx.params.id!, ctx.params.grant);
  const events = await db.sandboxNotetakerEvent.findMany({ where: { notetakerId: row.id }, orderBy: [{ at: "asc" }, { createdAt: "asc" }] });
  return data({
    events: events.map((e) => ({ created_at: Math.floor(e.at.getTime() / 1000), event_type: e.eventType, data: e.data })),
  });
}

// ───────────────────────────── Sandbox-only control endpoints ─────────────────────────────

// POST /v3/sandbox/notetakers/{id}/run — {"outcome": "completed" | "failed_entry", "recording_bytes"?: n}
export async function runNotetakerEndpoint(ctx: SandboxContext): Promise<SandboxResult> {
  const parsed = ZNotetakerRun.safeParse(ctx.body ?? {});
  if (!parsed.success) throw invalidRequest(`Invalid run: ${describeIssues(parsed.error)}`);
  const row = await runNotetakerNow(ctx.params.id!, parsed.data.outcome, { recordingBytes: parsed.data.recording_bytes, now: ctx.now });
  return data(serializeNotetaker(toView(row)));
}

// POST /v3/sandbox/notetakers/{id}/faults — media download faults for tests (see MediaFaults).
export async function setNotetakerFaults(ctx: SandboxContext): Promise<SandboxResult> {
  const parsed = ZNotetakerFaults.safeParse(ctx.body ?? {});
  if (!parsed.success) throw invalidRequest(`Invalid faults: ${describeIssues(parsed.error)}`);
  const row = await loadLiveNotetaker(ctx.params.id!);
  const faults: MediaFaults = parsed.data;
  await db.sandboxNotetaker.update({ where: { id: row.id }, data: { faults: faults as Prisma.InputJsonValue } });
  return data({ id: row.id, faults });
}

// POST /v3/sandbox/notetakers/{id}/expire-media — retention ends now.
export async function expireNotetakerMediaEndpoint(ctx: SandboxContext): Promise<SandboxResult> {
  const row = await expireNotetakerMedia(ctx.params.id!, ctx.now);
  return data(serializeNotetaker(toView(row)));
}

// GET /v3/sandbox/media/{id}/{kind}/{name}?expires&signature — the pre-authenticated file URL.
export async function serveMediaFileEndpoint(ctx: SandboxContext): Promise<Response> {
  return serveMediaFile({ method: ctx.method, headers: ctx.headers }, { id: ctx.params.id!, kind: ctx.params.kind! }, ctx.query, ctx.now);
}
