import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * Locks an interview's row for the rest of the transaction. Every job that writes an interview
 * (booking processing, the Notetaker's notifications, media downloads, uploads) takes this lock
 * first, so none of them writes over what another has just committed from a stale read.
 */
export async function lockInterview(tx: Prisma.TransactionClient, interviewId: string): Promise<void> {
  await tx.$queryRaw`SELECT id FROM interviews WHERE id = ${interviewId}::uuid FOR UPDATE`;
}

/**
 * Serialises everything done for one booking id for the rest of the transaction (a transaction-level
 * advisory lock, so it holds before the interview row exists): booking processing, and an erasure
 * that must not race a booking of the candidate it erases.
 */
export async function lockBooking(tx: Prisma.TransactionClient, bookingId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`booking:${bookingId}`}, 0))`;
}

/** Transactions that write transcripts (up to 50,000 lines) get more than Prisma's 5 s default. */
export const LONG_TRANSACTION = { maxWait: 15_000, timeout: 120_000 } as const;
