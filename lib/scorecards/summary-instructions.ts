/**
 * Pure: the Notetaker's summary instructions with the role's scorecard appended, so Nylas's own
 * summary is organised by competency (issue 15). The result stays within INSTRUCTIONS_MAX (the
 * limit the settings form puts on summary instructions, lib/validations/settings.ts): when it
 * would not fit, cues are dropped first (last cue of the longest list first), then "what good looks
 * like" is shortened, then dropped, and only then is the admin's own text cut.
 *
 * Idempotent: everything from SCORECARD_MARKER on is ours and is replaced, never appended twice.
 */
import { INSTRUCTIONS_MAX } from "@/lib/validations/settings";
import type { TScorecard } from "./scorecard";

export const SCORECARD_MARKER = "## Scorecard (added by the interview portal; edit the role's scorecard instead)";
const LEAD = 'Organise the summary by the competencies below: one heading per competency, with what the candidate said or did that bears on it, or "Not covered".';
const ELLIPSIS = "…";

type Section = { name: string; good: string; cues: string[] };

/** The admin's text without a section this function added earlier. */
export function stripScorecardSection(instructions: string): string {
  const at = instructions.indexOf(SCORECARD_MARKER);
  return (at === -1 ? instructions : instructions.slice(0, at)).trimEnd();
}

function render(sections: Section[]): string {
  const blocks = sections.map((s) => {
    const lines = [`### ${s.name}`];
    if (s.good) lines.push(`What good looks like: ${s.good}`);
    if (s.cues.length) lines.push(`Listen for: ${s.cues.join("; ")}`);
    return lines.join("\n");
  });
  return [SCORECARD_MARKER, LEAD, ...blocks].join("\n\n");
}

function compose(base: string, section: string): string {
  return base ? `${base}\n\n${section}` : section;
}

function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= ELLIPSIS.length) return "";
  return text.slice(0, max - ELLIPSIS.length).trimEnd() + ELLIPSIS;
}

/** Drops one cue from the competency with the most cues (the later one on a tie); false when none is left to drop. */
function dropOneCue(sections: Section[]): boolean {
  let target: Section | undefined;
  for (const s of sections) if (s.cues.length > 0 && (!target || s.cues.length >= target.cues.length)) target = s;
  if (!target) return false;
  target.cues.pop();
  return true;
}

/**
 * `base` plus a "Scorecard" section listing each competency (heading, what good looks like, cues),
 * in scorecard order, never longer than `limit` characters. Deterministic for the same input.
 */
export function scorecardSummaryInstructions(base: string, scorecard: TScorecard, limit: number = INSTRUCTIONS_MAX): string {
  const own = stripScorecardSection(base);
  const sections: Section[] = scorecard.competencies.map((c) => ({ name: c.name, good: c.good, cues: [...c.cues] }));
  const fits = () => compose(own, render(sections)).length <= limit;

  while (!fits() && dropOneCue(sections));
  if (!fits()) {
    // Shorten every "good" to the same budget, the longest first, until it fits or they are gone.
    const over = compose(own, render(sections)).length - limit;
    const goods = sections.filter((s) => s.good).length;
    if (goods) {
      const longest = Math.max(...sections.map((s) => s.good.length));
      let budget = Math.max(0, longest - Math.ceil(over / goods));
      while (budget >= 0) {
        for (const s of sections) s.good = cut(s.good, budget);
        if (fits() || budget === 0) break;
        budget = Math.max(0, budget - 10);
      }
      if (!fits()) for (const s of sections) s.good = "";
    }
  }

  const section = render(sections);
  if (compose(own, section).length <= limit) return compose(own, section);
  // Only the headings are left and they still do not fit beside the admin's text: cut that text.
  if (section.length > limit) return cut(section, limit);
  const room = limit - section.length - 2;
  const shortened = room > 0 ? cut(own, room) : "";
  return compose(shortened, section);
}
