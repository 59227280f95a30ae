import type { EngineParticipant } from "./types";

/**
 * Participants in round-robin order: never booked first, then least recently booked. Array.sort is
 * stable, so ties keep configuration order, which is the documented tie-breaker.
 */
export function sortParticipantsByRank<T extends Pick<EngineParticipant, "lastBookedAt">>(participants: readonly T[]): T[] {
  return [...participants].sort((a, b) => {
    if (a.lastBookedAt === b.lastBookedAt) return 0;
    if (a.lastBookedAt === null) return -1;
    if (b.lastBookedAt === null) return 1;
    return a.lastBookedAt - b.lastBookedAt;
  });
}

/** Emails, best-ranked (next in line for a booking) first. */
export function rankParticipants(participants: EngineParticipant[]): string[] {
  return sortParticipantsByRank(participants).map((participant) => participant.email);
}
