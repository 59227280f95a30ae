import { describe, expect, it } from "vitest";
import { explainAssignment, rankMembers, readAssignment, type ExplainInput, type MemberInput } from "@/lib/assignment/explain";

const SARAH = "sarah.kim@northwind.example";
const MARCUS = "marcus.johnson@northwind.example";
const PRIYA = "priya.patel@northwind.example";
const ANA = "ana.silva@northwind.example";

function member(email: string, name: string, position: number, lastBookedAt: string | null, overrides: Partial<MemberInput> = {}): MemberInput {
  return { email, name, position, lastBookedAt: lastBookedAt ? new Date(lastBookedAt) : null, weekCount: 0, weeklyCap: null, blocked: false, ...overrides };
}

/** Panel order Sarah, Marcus, Priya, Ana; round-robin order Marcus, Priya (never booked), Ana, Sarah. */
const PANEL: MemberInput[] = [
  member(SARAH, "Sarah Kim", 0, "2026-03-01T15:00:00Z"),
  member(MARCUS, "Marcus Johnson", 1, null),
  member(PRIYA, "Priya Patel", 2, null),
  member(ANA, "Ana Silva", 3, "2026-02-01T15:00:00Z"),
];

function withMember(email: string, overrides: Partial<MemberInput>): MemberInput[] {
  return PANEL.map((m) => (m.email === email ? { ...m, ...overrides } : m));
}

function explain(overrides: Partial<ExplainInput> = {}) {
  return explainAssignment({
    method: "max-fairness",
    slot: { start: new Date("2026-03-10T15:00:00Z"), end: new Date("2026-03-10T15:45:00Z") },
    members: PANEL,
    chosenEmail: MARCUS,
    busyEmails: new Set(),
    freeBusyError: null,
    now: new Date("2026-03-09T12:00:00Z"),
    ...overrides,
  });
}

const statuses = (record: ReturnType<typeof explain>) => record.members.map((m) => [m.email, m.status, m.detail]);

describe("rankMembers", () => {
  it("puts the never booked first, then the least recently booked, ties by panel position", () => {
    const members = [
      { id: "recent", lastBookedAt: new Date("2026-03-05T00:00:00Z"), position: 0 },
      { id: "never-b", lastBookedAt: null, position: 4 },
      { id: "old-b", lastBookedAt: new Date("2026-01-01T00:00:00Z"), position: 3 },
      { id: "never-a", lastBookedAt: null, position: 1 },
      { id: "old-a", lastBookedAt: new Date("2026-01-01T00:00:00Z"), position: 2 },
    ];
    expect(rankMembers(members).map((m) => m.id)).toEqual(["never-a", "never-b", "old-a", "old-b", "recent"]);
  });

  it("returns a new list and leaves the input in panel order", () => {
    const ranked = rankMembers(PANEL);
    expect(ranked.map((m) => m.email)).toEqual([MARCUS, PRIYA, ANA, SARAH]);
    expect(PANEL.map((m) => m.email)).toEqual([SARAH, MARCUS, PRIYA, ANA]);
  });
});

