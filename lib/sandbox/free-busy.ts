import "server-only";
import { db } from "@/lib/db";
import { toBusySlots, type SecondsInterval } from "./calendar-rules";
import { invalidRequest } from "./errors";
import { grantStatusOf, resolveGrant } from "./grants";
import { data, type SandboxResult } from "./http";
import { assertObjectBody, type SandboxContext } from "./router";
import { describeIssues, ZFreeBusyRequest } from "./schemas";

const seconds = (d: Date) => Math.floor(d.getTime() / 1000);
const secondsUp = (d: Date) => Math.ceil(d.getTime() / 1000);

type FreeBusyEntry =
  { email: string; object: "free_busy"; time_slots: { start_time: number; end_time: number; status: "busy"; object: "time_slot" }[] } | { email: string; object: "error"; error: string };

/**
 * One email's busy time in the window, from what the availability engine reads too: the busy,
 * confirmed events on its grant's primary calendar (Nylas's free/busy reads the primary calendar)
 * and the live scheduler bookings it hosts (the meeting itself, without the configuration's
 * buffers, which are not on anyone's calendar). A booking and its own event merge into one slot.
 */
async function busyOf(grantId: string, window: { start: Date; end: Date }): Promise<SecondsInterval[]> {
  const [events, bookings] = await Promise.all([
    db.sandboxEvent.findMany({
      where: { grantId, busy: true, status: "confirmed", calendar: { isPrimary: true }, startTime: { lt: window.end }, endTime: { gt: window.start } },
      select: { startTime: true, endTime: true },
    }),
    db.sandboxBooking.findMany({
      where: { hostGrantId: grantId, status: { not: "cancelled" }, startTime: { lt: window.end }, endTime: { gt: window.start } },
      select: { startTime: true, endTime: true },
    }),
  ]);
  return [...events, ...bookings].map((i) => ({ start: seconds(i.startTime), end: secondsUp(i.endTime) }));
}

/**
 * POST /v3/grants/{grant_id}/calendars/free-busy — body {start_time, end_time, emails[]}. One entry
 * per email, in the order asked: `free_busy` with its busy `time_slots`, or Nylas's per-email
 * `error` entry when the sandbox has no readable calendar for it (no grant, or an invalid one).
 */
export async function getFreeBusy(ctx: SandboxContext): Promise<SandboxResult> {
  await resolveGrant(ctx.params.grant!);
  const parsed = ZFreeBusyRequest.safeParse(assertObjectBody(ctx.body));
  if (!parsed.success) throw invalidRequest(`Invalid free/busy request: ${describeIssues(parsed.error)}`);
  const body = parsed.data;
  const window = { start: new Date(body.start_time * 1000), end: new Date(body.end_time * 1000) };

  const normalised = body.emails.map((e) => e.trim().toLowerCase());
  const grants = await db.sandboxGrant.findMany({ where: { email: { in: normalised } } });
  const grantOf = new Map(grants.map((g) => [g.email, g]));

  const entries = await Promise.all(
    body.emails.map(async (email, i): Promise<FreeBusyEntry> => {
      const grant = grantOf.get(normalised[i]!);
      if (!grant) return { email, object: "error", error: `Unable to find a calendar for ${email}: it has no connected grant in the sandbox.` };
      if (grantStatusOf(grant) !== "valid") {
        return { email, object: "error", error: `Unable to read the calendar of ${email}: its grant is invalid and must be re-authenticated.` };
      }
      const slots = toBusySlots(await busyOf(grant.id, window), { start: body.start_time, end: body.end_time });
      return {
        email,
        object: "free_busy",
        time_slots: slots.map((s) => ({ start_time: s.start, end_time: s.end, status: "busy", object: "time_slot" })),
      };
    }),
  );
  return data(entries);
}
