/**
 * Enforces the weekly load cap (issue 7) the same way in sandbox and live: when an interviewer has
 * as many non-cancelled interviews in a week (their time zone, every panel together) as their cap,
 * the app puts one busy event titled "Interview load cap reached" on their primary calendar through
 * the SDK's Events API, from now (or the week's start) to the week's end. Nylas's availability then
 * stops offering them on every configuration. When they fall under the cap again (a cancellation,
 * a reschedule into another week, the cap raised or removed), the event is deleted.
 *
 * Invariants and how they hold:
 * - At most one block per (interviewer, Nylas environment, week). Every change for an interviewer
 *   runs in a transaction holding a per-interviewer advisory lock (withInterviewerLock), re-reads the cap, the count and
 *   the stored block under it, and only then calls Nylas; load_cap_blocks is unique per week too.
 * - A block created at Nylas but not stored (a crash, a failed commit) is found again, not
 *   duplicated: before creating, the week on the calendar is searched for an event with the title
 *   and this interviewer's and week's metadata.
 * - The work runs in "load-caps.reconcile" jobs (lib/load/jobs.ts), one per interviewer, enqueued
 *   with the booking or cap change that causes it and retried on the "calendar" policy; a booking's
 *   processing never waits on Nylas for it. Every minute "load-caps.safety-net" finds, in SQL,
 *   interviewers whose calendar may be out of step (listInterviewersOutOfStep) and enqueues them.
 * - An interviewer without a valid grant gets no block (nothing is stored): Nylas cannot read their
 *   calendar either, so no configuration offers them; a stored block whose grant has expired is kept
 *   and retried until it can be deleted.
 */
import "server-only";
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import type { Prisma } from "@/lib/generated/prisma/client";
import { describeNylasError } from "@/lib/nylas/client";
import { createPrimaryCalendarBlock, deleteCalendarBlock, findCalendarGrantId, listPrimaryCalendarEvents, type CalendarBlockEvent, type CalendarBlockInput } from "@/lib/nylas/calendar-blocks";
import { buildLoadCapMetadata, getLoadCapBlockSpan, isLoadCapBlockEvent, listDistinctWeeks, LOAD_CAP_BLOCK_TITLE, needsLoadCapBlock, type LoadCapAction } from "./cap-rules";
import { getWeekContaining, resolveTimeZone, type ZonedWeek } from "./week";

export type { LoadCapAction } from "./cap-rules";

type Tx = Prisma.TransactionClient;

/** The calendar operations the cap needs; the SDK's by default, replaceable in tests (e.g. Nylas down). */
export type LoadCapCalendar = {
  findGrantId(email: string): Promise<string | null>;
  listEvents(grantId: string, window: { startTime: number; endTime: number }): Promise<CalendarBlockEvent[]>;
  createBlock(grantId: string, input: CalendarBlockInput): Promise<{ id: string; calendarId: string }>;
  deleteBlock(grantId: string, calendarId: string, eventId: string): Promise<"deleted" | "gone">;
};

export const sdkLoadCapCalendar: LoadCapCalendar = {
  findGrantId: findCalendarGrantId,
  listEvents: listPrimaryCalendarEvents,
  createBlock: createPrimaryCalendarBlock,
  deleteBlock: deleteCalendarBlock,
};

export type LoadCapWeekOutcome = {
  interviewerId: string;
  weekKey: string;
  weekStart: Date;
  weekEnd: Date;
  /** Interviews counted in the week (not counted, so 0, for an interviewer with neither a cap nor a block). */
  count: number;
  weeklyCap: number | null;
  action: LoadCapAction;
  error?: string;
};

export type ReconcileLoadCapsOptions = {
  /** Instants whose weeks (in the interviewer's zone) to reconcile; weeks already over are skipped. */
  weeksOf: readonly Date[];
  now?: Date;
  calendar?: LoadCapCalendar;
};

