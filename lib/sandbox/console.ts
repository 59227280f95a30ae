/**
 * The /sandbox console (sandbox mode only): every simulated notetaker with the booking it records,
 * its state and its history; and the sandbox's calendars (whether each of the app's interviewers
 * has connected one), which the console connects, expires and disconnects. The console is part of
 * the sandbox, so it reads the sandbox's tables; it also looks up which of the app's interviews
 * each notetaker belongs to, to link there. Its Outbox lists every message the sandbox's grants
 * sent, newest first, each body read as plain text (an email's HTML never reaches the page).
 */
import "server-only";
import { db } from "@/lib/db";
import type { TConsoleCalendar } from "./console-validation";
import { notFound } from "./errors";
import { decodeProvider, type GrantStatus } from "./grant-rules";
import { connectSandboxGrant, deleteSandboxGrant, findGrantByEmail, setSandboxGrantStatus } from "./grants";
import { htmlToText, type EmailName } from "./message-rules";
import { canRunNow } from "./notetaker-lifecycle";

export const CONSOLE_PAGE_SIZE = 25;

export type ConsoleNotetaker = {
  id: string;
  name: string;
  state: string;
  meetingState: string | null;
  outcome: string;
  joinTime: Date;
  leaveTime: Date;
  nextStepAt: Date | null;
  mediaExpiresAt: Date | null;
  sampleId: string;
  isDeleted: boolean;
  canRun: boolean;
  booking: { guestName: string; guestEmail: string; hostEmail: string; status: string } | null;
  interviewId: string | null;
  history: { id: string; at: Date; eventType: string; state: string; meetingState: string | null }[];
};

export async function listConsoleNotetakers(page = 1): Promise<{ rows: ConsoleNotetaker[]; total: number; page: number; pageCount: number }> {
  const total = await db.sandboxNotetaker.count();
  const pageCount = Math.max(1, Math.ceil(total / CONSOLE_PAGE_SIZE));
  const current = Math.min(Math.max(1, Math.trunc(page) || 1), pageCount);
  const notetakers = await db.sandboxNotetaker.findMany({
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    skip: (current - 1) * CONSOLE_PAGE_SIZE,
    take: CONSOLE_PAGE_SIZE,
    include: { events: { orderBy: [{ at: "asc" }, { createdAt: "asc" }], select: { id: true, at: true, eventType: true, state: true, meetingState: true } } },
  });
  const bookingIds = notetakers.flatMap((n) => (n.bookingId ? [n.bookingId] : []));
  const [bookings, interviews] = await Promise.all([
    db.sandboxBooking.findMany({ where: { id: { in: bookingIds } }, select: { id: true, guestName: true, guestEmail: true, hostEmail: true, status: true } }),
    db.interview.findMany({ where: { notetakerId: { in: notetakers.map((n) => n.id) } }, select: { id: true, notetakerId: true } }),
  ]);
  const bookingOf = new Map(bookings.map((b) => [b.id, b]));
  const interviewOf = new Map(interviews.map((i) => [i.notetakerId, i.id]));
  return {
    total,
    page: current,
    pageCount,
    rows: notetakers.map((n) => {
      const booking = n.bookingId ? bookingOf.get(n.bookingId) : undefined;
      return {
        id: n.id,
        name: n.name,
        state: n.state,
        meetingState: n.meetingState,
        outcome: n.outcome,
        joinTime: n.joinTime,
        leaveTime: n.leaveTime,
        nextStepAt: n.nextStepAt,
        mediaExpiresAt: n.mediaExpiresAt,
        sampleId: n.sampleId,
        isDeleted: n.deletedAt !== null,
        canRun: n.deletedAt === null && canRunNow(n.state),
        booking: booking ? { guestName: booking.guestName, guestEmail: booking.guestEmail, hostEmail: booking.hostEmail, status: booking.status } : null,
        interviewId: interviewOf.get(n.id) ?? null,
        history: n.events,
      };
    }),
  };
}

