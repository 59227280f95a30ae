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
 * - Failures are retried by the "load-caps" worker loop (reconcileLoadCapsTick), which compares the
 *   stored blocks with the counts every poll and reconciles what disagrees, with a backoff per week.
 *   Booking processing (lib/interviews/after-booking.ts) logs a failure instead of retrying the
 *   notification for it.
 * - An interviewer without a valid grant gets no block (nothing is stored): Nylas cannot read their
 *   calendar either, so no configuration offers them; a stored block whose grant has expired is kept
 *   and retried until it can be deleted.
 */
import "server-only";
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import type { Prisma } from "@/lib/generated/prisma/client";
import { describeNylasError } from "@/lib/nylas/client";
import {
  createPrimaryCalendarBlock,
  deleteCalendarBlock,
  findCalendarGrantId,
  listPrimaryCalendarEvents,
  type CalendarBlockEvent,
  type CalendarBlockInput,
} from "@/lib/nylas/calendar-blocks";
import {
  buildLoadCapMetadata,
  getLoadCapBlockSpan,
  getLoadCapRetryDelayMs,
  isLoadCapBlockEvent,
  listDistinctWeeks,
  LOAD_CAP_BLOCK_TITLE,
  needsLoadCapBlock,
  planLoadCapWork,
  type LoadCapAction,
} from "./cap-rules";
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
 * Called after each booking created, rescheduled or cancelled is processed.
 */
export async function reconcileLoadCaps(interviewerId: string, options: ReconcileLoadCapsOptions): Promise<LoadCapWeekOutcome[]> {
  const outcomes = await reconcileLoadCapWeeks(interviewerId, options);
  if (outcomes.some((o) => o.action === "failed")) throw new LoadCapReconcileError(outcomes);
  return outcomes;
}

