/**
 * The demo roles' scorecards against what the sandbox Notetaker really produces for them: the
 * sample interview it picks for the role (lib/sandbox/samples, not edited here), the summary and
 * action items it writes from the role's instructions with the scorecard appended, mapped as the
 * evidence job maps them. Each role's interview touches some competencies and leaves at least one
 * "Not covered" (DESIGN "Scorecards and feedback"), so the demo debrief shows both.
 */
import { describe, expect, it } from "vitest";
import { mapEvidence } from "@/lib/scorecards/evidence";
import { ZScorecard } from "@/lib/scorecards/scorecard";
import { scorecardSummaryInstructions } from "@/lib/scorecards/summary-instructions";
import { chooseSampleInterview } from "@/lib/sandbox/notetaker-samples";
import { summarizeInterview } from "@/lib/sandbox/summary/summarize";
import { demoPanels, demoRoles } from "@/prisma/demo-fixture";

const SPEAKERS: Record<string, string> = { interviewer: "Sarah Kim", candidate: "Jordan Lee", second_interviewer: "Priya Patel" };
const INTERVIEWERS = ["Sarah Kim", "Priya Patel"];

/** What the evidence job maps for an interview of the role run by the sandbox's Notetaker. */
function runDemoInterview(slug: string) {
  const role = demoRoles.find((r) => r.slug === slug)!;
  const panel = demoPanels.find((p) => p.name === role.panel)!;
  const scorecard = ZScorecard.parse({ competencies: role.scorecard });
  // The configuration is named "<title> interview" (lib/nylas/configuration-request.ts).
  const sample = chooseSampleInterview(`${role.title} interview`, "notetaker-id");
  const segments = sample.segments.map((s) => ({ speaker: SPEAKERS[s.speaker]!, start: s.start, end: s.end, text: s.text }));
  const { summary, actionItems } = summarizeInterview({
    segments,
    summaryInstructions: scorecardSummaryInstructions(panel.summaryInstructions, scorecard),
    actionItemsInstructions: panel.actionItemsInstructions,
  });
  const evidence = mapEvidence({
    scorecard,
    segments: segments.map((s, position) => ({ position, speaker: s.speaker, startMs: s.start, text: s.text })),
    summary,
    actionItems: actionItems.map((text, position) => ({ position, text })),
    ignoreSpeakers: INTERVIEWERS,
  });
  return { sample, summary, evidence };
}

describe("the demo roles' scorecards", () => {
  it.each(demoRoles.map((r) => r.slug))("%s has a valid scorecard of 4 to 6 competencies with what good looks like", (slug) => {
    const role = demoRoles.find((r) => r.slug === slug)!;
    const scorecard = ZScorecard.parse({ competencies: role.scorecard });
    expect(scorecard.competencies.length).toBeGreaterThanOrEqual(4);
    expect(scorecard.competencies.length).toBeLessThanOrEqual(6);
    // Already normalised: what the seed stores is what the fixture says.
    expect(scorecard.competencies).toEqual(role.scorecard);
    for (const c of scorecard.competencies) expect(c.good.length).toBeGreaterThan(20);
  });

  it.each([
    { slug: "backend-engineer", sample: "backend-engineer", notCovered: ["mentoring"] },
    { slug: "frontend-engineer", sample: "frontend-engineer", notCovered: ["web-security"] },
    { slug: "product-designer", sample: "product-designer", notCovered: ["accessibility"] },
    { slug: "senior-product-manager", sample: "product-designer", notCovered: ["commercial"] },
  ])("the sandbox's interview for $slug touches every competency but $notCovered", ({ slug, sample, notCovered }) => {
    const run = runDemoInterview(slug);
    expect(run.sample.id).toBe(sample);
    expect(run.evidence.filter((c) => !c.covered).map((c) => c.key)).toEqual(notCovered);
    for (const competency of run.evidence.filter((c) => c.covered)) {
      // Each covered competency is evidenced by what the candidate said, not only by the summary.
      const moments = competency.evidence.filter((e) => e.kind === "moment");
      expect(moments.length, competency.key).toBeGreaterThan(0);
      for (const moment of moments) expect(moment.kind === "moment" && moment.speaker).toBe("Jordan Lee");
    }
  });

  it("gives the sandbox's summary one paragraph per competency, saying which were not covered", () => {
    const { summary, evidence } = runDemoInterview("backend-engineer");
    const paragraphs = summary.split("\n\n");
    const role = demoRoles.find((r) => r.slug === "backend-engineer")!;
    // After the header line, in scorecard order.
    expect(paragraphs.slice(1, 1 + role.scorecard.length).map((p) => p.slice(0, p.indexOf(":")))).toEqual(role.scorecard.map((c) => c.name));
    expect(paragraphs).toContain("Mentoring and code review: Not covered.");
    // The heading naming the competency is not evidence of it.
    expect(evidence.find((c) => c.key === "mentoring")!.covered).toBe(false);
  });
});