export class LoadCapReconcileError extends Error {
  constructor(readonly outcomes: LoadCapWeekOutcome[]) {
    const failed = outcomes.filter((o) => o.action === "failed");
    super(`Load cap not reconciled for ${failed.map((o) => `week ${o.weekKey}: ${o.error}`).join("; ")}`);
    this.name = "LoadCapReconcileError";
  }
}

/** Nylas calls under the lock get this long in all (list + create, or deletes); the SDK calls time out sooner. */
const CAP_TRANSACTION = { maxWait: 15_000, timeout: 90_000 } as const;
/** Interviews this far back still fall in a week that has not ended (a week is at most 169 hours). */
const WEEK_LOOKBACK_MS = 8 * 86_400_000;

/**
 * Reconciles the interviewer's block for each week of `weeksOf`; throws LoadCapReconcileError when
 * any week failed (after trying every week), so that the caller's job is retried.
 */
export async function reconcileLoadCaps(interviewerId: string, options: ReconcileLoadCapsOptions): Promise<LoadCapWeekOutcome[]> {
  const outcomes = await reconcileLoadCapWeeks(interviewerId, options);
  if (outcomes.some((o) => o.action === "failed")) throw new LoadCapReconcileError(outcomes);
  return outcomes;
}

/** reconcileLoadCaps without the throw: failed weeks come back as `failed` outcomes. */
async function reconcileLoadCapWeeks(interviewerId: string, options: ReconcileLoadCapsOptions): Promise<LoadCapWeekOutcome[]> {
  const now = options.now ?? new Date();
  const calendar = options.calendar ?? sdkLoadCapCalendar;
  const interviewer = await db.interviewer.findUnique({
    where: { id: interviewerId },
    select: { timezone: true, weeklyCap: true, _count: { select: { loadCapBlocks: { where: { apiUri: getEnv().nylasApiUri, weekEnd: { gt: now } } } } } },
  });
  if (!interviewer) return [];
  const weeks = listDistinctWeeks([...options.weeksOf], interviewer.timezone).filter((w) => w.end.getTime() > now.getTime());
  // Most bookings are of interviewers without a cap or a block: nothing to lock or count. (A cap
  // saved meanwhile is reconciled by the save itself, which runs after this booking was stored.)
  if (interviewer.weeklyCap === null && interviewer._count.loadCapBlocks === 0) {
    return weeks.map((w) => ({ interviewerId, weekKey: w.key, weekStart: w.start, weekEnd: w.end, count: 0, weeklyCap: null, action: "none" }));
  }
  const outcomes: LoadCapWeekOutcome[] = [];
  for (const week of weeks) {
    try {
      outcomes.push(await reconcileWeek(interviewerId, week.start, now, calendar));
    } catch (error) {
      const message = describeNylasError(error);
      console.error(`[load-caps] interviewer ${interviewerId}, week ${week.key}: ${message}`);
      outcomes.push({ interviewerId, weekKey: week.key, weekStart: week.start, weekEnd: week.end, count: 0, weeklyCap: null, action: "failed", error: message });
    }
  }
  return outcomes;
}

/**
 * Every week of the interviewer that has not ended and has an interview or a stored block (the
 * reconcile job's work, and a cap save's). Never throws for a week's failure: see the outcomes.
 */
export async function reconcileInterviewerLoadCaps(interviewerId: string, options: { now?: Date; calendar?: LoadCapCalendar } = {}): Promise<LoadCapWeekOutcome[]> {
  const now = options.now ?? new Date();
  const [interviews, blocks] = await Promise.all([
    db.interview.findMany({
      where: { interviewerId, status: { not: "CANCELLED" }, startsAt: { gte: new Date(now.getTime() - WEEK_LOOKBACK_MS) } },
      select: { startsAt: true },
    }),
    db.loadCapBlock.findMany({ where: { interviewerId, apiUri: getEnv().nylasApiUri, weekEnd: { gt: now } }, select: { weekStart: true } }),
  ]);
  const weeksOf = [...interviews.flatMap((i) => (i.startsAt ? [i.startsAt] : [])), ...blocks.map((b) => b.weekStart)];
  return reconcileLoadCapWeeks(interviewerId, { weeksOf, now, calendar: options.calendar });
}

