import { normalizeEmail } from "@/lib/utils";
import { isParticipantFree } from "./is-participant-free";
import { listCandidateStarts } from "./list-free-starts";
import { sortParticipantsByRank } from "./round-robin";
import { createSlotRules, narrowSlotRules, type SlotRules } from "./slot-rules";
import type { AvailabilityInput, ChooseHostResult, EngineParticipant, HostDecision, Interval, ParticipantStatus } from "./types";

type MemberStatus = { participant: EngineParticipant; status: ParticipantStatus };

/**
 * Whether computeAvailability would generate this exact slot for the member. Running the real
 * candidate generator over a range that admits only this slot keeps alignment, notice and
 * booking-window rules identical to the full computation instead of re-implementing them.
 */
function isOnSlotGrid(participant: EngineParticipant, slot: Interval, rules: SlotRules): boolean {
  if (slot.end - slot.start !== rules.durationMs) return false;
  return listCandidateStarts(participant.openHours, narrowSlotRules(rules, slot.start, slot.end)).includes(slot.start);
}

function evaluateMember(participant: EngineParticipant, slot: Interval, rules: SlotRules, input: AvailabilityInput): ParticipantStatus {
  const status = isParticipantFree(participant, slot, input.buffer);
  if (status !== "free") return status;
  // Free in principle but not a bookable start for them (misaligned, too soon, outside the booking window).
  return isOnSlotGrid(participant, slot, rules) ? "free" : "outside_open_hours";
}

function settle(decision: HostDecision, host: EngineParticipant | undefined): ChooseHostResult {
  if (host === undefined) return { ok: false, reason: "slot_unavailable", decision };
  decision.chosen = host.email;
  return { ok: true, email: host.email, decision };
}

/**
 * Re-evaluates one slot at booking time and picks who hosts it. The slot must be one that
 * computeAvailability would offer for the same input. The decision record always lists who was
 * free and why everyone else was passed over, so bookings can be audited later.
 */
export function chooseHost(input: AvailabilityInput, slot: { start: number; end: number }, requestedEmail?: string): ChooseHostResult {
  const rules = createSlotRules(input);
  const { method } = input;
  const collective = method === "collective";
  // Collective decisions follow configuration order, round-robin ones follow the ranking.
  const members = collective ? [...input.participants] : sortParticipantsByRank(input.participants);
  const statuses: MemberStatus[] = members.map((participant) => ({
    participant,
    status: evaluateMember(participant, slot, rules, input),
  }));

  const decision: HostDecision = {
    method,
    order: collective ? [] : members.map((participant) => participant.email),
    slotStart: slot.start,
    slotEnd: slot.end,
    free: statuses.filter(({ status }) => status === "free").map(({ participant }) => participant.email),
    skipped: [],
    chosen: null,
  };

  const requestedKey = requestedEmail !== undefined && requestedEmail.trim() !== "" ? normalizeEmail(requestedEmail) : null;
  const requested = requestedKey === null ? undefined : members.find((participant) => normalizeEmail(participant.email) === requestedKey);

  if (requestedKey !== null && requested === undefined) {
    for (const { participant, status } of statuses) {
      if (status !== "free") decision.skipped.push({ email: participant.email, reason: status });
    }
    return { ok: false, reason: "unknown_participant", decision };
  }

  if (collective) {
    for (const { participant, status } of statuses) {
      if (status !== "free") decision.skipped.push({ email: participant.email, reason: status });
    }
    const everyoneFree = members.length > 0 && decision.skipped.length === 0;
    return settle(decision, everyoneFree ? members[0] : undefined);
  }

  if (method === "max-fairness") {
    const first = statuses[0];
    for (const { participant, status } of statuses) {
      if (participant !== first?.participant) decision.skipped.push({ email: participant.email, reason: "not_first_ranked" });
      else if (status !== "free") decision.skipped.push({ email: participant.email, reason: status });
    }
    const hostable = first !== undefined && first.status === "free" && (requested === undefined || requested === first.participant);
    return settle(decision, hostable ? first.participant : undefined);
  }

  // max-availability: a requested member overrides the ranking, but only if they are free.
  if (requested !== undefined) {
    let host: EngineParticipant | undefined;
    for (const { participant, status } of statuses) {
      if (participant === requested && status === "free") host = participant;
      else decision.skipped.push({ email: participant.email, reason: status === "free" ? "not_requested" : status });
    }
    return settle(decision, host);
  }

  let host: EngineParticipant | undefined;
  for (const { participant, status } of statuses) {
    if (status === "free" && host === undefined) host = participant;
    else decision.skipped.push({ email: participant.email, reason: status === "free" ? "not_first_ranked" : status });
  }
  return settle(decision, host);
}
