import { describe, expect, it } from "vitest";
import { chooseHost, computeAvailability, type AvailabilityInput, type EngineParticipant } from "@/lib/scheduling";
import { DAY, MINUTE, MONDAY, at, busy, hours, input, person } from "./fixtures";

const TEN = { start: at("2026-01-05T10:00:00Z"), end: at("2026-01-05T10:30:00Z") };

// Rank: bee (never booked), cee (older booking), ada (newest booking). ada is busy at 10:00.
function panel(): EngineParticipant[] {
  return [
    person("Ada@Example.com", { lastBookedAt: 300, busy: [busy("2026-01-05T09:45:00Z", "2026-01-05T10:15:00Z")] }),
    person("bee@example.com", { lastBookedAt: null }),
    person("cee@example.com", { lastBookedAt: 100 }),
  ];
}

function run(method: AvailabilityInput["method"], slot = TEN, requested?: string, participants = panel()) {
  return chooseHost(input({ method, participants }), slot, requested);
}

describe("chooseHost", () => {
  describe("max-fairness", () => {
    it("picks the first-ranked member and records everyone else as not first-ranked", () => {
      const result = run("max-fairness");
      expect(result).toEqual({
        ok: true,
        email: "bee@example.com",
        decision: {
          method: "max-fairness",
          order: ["bee@example.com", "cee@example.com", "Ada@Example.com"],
          slotStart: TEN.start,
          slotEnd: TEN.end,
          free: ["bee@example.com", "cee@example.com"],
          skipped: [
            { email: "cee@example.com", reason: "not_first_ranked" },
            { email: "Ada@Example.com", reason: "not_first_ranked" },
          ],
          chosen: "bee@example.com",
        },
      });
    });

    it("accepts the first-ranked member requested with different case and spacing", () => {
      const result = run("max-fairness", TEN, "  BEE@example.COM ");
      expect(result.ok && result.email).toBe("bee@example.com");
    });

    it("refuses a requested member who is free but not first-ranked", () => {
      const result = run("max-fairness", TEN, "cee@example.com");
      expect(result.ok).toBe(false);
      expect(!result.ok && result.reason).toBe("slot_unavailable");
      expect(result.decision.chosen).toBeNull();
      expect(result.decision.skipped).toContainEqual({ email: "cee@example.com", reason: "not_first_ranked" });
    });

    it("refuses the slot when the first-ranked member is busy, without falling back", () => {
      const participants = panel();
      participants[1]!.busy = [busy("2026-01-05T10:00:00Z", "2026-01-05T11:00:00Z")];
      const result = run("max-fairness", TEN, undefined, participants);
      expect(result.ok).toBe(false);
      expect(result.decision.skipped[0]).toEqual({ email: "bee@example.com", reason: "busy" });
      expect(result.decision.free).toEqual(["cee@example.com"]);
    });
  });

  describe("max-availability", () => {
    it("falls back to the best-ranked free member when the first-ranked is busy", () => {
      const participants = panel();
      participants[1]!.busy = [busy("2026-01-05T10:00:00Z", "2026-01-05T11:00:00Z")];
      const result = run("max-availability", TEN, undefined, participants);
      expect(result.ok && result.email).toBe("cee@example.com");
      expect(result.decision.free).toEqual(["cee@example.com"]);
      expect(result.decision.skipped).toEqual([
        { email: "bee@example.com", reason: "busy" },
        { email: "Ada@Example.com", reason: "busy" },
      ]);
    });

    it("marks lower-ranked free members as not first-ranked", () => {
      const result = run("max-availability");
      expect(result.ok && result.email).toBe("bee@example.com");
      expect(result.decision.skipped).toEqual([
        { email: "cee@example.com", reason: "not_first_ranked" },
        { email: "Ada@Example.com", reason: "busy" },
      ]);
    });

    it("books a requested member who is free even if not first-ranked", () => {
      const result = run("max-availability", TEN, "cee@example.com");
      expect(result.ok && result.email).toBe("cee@example.com");
      expect(result.decision.skipped).toEqual([
        { email: "bee@example.com", reason: "not_requested" },
        { email: "Ada@Example.com", reason: "busy" },
      ]);
    });

    it("refuses a requested member who is busy (buffers included)", () => {
      const participants = panel();
      participants[2]!.busy = [busy("2026-01-05T10:35:00Z", "2026-01-05T11:00:00Z")];
      const result = chooseHost(input({ method: "max-availability", participants, buffer: { before: 0, after: 10 } }), TEN, "cee@example.com");
      expect(result.ok).toBe(false);
      expect(!result.ok && result.reason).toBe("slot_unavailable");
      expect(result.decision.skipped).toContainEqual({ email: "cee@example.com", reason: "busy" });
      expect(result.decision.chosen).toBeNull();
    });

    it("returns the email as configured when requested in another case", () => {
      const slot = { start: at("2026-01-05T11:00:00Z"), end: at("2026-01-05T11:30:00Z") };
      const result = run("max-availability", slot, "ada@example.com");
      expect(result.ok && result.email).toBe("Ada@Example.com");
    });
  });

  describe("collective", () => {
    it("chooses the first configured participant when everyone is free", () => {
      const slot = { start: at("2026-01-05T11:00:00Z"), end: at("2026-01-05T11:30:00Z") };
      const result = run("collective", slot);
      expect(result.ok && result.email).toBe("Ada@Example.com");
      expect(result.decision.order).toEqual([]);
      expect(result.decision.free).toEqual(["Ada@Example.com", "bee@example.com", "cee@example.com"]);
      expect(result.decision.skipped).toEqual([]);
    });

    it("refuses the slot when any participant is busy", () => {
      const result = run("collective");
      expect(result.ok).toBe(false);
      expect(result.decision.skipped).toEqual([{ email: "Ada@Example.com", reason: "busy" }]);
    });
  });

  describe("slot validation", () => {
    const cases: { name: string; slot: { start: number; end: number }; overrides?: Partial<AvailabilityInput>; reason: string }[] = [
      { name: "misaligned start (10:05 on a 15-minute grid)", slot: { start: TEN.start + 5 * MINUTE, end: TEN.end + 5 * MINUTE }, reason: "outside_open_hours" },
      { name: "wrong duration", slot: { start: TEN.start, end: TEN.start + 45 * MINUTE }, reason: "outside_open_hours" },
      { name: "outside open hours", slot: { start: at("2026-01-05T17:00:00Z"), end: at("2026-01-05T17:30:00Z") }, reason: "outside_open_hours" },
      { name: "before the minimum notice", slot: TEN, overrides: { now: at("2026-01-05T09:45:00Z"), minBookingNoticeMinutes: 30 }, reason: "outside_open_hours" },
      {
        name: "beyond available days in future",
        slot: { start: TEN.start + 7 * DAY, end: TEN.end + 7 * DAY },
        overrides: { windowEnd: MONDAY + 14 * DAY, availableDaysInFuture: 7 },
        reason: "outside_open_hours",
      },
      { name: "outside the requested window", slot: TEN, overrides: { windowEnd: at("2026-01-05T10:15:00Z") }, reason: "outside_open_hours" },
    ];
    it.each(cases)("refuses a slot with $name", ({ slot, overrides, reason }) => {
      const participants = [person("bee@example.com"), person("cee@example.com", { lastBookedAt: 1 })];
      const result = chooseHost(input({ method: "max-availability", participants, ...overrides }), slot);
      expect(result.ok).toBe(false);
      expect(!result.ok && result.reason).toBe("slot_unavailable");
      expect(result.decision.free).toEqual([]);
      expect(result.decision.skipped).toEqual([
        { email: "bee@example.com", reason },
        { email: "cee@example.com", reason },
      ]);
    });

    it("reports an unknown requested email, whatever the method", () => {
      for (const method of ["collective", "max-fairness", "max-availability"] as const) {
        const result = run(method, TEN, "nobody@example.com");
        expect(result.ok).toBe(false);
        expect(!result.ok && result.reason).toBe("unknown_participant");
        expect(result.decision.chosen).toBeNull();
      }
    });
  });

  describe("agreement with computeAvailability", () => {
    it.each(["max-fairness", "max-availability", "collective"] as const)("%s: every offered slot can be booked by its first email, and nothing off the list can", (method) => {
      const participants: EngineParticipant[] = [
        person("ny@example.com", { openHours: [hours("America/New_York")], lastBookedAt: 5, busy: [busy("2026-01-05T15:40:00Z", "2026-01-05T16:20:00Z")] }),
        person("ldn@example.com", { openHours: [hours("Europe/London", "10:00", "18:00")], busy: [busy("2026-01-05T14:00:00Z", "2026-01-05T14:30:00Z")] }),
        person("kol@example.com", { openHours: [hours("Asia/Kolkata", "12:00", "22:00")], lastBookedAt: 1 }),
      ];
      const request = input({ method, participants, roundTo: 20, intervalMinutes: 10, buffer: { before: 5, after: 10 }, now: at("2026-01-05T10:03:00Z"), minBookingNoticeMinutes: 45 });
      const offered = computeAvailability(request).slots;
      expect(offered.length).toBeGreaterThan(0);
      const offeredStarts = new Set(offered.map((slot) => slot.start));
      for (const slot of offered) {
        const result = chooseHost(request, slot);
        expect(result.ok && result.email).toBe(slot.emails[0]);
      }
      for (let start = MONDAY; start < MONDAY + DAY; start += 5 * MINUTE) {
        if (offeredStarts.has(start)) continue;
        expect(chooseHost(request, { start, end: start + 30 * MINUTE }).ok).toBe(false);
      }
    });
  });
});
