/**
 * Pure: a role's scorecard (issue 15, DESIGN "Scorecards and feedback"): competencies, each with a
 * stable key, a name, "what good looks like" and "listen for" cues. The schema normalises what a
 * form sends (trim, collapse spaces, drop empty and duplicate cues) and reports errors by dotted
 * path ("competencies.2.cues.0"), so `toFieldErrors` (lib/actions/state.ts) puts each one next to
 * its field. No db, no next/*: the settings form, the evidence job and unit tests share it.
 */
import { z } from "zod";

export const COMPETENCIES_MIN = 1;
export const COMPETENCIES_MAX = 12;
export const COMPETENCY_NAME_MAX = 80;
export const COMPETENCY_GOOD_MAX = 500;
export const CUES_MIN = 1;
export const CUES_MAX = 12;
export const CUE_MIN = 2;
export const CUE_MAX = 60;
export const COMPETENCY_KEY_MAX = 64;

const KEY = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Control characters out, runs of whitespace to one space, trimmed. */
export function collapseSpaces(value: string): string {
  // eslint-disable-next-line no-control-regex -- stripping control characters is the point
  const visible = value.replace(/[\u0000-\u001F\u007F]/g, " ");
  return visible.replace(/\s+/g, " ").trim();
}

/** "System design & trade-offs" → "system-design-trade-offs"; "" when the name has no letter or digit. */
export function slugifyCompetencyKey(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, COMPETENCY_KEY_MAX)
    .replace(/-+$/, "");
}

const inline = (value: unknown) => (typeof value === "string" ? collapseSpaces(value) : value);

/** Cues: each collapsed, empty ones dropped, duplicates (case-insensitive) dropped keeping the first. */
function normalizeCues(value: unknown): unknown {
  if (!Array.isArray(value)) return value;
  const seen = new Set<string>();
  const out: unknown[] = [];
  for (const item of value) {
    const cue = inline(item);
    if (typeof cue !== "string") {
      out.push(cue);
      continue;
    }
    if (cue === "" || seen.has(cue.toLowerCase())) continue;
    seen.add(cue.toLowerCase());
    out.push(cue);
  }
  return out;
}

/** A missing or blank key is derived from the name, so a new competency gets one once and keeps it. */
function fillKey(value: unknown): unknown {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return value;
  const record = value as Record<string, unknown>;
  const key = typeof record.key === "string" ? record.key.trim() : record.key;
  if ((key === undefined || key === null || key === "") && typeof record.name === "string") return { ...record, key: slugifyCompetencyKey(record.name) };
  return { ...record, key };
}

export const ZCompetency = z.preprocess(
  fillKey,
  z.object({
    key: z
      .string({ error: "Key is required." })
      .min(1, "Key is required.")
      .max(COMPETENCY_KEY_MAX, `Key must be at most ${COMPETENCY_KEY_MAX} characters.`)
      .regex(KEY, "Key may use lowercase letters, digits and single hyphens."),
    name: z.preprocess(inline, z.string({ error: "Name is required." }).min(1, "Name is required.").max(COMPETENCY_NAME_MAX, `Name must be at most ${COMPETENCY_NAME_MAX} characters.`)),
    good: z.preprocess(
      (value) => (value === undefined || value === null ? "" : inline(value)),
      z.string({ error: "What good looks like must be text." }).max(COMPETENCY_GOOD_MAX, `What good looks like must be at most ${COMPETENCY_GOOD_MAX} characters.`),
    ),
    cues: z.preprocess(
      normalizeCues,
      z
        .array(z.string({ error: "A cue must be text." }).min(CUE_MIN, `A cue must be at least ${CUE_MIN} characters.`).max(CUE_MAX, `A cue must be at most ${CUE_MAX} characters.`), {
          error: "Add at least one cue to listen for.",
        })
        .min(CUES_MIN, "Add at least one cue to listen for.")
        .max(CUES_MAX, `A competency has at most ${CUES_MAX} cues.`),
    ),
  }),
);
export type TCompetency = z.infer<typeof ZCompetency>;

export const ZScorecard = z
  .object({
    competencies: z
      .array(ZCompetency, { error: "Add at least one competency." })
      .min(COMPETENCIES_MIN, "Add at least one competency.")
      .max(COMPETENCIES_MAX, `A scorecard has at most ${COMPETENCIES_MAX} competencies.`),
  })
  .superRefine((scorecard, ctx) => {
    const keys = new Map<string, number>();
    const names = new Map<string, number>();
    scorecard.competencies.forEach((competency, index) => {
      const name = competency.name.toLowerCase();
      const firstName = names.get(name);
      if (firstName !== undefined) ctx.addIssue({ code: "custom", path: ["competencies", index, "name"], message: `Already on this scorecard (competency ${firstName + 1}).` });
      else names.set(name, index);
      const firstKey = keys.get(competency.key);
      // A duplicate name already explains a duplicate derived key; report the key only when the names differ.
      if (firstKey !== undefined && firstName === undefined) ctx.addIssue({ code: "custom", path: ["competencies", index, "key"], message: `Key already used by competency ${firstKey + 1}.` });
      else if (firstKey === undefined) keys.set(competency.key, index);
    });
  });
export type TScorecard = z.infer<typeof ZScorecard>;

/**
 * A stored version's competencies as a scorecard; null when there are none (or the row is not in
 * the shape ZScorecard accepts, which this app never writes).
 */
export function readStoredScorecard(value: unknown): TScorecard | null {
  if (!Array.isArray(value) || value.length === 0) return null;
  const parsed = ZScorecard.safeParse({ competencies: value });
  return parsed.success ? parsed.data : null;
}