/** reconcileLoadCaps without the throw: failed weeks come back as `failed` outcomes. */
export async function reconcileLoadCapWeeks(interviewerId: string, options: ReconcileLoadCapsOptions): Promise<LoadCapWeekOutcome[]> {
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
 * Every week of the interviewer that has not ended and has an interview or a stored block: after
 * their cap changed. Never throws for a week's failure (see the outcomes; the worker retries).
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

/** reconcileInterviewerLoadCaps for everyone with a cap or a block (e.g. after caps changed in bulk). */
export async function reconcileAllLoadCaps(options: { now?: Date; calendar?: LoadCapCalendar } = {}): Promise<LoadCapWeekOutcome[]> {
  const now = options.now ?? new Date();
  const interviewers = await db.interviewer.findMany({
    where: { OR: [{ weeklyCap: { not: null } }, { loadCapBlocks: { some: { apiUri: getEnv().nylasApiUri, weekEnd: { gt: now } } } }] },
    select: { id: true },
    orderBy: { id: "asc" },
  });
  const outcomes: LoadCapWeekOutcome[] = [];
  for (const { id } of interviewers) outcomes.push(...(await reconcileInterviewerLoadCaps(id, { ...options, now })));
  return outcomes;
}

/** Interviews counted against the cap: booked and not cancelled, starting in the week. */
async function countWeekInterviews(tx: Tx, interviewerId: string, week: ZonedWeek): Promise<number> {
  const [row] = await tx.$queryRaw<{ count: number }[]>`
    SELECT count(*)::int AS count FROM interviews
     WHERE interviewer_id = ${interviewerId}::uuid AND status <> 'CANCELLED' AND starts_at >= ${week.start} AND starts_at < ${week.end}`;
  return row?.count ?? 0;
}

const LOCK_BUSY = Symbol("lock busy");
/** How long a reconcile waits for another one of the same interviewer (which may be waiting on Nylas). */
const LOCK_WAIT_MS = 120_000;

/**
 * Runs `fn` in a transaction holding the interviewer's advisory lock (per Nylas environment).
 * Taken with pg_try_advisory_xact_lock and retried after a pause, rather than waited for inside a
 * transaction: a waiter then holds no pooled connection, so reconciles queued behind one that is
 * talking to Nylas cannot starve the pool (in sandbox mode that very Nylas is this app, on the same pool).
 */
async function withInterviewerLock<T>(apiUri: string, interviewerId: string, fn: (tx: Tx) => Promise<T>): Promise<T> {
  const key = `load-cap:${apiUri}:${interviewerId}`;
  const deadline = Date.now() + LOCK_WAIT_MS;
  for (let pause = 25; ; pause = Math.min(pause * 2, 500)) {
    const result = await db.$transaction(async (tx) => {
      const [row] = await tx.$queryRaw<{ locked: boolean }[]>`SELECT pg_try_advisory_xact_lock(hashtextextended(${key}, 0)) AS locked`;
      return row?.locked ? fn(tx) : LOCK_BUSY;
    }, CAP_TRANSACTION);
    if (result !== LOCK_BUSY) return result as T;
    if (Date.now() > deadline) throw new Error(`Another load cap update for this interviewer is still running after ${LOCK_WAIT_MS / 1000} s.`);
    await new Promise((resolve) => setTimeout(resolve, pause + Math.random() * pause));
  }
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

// ───────────────────────────── The worker's re-check ─────────────────────────────

type RetryState = { attempts: number; retryAt: number };
// Per process; on globalThis so that Next.js loading this module twice shares one schedule.
const retries = ((globalThis as { __loadCapRetries?: Map<string, RetryState> }).__loadCapRetries ??= new Map());

/**
 * One poll of the "load-caps" worker loop (lib/workers.ts): finds, from the database alone, weeks
 * at the cap without a stored block and stored blocks no longer wanted, and reconciles them (each
 * under its lock, so several processes may poll at once). A week that fails, or that the
 * reconcile leaves as it was (no grant), waits before its next try (2 s doubling, at most 5 min).
 * Returns how many weeks it changed, so the loop polls again at once only after real work.
 */
export async function reconcileLoadCapsTick(options: { now?: Date; calendar?: LoadCapCalendar } = {}): Promise<number> {
  const now = options.now ?? new Date();
  const apiUri = getEnv().nylasApiUri;
  const [capped, blocks] = await Promise.all([
    db.interviewer.findMany({ where: { weeklyCap: { not: null } }, select: { id: true, timezone: true, weeklyCap: true } }),
    db.loadCapBlock.findMany({ where: { apiUri, weekEnd: { gt: now } }, select: { interviewerId: true, weekStart: true, weekEnd: true } }),
  ]);
  // Only interviewers with a cap, and their weeks not yet ended: the cap itself bounds these rows
  // (a week over the cap is blocked at Nylas), so this stays small at any number of interviews.
  const interviews =
    capped.length === 0
      ? []
      : await db.interview.findMany({
          where: { interviewerId: { in: capped.map((i) => i.id) }, status: { not: "CANCELLED" }, startsAt: { gte: new Date(now.getTime() - WEEK_LOOKBACK_MS) } },
          select: { interviewerId: true, startsAt: true },
        });
  const work = planLoadCapWork({
    interviewers: capped,
    interviews: interviews.flatMap((i) => (i.interviewerId && i.startsAt ? [{ interviewerId: i.interviewerId, startsAt: i.startsAt }] : [])),
    blocks,
    now,
  });

  const due = new Set<string>();
  let changed = 0;
  for (const item of work) {
    const key = `${item.interviewerId}|${item.weekOf.getTime()}`;
    due.add(key);
    const retry = retries.get(key);
    if (retry && retry.retryAt > now.getTime()) continue;
    const outcomes = await reconcileLoadCapWeeks(item.interviewerId, { weeksOf: [item.weekOf], now, calendar: options.calendar });
    if (outcomes.some((o) => o.action === "created" || o.action === "removed")) {
      retries.delete(key);
      changed++;
    } else {
      const attempts = (retry?.attempts ?? 0) + 1;
      retries.set(key, { attempts, retryAt: now.getTime() + getLoadCapRetryDelayMs(attempts) });
    }
  }
  // Forget weeks that no longer need work.
  for (const key of retries.keys()) if (!due.has(key)) retries.delete(key);
  return changed;
}

/** Forgets every week's retry schedule: tests that move the clock, or an admin's explicit "reconcile now". */
export function clearLoadCapRetries(): void {
  retries.clear();
}