describe("explainAssignment", () => {
  it("records the method, times, ranked members, chosen interviewer and verdict", () => {
    expect(explain({ busyEmails: new Set([SARAH]), freeBusyError: "Nylas could not read some calendars: x" })).toStrictEqual({
      version: 1,
      method: "max-fairness",
      computedAt: "2026-03-09T12:00:00.000Z",
      slot: { start: "2026-03-10T15:00:00.000Z", end: "2026-03-10T15:45:00.000Z" },
      members: [
        { email: MARCUS, name: "Marcus Johnson", rank: 1, lastBookedAt: null, status: "chosen", detail: null },
        { email: PRIYA, name: "Priya Patel", rank: 2, lastBookedAt: null, status: "free", detail: null },
        { email: ANA, name: "Ana Silva", rank: 3, lastBookedAt: "2026-02-01T15:00:00.000Z", status: "free", detail: null },
        { email: SARAH, name: "Sarah Kim", rank: 4, lastBookedAt: "2026-03-01T15:00:00.000Z", status: "busy", detail: null },
      ],
      chosenEmail: MARCUS,
      freeBusyError: "Nylas could not read some calendars: x",
      verdict: "Marcus Johnson was first in line (never booked in this role); max fairness offers only their free times and books them.",
    });
  });

  describe("member status", () => {
    it("is capped at or over the weekly cap, saying how many, and not below it", () => {
      const members = PANEL.map((m) =>
        m.email === PRIYA ? { ...m, weekCount: 5, weeklyCap: 5 } : m.email === ANA ? { ...m, weekCount: 6, weeklyCap: 5 } : m.email === SARAH ? { ...m, weekCount: 4, weeklyCap: 5 } : m,
      );
      expect(statuses(explain({ members }))).toEqual([
        [MARCUS, "chosen", null],
        [PRIYA, "capped", "5 of 5 interviews that week"],
        [ANA, "capped", "6 of 5 interviews that week"],
        [SARAH, "free", null],
      ]);
    });

    it("names the block, not the count, when a block outlives the count that set it (a cancellation, a raised cap)", () => {
      expect(statuses(explain({ members: withMember(PRIYA, { blocked: true, weeklyCap: 5, weekCount: 2 }) }))[1]).toEqual([PRIYA, "capped", "load cap block on their calendar"]);
    });

    it("is capped by a load-cap block on their calendar when they have no cap of their own", () => {
      expect(statuses(explain({ members: withMember(PRIYA, { blocked: true, weekCount: 9 }) }))[1]).toEqual([PRIYA, "capped", "load cap block on their calendar"]);
    });

    it("ignores the week's count when there is no cap", () => {
      expect(statuses(explain({ members: withMember(PRIYA, { weekCount: 50 }) }))[1]).toEqual([PRIYA, "free", null]);
    });

    it("is busy or free from Nylas's free/busy, and unknown when that failed", () => {
      expect(statuses(explain({ busyEmails: new Set([PRIYA, SARAH]) })).map(([, status]) => status)).toEqual(["chosen", "busy", "free", "busy"]);
      expect(statuses(explain({ busyEmails: null })).map(([, status]) => status)).toEqual(["chosen", "unknown", "unknown", "unknown"]);
    });

    it("is capped rather than busy or unknown", () => {
      const members = withMember(PRIYA, { weekCount: 3, weeklyCap: 3 });
      expect(statuses(explain({ members, busyEmails: new Set([PRIYA]) }))[1]![1]).toBe("capped");
      expect(statuses(explain({ members, busyEmails: null }))[1]![1]).toBe("capped");
    });

    it("is chosen for the chosen interviewer even when Nylas had them busy", () => {
      expect(statuses(explain({ chosenEmail: ANA, busyEmails: new Set([ANA]) }))[2]).toEqual([ANA, "chosen", null]);
    });
  });

  describe("verdict", () => {
    it("first in line under max fairness", () => {
      expect(explain().verdict).toBe("Marcus Johnson was first in line (never booked in this role); max fairness offers only their free times and books them.");
    });

    it("first in line under max availability", () => {
      expect(explain({ method: "max-availability" }).verdict).toBe("Marcus Johnson was first in line (never booked in this role) and free.");
    });

    it("first in line having been booked before", () => {
      const members = [PANEL[0]!, PANEL[3]!];
      expect(explain({ members, chosenEmail: ANA, method: "max-availability" }).verdict).toBe("Ana Silva was first in line (least recently booked in this role) and free.");
      expect(explain({ members, chosenEmail: ANA }).verdict).toBe("Ana Silva was first in line (least recently booked in this role); max fairness offers only their free times and books them.");
    });

    it("everyone ahead was busy or at their cap", () => {
      const members = withMember(PRIYA, { weekCount: 2, weeklyCap: 2 });
      expect(explain({ members, chosenEmail: ANA, busyEmails: new Set([MARCUS]) }).verdict).toBe("Marcus Johnson was busy, Priya Patel was at their weekly cap, so Ana Silva (next in line) got it.");
    });

    it("everyone ahead was capped by a block, with free/busy unknown", () => {
      const members = withMember(MARCUS, { blocked: true });
      expect(explain({ members, chosenEmail: PRIYA, busyEmails: null }).verdict).toBe("Marcus Johnson was at their weekly cap, so Priya Patel (next in line) got it.");
    });

    it("free/busy is unknown for someone ahead", () => {
      const members = withMember(MARCUS, { weekCount: 1, weeklyCap: 1 });
      expect(explain({ members, chosenEmail: SARAH, busyEmails: null }).verdict).toBe("Sarah Kim got it; whether Priya Patel, Ana Silva (ahead in line) were free is unknown.");
    });

    it("someone ahead was free", () => {
      expect(explain({ chosenEmail: PRIYA }).verdict).toBe(
        "Priya Patel got it although Marcus Johnson ranked ahead and was free at that time (Nylas ranks by its own booking records for this configuration).",
      );
    });

    it("several ahead were free, naming only the free ones", () => {
      expect(explain({ chosenEmail: SARAH, busyEmails: new Set([PRIYA]) }).verdict).toBe(
        "Sarah Kim got it although Marcus Johnson, Ana Silva ranked ahead and were free at that time (Nylas ranks by its own booking records for this configuration).",
      );
    });

    it("the chosen interviewer is not on the panel", () => {
      const record = explain({ chosenEmail: "zoe@northwind.example" });
      expect(record.verdict).toBe("zoe@northwind.example is not on this panel (any more).");
      expect(record.chosenEmail).toBe("zoe@northwind.example");
      expect(record.members.map((m) => m.status)).toEqual(["free", "free", "free", "free"]);
    });

    it("no interviewer was assigned", () => {
      const record = explain({ chosenEmail: null });
      expect(record.verdict).toBe("No interviewer was assigned.");
      expect(record.members.map((m) => m.status)).toEqual(["free", "free", "free", "free"]);
    });
  });
});

describe("readAssignment", () => {
  const record = explain({ chosenEmail: SARAH, busyEmails: new Set([MARCUS]) });

  it("reads back what explainAssignment stored", () => {
    expect(readAssignment(JSON.parse(JSON.stringify(record)))).toStrictEqual(record);
  });

  it.each([
    { name: "nothing stored", value: null },
    { name: "a string", value: "assignment" },
    { name: "an empty object", value: {} },
    { name: "another version", value: { ...record, version: 2 } },
    { name: "members that are not a list", value: { ...record, members: {} } },
    { name: "no method", value: { ...record, method: undefined } },
    { name: "no slot", value: { ...record, slot: null } },
    { name: "no verdict", value: { ...record, verdict: 42 } },
  ])("is null for $name", ({ value }) => {
    expect(readAssignment(value)).toBeNull();
  });
});