export type ConsoleCalendar = {
  /** normalised: the row's key and what its actions send */
  email: string;
  name: string;
  timezone: string;
  /** the sandbox grant of the email: "none" when it never connected a calendar (or was disconnected) */
  grantStatus: GrantStatus | "none";
  /** one of the app's interviewers (else a grant connected for another email) */
  isInterviewer: boolean;
};

/**
 * Every interviewer of the app with the status of their sandbox grant (matched by email), then
 * the sandbox's other grants, each group by name.
 */
export async function listConsoleCalendars(): Promise<ConsoleCalendar[]> {
  const [interviewers, grants] = await Promise.all([
    db.interviewer.findMany({ orderBy: [{ name: "asc" }, { id: "asc" }], select: { name: true, email: true, timezone: true } }),
    db.sandboxGrant.findMany({ orderBy: [{ name: "asc" }, { email: "asc" }], select: { email: true, name: true, timezone: true, provider: true } }),
  ]);
  const grantOf = new Map(grants.map((g) => [g.email, g]));
  const rows: ConsoleCalendar[] = interviewers.map((i) => {
    const email = i.email.trim().toLowerCase();
    const grant = grantOf.get(email);
    grantOf.delete(email);
    return { email, name: i.name, timezone: i.timezone, grantStatus: grant ? decodeProvider(grant.provider).status : "none", isInterviewer: true };
  });
  for (const g of grantOf.values()) rows.push({ email: g.email, name: g.name, timezone: g.timezone, grantStatus: decodeProvider(g.provider).status, isInterviewer: false });
  return rows;
}

/**
 * One "Calendars" action of the console, by email; answers whose calendar it was, for the message.
 * "connect" is POST /v3/sandbox/grants (an interviewer's name and time zone are the defaults),
 * "invalidate" is PATCH /v3/sandbox/grants/{id} with "invalid", "disconnect" is DELETE /v3/grants/{id}.
 */
export async function updateConsoleCalendar(input: TConsoleCalendar): Promise<{ name: string }> {
  const { intent, email } = input;
  if (intent === "connect") {
    const interviewer = await db.interviewer.findUnique({ where: { email }, select: { name: true, timezone: true } });
    const grant = await connectSandboxGrant({ email, name: input.name ?? interviewer?.name, timezone: input.timezone ?? interviewer?.timezone });
    return { name: grant.name };
  }
  const grant = await findGrantByEmail(email);
  if (!grant) throw notFound(`${email} has no connected calendar.`);
  if (intent === "invalidate") await setSandboxGrantStatus(grant.id, "invalid");
  else await deleteSandboxGrant(grant.id);
  return { name: grant.name };
}

export type ConsoleMessage = {
  id: string;
  from: EmailName[];
  to: EmailName[];
  cc: EmailName[];
  bcc: EmailName[];
  subject: string;
  date: Date;
  /** The body as plain text (htmlToText), to be rendered as text. */
  text: string;
};

const asEmailNames = (value: unknown): EmailName[] => (Array.isArray(value) ? (value as EmailName[]).filter((p) => p && typeof p.email === "string") : []);

/** A page of the Outbox: every grant's sent messages, newest first. */
export async function listConsoleMessages(page = 1): Promise<{ rows: ConsoleMessage[]; total: number; page: number; pageCount: number }> {
  const total = await db.sandboxMessage.count();
  const pageCount = Math.max(1, Math.ceil(total / CONSOLE_PAGE_SIZE));
  const current = Math.min(Math.max(1, Math.trunc(page) || 1), pageCount);
  const messages = await db.sandboxMessage.findMany({ orderBy: [{ date: "desc" }, { id: "desc" }], skip: (current - 1) * CONSOLE_PAGE_SIZE, take: CONSOLE_PAGE_SIZE });
  return {
    total,
    page: current,
    pageCount,
    rows: messages.map((m) => ({
      id: m.id,
      from: asEmailNames(m.from),
      to: asEmailNames(m.to),
      cc: asEmailNames(m.cc),
      bcc: asEmailNames(m.bcc),
      subject: m.subject,
      date: m.date,
      text: htmlToText(m.body),
    })),
  };
}