/** Interviews counted against the cap: booked and not cancelled, starting in the week. */
async function countWeekInterviews(tx: Tx, interviewerId: string, week: ZonedWeek): Promise<number> {
  const [row] = await tx.$queryRaw<{ count: number }[]>`
    SELECT count(*)::int AS count FROM interviews
     WHERE interviewer_id = ${interviewerId}::uuid AND status <> 'CANCELLED' AND starts_at >= ${week.start} AND starts_at < ${week.end}`;
  return row?.count ?? 0;
}

/** How long a reconcile waits for another one of the same interviewer (which may be waiting on Nylas). */
const LOCK_WAIT_MS = 120_000;

/**
 * Runs `fn` in a transaction holding the interviewer's advisory lock (per Nylas environment). At
 * most two ever wait for it — the interviewer's one running reconcile job (the runner serialises
 * them) and an admin's cap save — so waiting holds at most one pooled connection.
 */
async function withInterviewerLock<T>(apiUri: string, interviewerId: string, fn: (tx: Tx) => Promise<T>): Promise<T> {
  const key = `load-cap:${apiUri}:${interviewerId}`;
  return db.$transaction(
    async (tx) => {
      await tx.$executeRawUnsafe(`SET LOCAL lock_timeout = '${LOCK_WAIT_MS}ms'`);
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${key}, 0))`;
      return fn(tx);
    },
    { ...CAP_TRANSACTION, maxWait: CAP_TRANSACTION.maxWait, timeout: CAP_TRANSACTION.timeout + LOCK_WAIT_MS },
  );
}

/** One week, under the interviewer's lock: decide, call Nylas, store. See the module comment. */
async function reconcileWeek(interviewerId: string, weekOf: Date, now: Date, calendar: LoadCapCalendar): Promise<LoadCapWeekOutcome> {
  const apiUri = getEnv().nylasApiUri;
  return withInterviewerLock(apiUri, interviewerId, async (tx) => {
    // Re-read under the lock: the cap, the zone and the bookings may have changed since the caller looked.
    const interviewer = await tx.interviewer.findUnique({ where: { id: interviewerId }, select: { id: true, name: true, email: true, timezone: true, weeklyCap: true } });
    const timeZone = resolveTimeZone(interviewer?.timezone);
    const week = getWeekContaining(weekOf, timeZone);
    const base = { interviewerId, weekKey: week.key, weekStart: week.start, weekEnd: week.end, weeklyCap: interviewer?.weeklyCap ?? null };
    const count = interviewer ? await countWeekInterviews(tx, interviewerId, week) : 0;
    // Blocks overlapping this week: its own, and any stored under another zone's week before a time zone change.
    const stored = await tx.loadCapBlock.findMany({
      where: { interviewerId, apiUri, weekStart: { lt: week.end }, weekEnd: { gt: week.start } },
      select: { id: true, weekStart: true, eventId: true, calendarId: true },
    });
    const isWanted = interviewer !== null && needsLoadCapBlock({ weeklyCap: interviewer.weeklyCap, count, week, now });
    const kept = isWanted ? stored.find((b) => b.weekStart.getTime() === week.start.getTime()) : undefined;
    const stale = stored.filter((b) => b !== kept);
    const outcome = (action: LoadCapAction): LoadCapWeekOutcome => ({ ...base, count, action });

    if (stale.length === 0) {
      if (kept) return outcome("kept");
      if (!isWanted) return outcome("none");
    }
    const grantId = interviewer ? await calendar.findGrantId(interviewer.email) : null;
    if (!grantId) return outcome("no_grant");

    for (const block of stale) {
      await calendar.deleteBlock(grantId, block.calendarId, block.eventId);
      await tx.loadCapBlock.delete({ where: { id: block.id } });
    }
    if (!isWanted) return outcome("removed");
    if (kept) return outcome("kept");

    // A previous attempt may have created the event and failed before storing it: reuse that one.
    const weekWindow = { startTime: Math.floor(week.start.getTime() / 1000), endTime: Math.ceil(week.end.getTime() / 1000) };
    const found = (await calendar.listEvents(grantId, weekWindow)).find((e) => isLoadCapBlockEvent(e, interviewerId, week.key));
    const event =
      found ??
      (await calendar.createBlock(grantId, {
        title: LOAD_CAP_BLOCK_TITLE,
        description: `${interviewer!.name} has ${count} interviews in the week of ${week.key}, at or over the weekly cap of ${interviewer!.weeklyCap} set in the hiring portal. The portal removes this event when they fall under the cap.`,
        ...getLoadCapBlockSpan(week, now),
        timeZone,
        metadata: buildLoadCapMetadata(interviewerId, week.key),
      }));
    try {
      await tx.loadCapBlock.create({ data: { interviewerId, apiUri, weekStart: week.start, weekEnd: week.end, eventId: event.id, calendarId: event.calendarId } });
    } catch (error) {
      // Not stored: take the new event back off the calendar rather than leave a block nobody tracks.
      if (!found) await calendar.deleteBlock(grantId, event.calendarId, event.id).catch(() => undefined);
      throw error;
    }
    return outcome("created");
  });
}

// ───────────────────────────── The safety net ─────────────────────────────

/**
 * Interviewers whose calendar may be out of step with their cap, found in SQL alone: a week that
 * has not ended with at least `weekly_cap` interviews and no stored block, or a stored block of a
 * week now under the cap (or of an interviewer without one). Weeks are Monday-based in the
 * interviewer's zone, as getWeekContaining's (an unknown zone reads as UTC). Over-inclusion is
 * harmless: the reconcile job decides under its lock.
 */
export async function listInterviewersOutOfStep(now = new Date()): Promise<string[]> {
  const apiUri = getEnv().nylasApiUri;
  const rows = await db.$queryRaw<{ id: string }[]>`
    WITH zoned AS (
      SELECT i.id, i.weekly_cap, CASE WHEN EXISTS (SELECT 1 FROM pg_timezone_names z WHERE z.name = i.timezone) THEN i.timezone ELSE 'UTC' END AS tz
        FROM interviewers i
       WHERE i.weekly_cap IS NOT NULL
          OR EXISTS (SELECT 1 FROM load_cap_blocks b WHERE b.interviewer_id = i.id AND b.api_uri = ${apiUri} AND b.week_end > ${now})
    ), weeks AS (
      SELECT z.id, z.weekly_cap, z.tz, date_trunc('week', v.starts_at AT TIME ZONE z.tz) AS local_monday, count(*)::int AS n
        FROM zoned z JOIN interviews v ON v.interviewer_id = z.id
       WHERE z.weekly_cap IS NOT NULL AND v.status <> 'CANCELLED' AND v.starts_at >= ${new Date(now.getTime() - WEEK_LOOKBACK_MS)}
       GROUP BY z.id, z.weekly_cap, z.tz, local_monday
    )
    SELECT w.id::text AS id FROM weeks w
     WHERE w.n >= w.weekly_cap
       AND (w.local_monday + interval '7 days') AT TIME ZONE w.tz > ${now}
       AND NOT EXISTS (SELECT 1 FROM load_cap_blocks b
                        WHERE b.interviewer_id = w.id AND b.api_uri = ${apiUri} AND b.week_start = w.local_monday AT TIME ZONE w.tz)
    UNION
    SELECT b.interviewer_id::text FROM load_cap_blocks b JOIN zoned z ON z.id = b.interviewer_id
     WHERE b.api_uri = ${apiUri} AND b.week_end > ${now}
       AND (z.weekly_cap IS NULL
            OR (SELECT count(*) FROM interviews v
                 WHERE v.interviewer_id = b.interviewer_id AND v.status <> 'CANCELLED' AND v.starts_at >= b.week_start AND v.starts_at < b.week_end) < z.weekly_cap)`;
  return rows.map((r) => r.id);
}
