import { listFreeStarts } from "./list-free-starts";
import { sortParticipantsByRank } from "./round-robin";
import { createSlotRules } from "./slot-rules";
import type { AvailabilityInput, AvailabilityResult, TimeSlot } from "./types";

/**
 * Bookable slots for a configuration. max-fairness offers the first-ranked member's free times,
 * max-availability every time any member is free (emails in rank order), collective only times
 * when every member is free (emails in configuration order). Throws RangeError on invalid numbers
 * or open-hours strings.
 */
export function computeAvailability(input: AvailabilityInput): AvailabilityResult {
  const rules = createSlotRules(input);
  const { participants, method } = input;

  if (method === "collective") {
    if (participants.length === 0) return { order: [], slots: [] };
    const emails = participants.map((participant) => participant.email);
    // Counting per start works because each member's free starts are unique.
    const freeCount = new Map<number, number>();
    for (const participant of participants) {
      const starts = listFreeStarts(participant, rules);
      if (starts.length === 0) return { order: [], slots: [] };
      for (const start of starts) freeCount.set(start, (freeCount.get(start) ?? 0) + 1);
    }
    const slots: TimeSlot[] = [];
    for (const [start, count] of freeCount) {
      if (count === participants.length) slots.push({ start, end: start + rules.durationMs, emails: [...emails] });
    }
    slots.sort((a, b) => a.start - b.start);
    return { order: [], slots };
  }

  const ranked = sortParticipantsByRank(participants);
  const order = ranked.map((participant) => participant.email);
  const first = ranked[0];
  if (first === undefined) return { order, slots: [] };

  if (method === "max-fairness") {
    const slots = listFreeStarts(first, rules).map((start) => ({ start, end: start + rules.durationMs, emails: [first.email] }));
    return { order, slots };
  }

  // Visiting members in rank order makes each slot's email list come out in rank order.
  const emailsByStart = new Map<number, string[]>();
  for (const participant of ranked) {
    for (const start of listFreeStarts(participant, rules)) {
      const emails = emailsByStart.get(start);
      if (emails === undefined) emailsByStart.set(start, [participant.email]);
      else emails.push(participant.email);
    }
  }
  const slots: TimeSlot[] = [];
  for (const [start, emails] of emailsByStart) slots.push({ start, end: start + rules.durationMs, emails });
  slots.sort((a, b) => a.start - b.start);
  return { order, slots };
}
