import { describe, expect, it } from "vitest";
import { chooseHost, computeAvailability, rankParticipants, type EngineParticipant } from "@/lib/scheduling";
import { MINUTE, MONDAY, input, person } from "./fixtures";

describe("rankParticipants", () => {
  const cases: { name: string; lastBooked: (number | null)[]; expected: string[] }[] = [
    { name: "keeps configuration order when nobody has been booked", lastBooked: [null, null, null], expected: ["p0", "p1", "p2"] },
    { name: "puts never-booked members before booked ones", lastBooked: [5, null, 1], expected: ["p1", "p2", "p0"] },
    { name: "orders booked members by oldest booking first", lastBooked: [30, 10, 20], expected: ["p1", "p2", "p0"] },
    { name: "breaks equal booking times by configuration order", lastBooked: [10, 10, null, 10], expected: ["p2", "p0", "p1", "p3"] },
    { name: "returns an empty ranking for an empty panel", lastBooked: [], expected: [] },
  ];
  it.each(cases)("$name", ({ lastBooked, expected }) => {
    const participants = lastBooked.map((lastBookedAt, index) => person(`p${index}`, { lastBookedAt }));
    const before = participants.map((participant) => participant.email);
    expect(rankParticipants(participants)).toEqual(expected);
    expect(participants.map((participant) => participant.email)).toEqual(before);
  });

  it.each([1, 4, 9])("rotates max-fairness through all members over %i successive bookings", (bookings) => {
    const panel: EngineParticipant[] = ["d@example.com", "a@example.com", "c@example.com", "b@example.com"].map((email) => person(email));
    const hosts: string[] = [];
    for (let booking = 0; booking < bookings; booking++) {
      const request = input({ method: "max-fairness", participants: panel });
      const result = computeAvailability(request);
      const slot = result.slots[0]!;
      expect(slot.emails).toEqual([result.order[0]]);
      const chosen = chooseHost(request, slot);
      if (!chosen.ok) throw new Error(`booking ${booking} failed`);
      hosts.push(chosen.email);
      // The booking is created "now"; later bookings happen later.
      panel.find((participant) => participant.email === chosen.email)!.lastBookedAt = MONDAY + booking * MINUTE;
    }
    const cycle = ["d@example.com", "a@example.com", "c@example.com", "b@example.com"];
    expect(hosts).toEqual(Array.from({ length: bookings }, (_, i) => cycle[i % cycle.length]));
  });
});
