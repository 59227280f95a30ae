import { describe, expect, it } from "vitest";
import type { TScorecard } from "@/lib/scorecards/scorecard";
import { SCORECARD_MARKER, scorecardSummaryInstructions, stripScorecardSection } from "@/lib/scorecards/summary-instructions";
import { INSTRUCTIONS_MAX } from "@/lib/validations/settings";

const BASE = "Summarise the interview for the hiring team in plain English.";
const small: TScorecard = {
  competencies: [
    { key: "system-design", name: "System design", good: "Names the trade-offs.", cues: ["trade-offs", "scaling"] },
    { key: "communication", name: "Communication", good: "", cues: ["explains clearly"] },
  ],
};

/** 12 competencies at every maximum: far more than INSTRUCTIONS_MAX allows. */
const huge: TScorecard = {
  competencies: Array.from({ length: 12 }, (_, i) => ({
    key: `c-${i}`,
    name: `Competency ${i} `.padEnd(80, "x"),
    good: "g".repeat(500),
    cues: Array.from({ length: 12 }, (_, j) => `cue ${i}-${j} `.padEnd(60, "c")),
  })),
};

describe("scorecardSummaryInstructions", () => {
  it("appends a heading per competency with what good looks like and the cues, after the admin's text", () => {
    const text = scorecardSummaryInstructions(BASE, small);
    expect(text.startsWith(`${BASE}\n\n${SCORECARD_MARKER}\n`)).toBe(true);
    expect(text).toContain("### System design\nWhat good looks like: Names the trade-offs.\nListen for: trade-offs; scaling");
    expect(text).toContain("### Communication\nListen for: explains clearly");
    expect(text.indexOf("### System design")).toBeLessThan(text.indexOf("### Communication"));
  });

  it("works without admin text", () => {
    expect(scorecardSummaryInstructions("  ", small).startsWith(SCORECARD_MARKER)).toBe(true);
  });

  it("is idempotent: composing an already composed text replaces the section", () => {
    const once = scorecardSummaryInstructions(BASE, small);
    expect(scorecardSummaryInstructions(once, small)).toBe(once);
    expect(once.split(SCORECARD_MARKER)).toHaveLength(2);
    const changed = scorecardSummaryInstructions(once, { competencies: [small.competencies[1]!] });
    expect(changed).not.toContain("System design");
    expect(stripScorecardSection(changed)).toBe(BASE);
  });

  it("never exceeds INSTRUCTIONS_MAX, dropping cues before shortening 'good' and keeping every heading", () => {
    const text = scorecardSummaryInstructions(BASE, huge);
    expect(INSTRUCTIONS_MAX).toBe(1_500);
    expect(text.length).toBeLessThanOrEqual(INSTRUCTIONS_MAX);
    for (const c of huge.competencies) expect(text).toContain(`### ${c.name}`);
    expect(text).not.toContain("Listen for:");
    expect(text.startsWith(BASE)).toBe(true);
    expect(scorecardSummaryInstructions(text, huge)).toBe(text);
  });

  it("drops cues first: with a little too much text, every 'good' survives whole", () => {
    const full = scorecardSummaryInstructions(BASE, small, 10_000);
    const text = scorecardSummaryInstructions(BASE, small, full.length - 5);
    expect(text).toContain("What good looks like: Names the trade-offs.");
    expect(text).not.toContain("; scaling");
    expect(text.length).toBeLessThanOrEqual(full.length - 5);
  });

  it("cuts the admin's text only when the headings alone do not fit beside it", () => {
    const text = scorecardSummaryInstructions("b".repeat(1_500), huge);
    expect(text.length).toBeLessThanOrEqual(INSTRUCTIONS_MAX);
    expect(text).toContain(SCORECARD_MARKER);
    expect(text).toContain("…");
    for (const c of huge.competencies) expect(text).toContain(`### ${c.name}`);
  });

  it("is deterministic", () => {
    expect(scorecardSummaryInstructions(BASE, huge)).toBe(scorecardSummaryInstructions(BASE, structuredClone(huge)));
  });
});
