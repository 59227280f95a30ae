/**
 * Pure: the role form's state (a draft) and its rules. The scorecard's competencies are rows with
 * a row key (React key, focus; never sent), their stable competency key ("" until the server
 * derives one from the name, at the first save), and their "listen for" cues as typed: one per line.
 * ZRoleInput (lib/validations/settings.ts) turns the payload into a role and its scorecard.
 *
 *   toRoleDraft(input, () => "c0") → { …, competencies: [{ rowKey: "c0", key: "system-design", name, good, cues: "trade-off\noutbox" }] }
 *   toRolePayload(draft)          → what saveRoleAction validates ({ …, scorecard: { competencies: [{ key, name, good, cues: [...] }] } })
 */
import type { TScorecard } from "@/lib/scorecards/scorecard";
import { ROLE_FIELD_LABELS, type TRoleInput } from "@/lib/validations/settings";

export type CompetencyDraft = { rowKey: string; key: string; name: string; good: string; cues: string };

/** The role as the form edits it (the edit view's input: the role with its current scorecard). */
export type RoleFormInput = Omit<TRoleInput, "scorecard"> & { scorecard: TScorecard | null };
export type RoleDraft = Omit<RoleFormInput, "scorecard"> & { competencies: CompetencyDraft[] };

/** The cues a "Listen for" box holds: one per line, trimmed, blank lines and repeats (any case) left out, as the server keeps them. */
export function cueLines(text: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    const cue = line.trim().replace(/\s+/g, " ");
    if (!cue || seen.has(cue.toLowerCase())) continue;
    seen.add(cue.toLowerCase());
    out.push(cue);
  }
  return out;
}

export function toRoleDraft(input: RoleFormInput, makeKey: () => string): RoleDraft {
  const { scorecard, ...role } = input;
  return { ...role, competencies: (scorecard?.competencies ?? []).map((c) => ({ rowKey: makeKey(), key: c.key, name: c.name, good: c.good, cues: c.cues.join("\n") })) };
}

export function toRolePayload(draft: RoleDraft): TRoleInput & { scorecard: { competencies: Array<{ key: string; name: string; good: string; cues: string[] }> } } {
  const { competencies, ...role } = draft;
  return { ...role, scorecard: { competencies: competencies.map((c) => ({ key: c.key, name: c.name, good: c.good, cues: cueLines(c.cues) })) } };
}

export function newCompetency(rowKey: string): CompetencyDraft {
  return { rowKey, key: "", name: "", good: "", cues: "" };
}

/**
 * The draft once a save has come back as `saved`. Untouched since: the server's values (trimmed,
 * with the keys it gave new competencies), row keys kept in order. Edited meanwhile: the admin's
 * draft, with the keys the save gave new competencies filled in by name, so the next save edits
 * them instead of replacing them.
 */
export function adoptSavedRole(draft: RoleDraft, saved: RoleFormInput, isUntouched: boolean, makeKey: () => string): RoleDraft {
  if (isUntouched) {
    let row = 0;
    return toRoleDraft(saved, () => draft.competencies[row++]?.rowKey ?? makeKey());
  }
  const keys = new Map((saved.scorecard?.competencies ?? []).map((c) => [c.name.toLowerCase(), c.key]));
  return { ...draft, competencies: draft.competencies.map((c) => (c.key ? c : { ...c, key: keys.get(c.name.trim().replace(/\s+/g, " ").toLowerCase()) ?? "" })) };
}

const COMPETENCY_PATH = /^scorecard\.competencies\.(\d+)\.(\w+)(?:\.(\d+))?$/;

/**
 * The save's field errors as the form shows them: a competency's key is derived from its name, so
 * a key error is shown at the name; an error about one cue is shown at the "Listen for" box,
 * quoting the cue ("“x”: A cue must be at least 2 characters.").
 */
export function roleFieldErrors(errors: Record<string, string>, draft: RoleDraft): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [path, message] of Object.entries(errors)) {
    const match = COMPETENCY_PATH.exec(path);
    if (!match) {
      out[path] ??= message;
      continue;
    }
    const [, index, field, cue] = match;
    const base = `scorecard.competencies.${index}`;
    if (field === "key") out[`${base}.name`] ??= message;
    else if (field === "cues" && cue !== undefined) {
      const text = cueLines(draft.competencies[Number(index)]?.cues ?? "")[Number(cue)];
      out[`${base}.cues`] ??= text ? `“${text}”: ${message}` : message;
    } else out[path] ??= message;
  }
  return out;
}

/** Field order on the page, for the error summary. */
export const ROLE_FIELD_ORDER = [
  "title",
  "slug",
  "team",
  "location",
  "employment",
  "summary",
  "description",
  "scorecard",
  "scorecard.competencies",
  "scorecard.competencies.*.name",
  "scorecard.competencies.*.good",
  "scorecard.competencies.*.cues",
  "panelId",
  "recordingPolicy",
  "published",
] as const;

const LABELS: Record<string, string> = { ...ROLE_FIELD_LABELS, panelId: ROLE_FIELD_LABELS.panel, scorecard: "Scorecard", "scorecard.competencies": "Scorecard" };

const COMPETENCY_FIELDS: Record<string, string> = { name: "name", key: "name", good: "what good looks like", cues: "listen for" };

/** "scorecard.competencies.2.cues" → "Competency 3, listen for". */
export function describeRolePath(path: string): string | null {
  const match = COMPETENCY_PATH.exec(path);
  if (match) return `Competency ${Number(match[1]) + 1}, ${COMPETENCY_FIELDS[match[2]!] ?? match[2]}`;
  return LABELS[path] ?? null;
}
