/**
 * Reads for the /sandbox console (sandbox mode only): every simulated notetaker with the booking it
 * records, its state and its history. The console is part of the sandbox, so it reads the
 * sandbox's tables; it also looks up which of the app's interviews each notetaker belongs to, to link there.
 */
import "server-only";
import { db } from "@/lib/db";
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
