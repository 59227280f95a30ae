import { describe, expect, it } from "vitest";
import { toFieldErrors } from "@/lib/actions/state";
import { slugifyCompetencyKey, ZScorecard } from "@/lib/scorecards/scorecard";

const competency = (over: Record<string, unknown> = {}) => ({ key: "system-design", name: "System design", good: "Names the trade-offs.", cues: ["trade-offs", "scaling"], ...over });

function errorsOf(input: unknown): Record<string, string> {
  const result = ZScorecard.safeParse(input);
  if (result.success) throw new Error("expected the scorecard to be rejected");
  return toFieldErrors(result.error);
}

describe("slugifyCompetencyKey", () => {
  it("lowercases, drops diacritics and joins words with single hyphens", () => {
    expect(slugifyCompetencyKey("System design & Trade-offs")).toBe("system-design-trade-offs");
    expect(slugifyCompetencyKey("  Café   Résumé ")).toBe("cafe-resume");
  });

  it("answers empty when the name has no letter or digit", () => {
    expect(slugifyCompetencyKey("!!! ???")).toBe("");
  });

  it("keeps at most 64 characters without a trailing hyphen", () => {
    const key = slugifyCompetencyKey(`${"a".repeat(63)} b`);
    expect(key).toBe("a".repeat(63));
  });
});

describe("ZScorecard", () => {
  it("accepts a valid scorecard", () => {
    const parsed = ZScorecard.parse({ competencies: [competency()] });
    expect(parsed.competencies[0]).toEqual(competency());
  });

  it("trims, collapses spaces and drops empty and duplicate cues case-insensitively", () => {
    const parsed = ZScorecard.parse({
      competencies: [competency({ name: "  System \t design ", good: " Names  the\ntrade-offs. ", cues: [" Trade-offs ", "trade-OFFS", "", "  ", "load   balancing"] })],
    });
    expect(parsed.competencies[0]).toMatchObject({ name: "System design", good: "Names the trade-offs.", cues: ["Trade-offs", "load balancing"] });
  });

  it("derives a missing key from the name and allows 'good' to be left out", () => {
    const parsed = ZScorecard.parse({ competencies: [{ name: "Ownership & follow-through", cues: ["on call"] }] });
    expect(parsed.competencies[0]).toMatchObject({ key: "ownership-follow-through", good: "" });
  });

  it("requires between 1 and 12 competencies", () => {
    expect(errorsOf({ competencies: [] })).toEqual({ competencies: "Add at least one competency." });
    const thirteen = Array.from({ length: 13 }, (_, i) => competency({ key: `c-${i}`, name: `C ${i}` }));
    expect(errorsOf({ competencies: thirteen })).toEqual({ competencies: "A scorecard has at most 12 competencies." });
  });

  it("reports field errors by dotted path with a clear message", () => {
    const errors = errorsOf({
      competencies: [
        competency(),
        competency({ key: "b", name: "x".repeat(81) }),
        competency({ key: "c", name: "C", good: "g".repeat(501), cues: ["a", "y".repeat(61)] }),
        competency({ key: "Bad Key", name: "D" }),
        competency({ key: "e", name: "E", cues: ["", " "] }),
        competency({ key: "f", name: "   " }),
      ],
    });
    expect(errors).toEqual({
      "competencies.1.name": "Name must be at most 80 characters.",
      "competencies.2.good": "What good looks like must be at most 500 characters.",
      "competencies.2.cues.0": "A cue must be at least 2 characters.",
      "competencies.2.cues.1": "A cue must be at most 60 characters.",
      "competencies.3.key": "Key may use lowercase letters, digits and single hyphens.",
      "competencies.4.cues": "Add at least one cue to listen for.",
      "competencies.5.name": "Name is required.",
    });
  });

  it("allows at most 12 cues after de-duplication", () => {
    const cues = Array.from({ length: 13 }, (_, i) => `cue ${i}`);
    expect(errorsOf({ competencies: [competency({ cues })] })).toEqual({ "competencies.0.cues": "A competency has at most 12 cues." });
    expect(ZScorecard.safeParse({ competencies: [competency({ cues: [...cues.slice(0, 12), "CUE 0"] })] }).success).toBe(true);
  });

  it("rejects a name used twice, case-insensitively, pointing at the later one", () => {
    const errors = errorsOf({ competencies: [competency(), competency({ key: "other", name: "SYSTEM  design" })] });
    expect(errors).toEqual({ "competencies.1.name": "Already on this scorecard (competency 1)." });
  });

  it("rejects a key used twice under different names", () => {
    const errors = errorsOf({ competencies: [competency(), competency({ name: "Architecture" })] });
    expect(errors).toEqual({ "competencies.1.key": "Key already used by competency 1." });
  });
});
