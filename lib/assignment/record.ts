/**
 * Records why an interview went to whom (interviews.assignment), once per booking and again when a
 * reschedule moves it or changes its interviewer. Free/busy comes from Nylas through the SDK
 * (`POST /v3/grants/{grant}/calendars/free-busy`, the configuration's grant); rankings and caps
 * from the app's own records. A free/busy failure is recorded, not retried: the rest still explains.
 */
import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { getEnv } from "@/lib/env";
import { describeNylasError, getNylas } from "@/lib/nylas/client";
import { explainAssignment, readAssignment, type AssignmentRecord } from "./explain";

const FREE_BUSY_TIMEOUT_S = 15;

type Writer = { interview: Pick<Prisma.TransactionClient["interview"], "update"> };

/** Stores a worked-out assignment on its interview. */
export async function saveAssignment(client: Writer, interviewId: string, record: AssignmentRecord): Promise<void> {
  await client.interview.update({ where: { id: interviewId }, data: { assignment: record as unknown as Prisma.InputJsonValue } });
}

/** Work out and store the assignment when it is missing or out of date; returns it (or null). */
export async function recordAssignment(interviewId: string, now = new Date()): Promise<AssignmentRecord | null> {
  const result = await workOutAssignment(interviewId, now);
  if (result?.isNew) await saveAssignment(db, interviewId, result.record);
  return result?.record ?? null;
}

/**
 * The interview's assignment: the stored one when it still describes the interview (isNew false),
 * else worked out again (isNew true, to be saved). null for an interview without one (cancelled,
 * not yet booked, of no known role).
 */
export async function workOutAssignment(interviewId: string, now = new Date()): Promise<{ record: AssignmentRecord; isNew: boolean } | null> {
  const interview = await db.interview.findUnique({
    where: { id: interviewId },
    select: {
      id: true,
      status: true,
      startsAt: true,
      endsAt: true,
      interviewerEmail: true,
      configurationId: true,
      createdAt: true,
      assignment: true,
      application: {
        select: {
          role: {
            select: {
              id: true,
              panel: {
                select: {
                  availabilityMethod: true,
                  bufferBeforeMinutes: true,
                  bufferAfterMinutes: true,
                  members: { orderBy: { position: "asc" }, select: { position: true, interviewer: { select: { id: true, name: true, email: true, timezone: true, weeklyCap: true } } } },
                },
              },
              configurations: { where: { apiUri: getEnv().nylasApiUri }, select: { grantId: true } },
            },
          },
        },
      },
    },
  });
  if (!interview || !interview.startsAt || !interview.endsAt || !interview.application || interview.status === "CANCELLED") return null;
  const existing = readAssignment(interview.assignment);
  if (existing && existing.chosenEmail === interview.interviewerEmail && existing.slot.start === interview.startsAt.toISOString()) return { record: existing, isNew: false };

  const role = interview.application.role;
  const panel = role.panel;
  const members = panel.members.map((m) => m.interviewer);
  const emails = members.map((m) => m.email);
  const slot = { start: interview.startsAt, end: interview.endsAt };

  // Last booked in this role before this interview (bookings active then; cancelled later still count).
  const lastBooked = await db.$queryRaw<{ email: string; last: Date | null }[]>`
    SELECT i.email, max(v.created_at) AS last
      FROM interviewers i
      LEFT JOIN interviews v ON v.interviewer_id = i.id AND v.id <> ${interview.id}::uuid AND v.created_at < ${interview.createdAt}
           AND (v.status <> 'CANCELLED' OR v.cancelled_at > ${interview.createdAt})
           AND v.application_id IN (SELECT a.id FROM applications a WHERE a.role_id = ${role.id}::uuid)
     WHERE i.email = ANY(${emails})
     GROUP BY i.email`;
  // Interviews each had in the week of this one (their own time zone, across every panel), and cap blocks.
  const weekCounts = await db.$queryRaw<{ email: string; count: number }[]>`
    SELECT i.email, count(v.id)::int AS count
      FROM interviewers i
      LEFT JOIN interviews v ON v.interviewer_id = i.id AND v.id <> ${interview.id}::uuid AND v.status <> 'CANCELLED'
           AND date_trunc('week', v.starts_at AT TIME ZONE i.timezone) = date_trunc('week', ${slot.start}::timestamptz AT TIME ZONE i.timezone)
     WHERE i.email = ANY(${emails})
     GROUP BY i.email`;
  const blocks = await db.loadCapBlock.findMany({
    where: { apiUri: getEnv().nylasApiUri, interviewerId: { in: members.map((m) => m.id) }, weekStart: { lte: slot.start }, weekEnd: { gt: slot.start } },
    select: { interviewerId: true },
  });
  const blocked = new Set(blocks.map((b) => b.interviewerId));

  let busyEmails: Set<string> | null = null;
  let freeBusyError: string | null = null;
  const grantId = getEnv().NYLAS_GRANT_ID ?? role.configurations[0]?.grantId ?? null;
  if (!grantId) {
    freeBusyError = "The role has no Nylas configuration yet, so there is no grant to ask.";
  } else {
    try {
      const response = await getNylas().calendars.getFreeBusy({
        identifier: grantId,
        requestBody: {
          startTime: Math.floor((slot.start.getTime() - panel.bufferBeforeMinutes * 60_000) / 1000),
          endTime: Math.ceil((slot.end.getTime() + panel.bufferAfterMinutes * 60_000) / 1000),
          emails,
        },
        overrides: { timeout: FREE_BUSY_TIMEOUT_S },
      });
      busyEmails = new Set();
      const errors: string[] = [];
      for (const entry of response.data) {
        if ("timeSlots" in entry) {
          if (entry.timeSlots.some((t) => t.status === "busy")) busyEmails.add(entry.email.toLowerCase());
        } else {
          errors.push(`${entry.email}: ${entry.error}`);
        }
      }
      if (errors.length > 0) freeBusyError = `Nylas could not read some calendars: ${errors.join("; ")}`;
    } catch (error) {
      freeBusyError = `Nylas's free/busy call failed: ${describeNylasError(error)}`;
    }
  }

  const record = explainAssignment({
    method: panel.availabilityMethod === "MAX_FAIRNESS" ? "max-fairness" : "max-availability",
    slot,
    members: panel.members.map((m) => ({
      email: m.interviewer.email,
      name: m.interviewer.name,
      position: m.position,
      lastBookedAt: lastBooked.find((l) => l.email === m.interviewer.email)?.last ?? null,
      weekCount: weekCounts.find((w) => w.email === m.interviewer.email)?.count ?? 0,
      weeklyCap: m.interviewer.weeklyCap,
      blocked: blocked.has(m.interviewer.id),
    })),
    chosenEmail: interview.interviewerEmail,
    busyEmails,
    freeBusyError,
    now,
  });
  return { record, isNew: true };
}
