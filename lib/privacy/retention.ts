/**
 * Pure: retention rules (issue 16, DESIGN "Recording consent, retention and erasure"). An admin
 * sets, on /settings/privacy, how many days after a rejection or a hire an application's recordings
 * and transcripts are deleted, and how many days after a rejection the candidate is anonymised;
 * each rule is off when empty. evaluateRetention says what a run at `now` must do (the daily job
 * runs it; the page previews the next run with the next run's time). No db, no clock.
 *
 * Days are whole 24-hour days counted from the decision instant (UTC calendar arithmetic), so a
 * daylight-saving change in the server's or the admin's time zone never moves a due time by an
 * hour. A rule of N days is due at exactly decidedAt + N days, inclusive.
 */
import { z } from "zod";

export const RETENTION_DAYS_MIN = 1;
export const RETENTION_DAYS_MAX = 3650;
export const DAY_MS = 24 * 60 * 60 * 1_000;

/**
 * Days as a form sends them: "" (or absent) → null (off); digits → a number; anything else is
 * refused with a message for the field. Numbers pass through and are checked the same way.
 */
const ZDays = z.preprocess(
  (value) => {
    if (value === undefined || value === null) return null;
    if (typeof value !== "string") return value;
    const text = value.trim();
    if (text === "") return null;
    if (text.length > 20) return text;
    return /^[+-]?\d+(\.\d+)?$/.test(text) ? Number(text) : text;
  },
  z
    // z.number() refuses NaN and ±Infinity itself.
    .number({ error: "Enter a number of days, or leave it empty to turn the rule off." })
    .refine((n) => n >= 0, { message: "The number of days cannot be negative.", abort: true })
    .refine((n) => Number.isInteger(n), { message: "Enter a whole number of days.", abort: true })
    .refine((n) => n >= RETENTION_DAYS_MIN, { message: `At least ${RETENTION_DAYS_MIN} day; leave it empty to turn the rule off.`, abort: true })
    .refine((n) => n <= RETENTION_DAYS_MAX, { message: `At most ${RETENTION_DAYS_MAX} days (10 years).`, abort: true })
    .nullable(),
);

export const ZRetentionRules = z.object({
  /** Delete recordings and transcripts this many days after an application is rejected. */
  deleteMediaDaysAfterRejection: ZDays,
  /** Delete recordings and transcripts this many days after a hire. */
  deleteMediaDaysAfterHire: ZDays,
  /** Anonymise a rejected candidate this many days after the rejection. */
  anonymizeDaysAfterRejection: ZDays,
});
export type RetentionRules = z.infer<typeof ZRetentionRules>;

export const RETENTION_RULES_OFF: RetentionRules = { deleteMediaDaysAfterRejection: null, deleteMediaDaysAfterHire: null, anonymizeDaysAfterRejection: null };

export const RETENTION_FIELD_LABELS: Record<keyof RetentionRules, string> = {
  deleteMediaDaysAfterRejection: "Delete recordings and transcripts after rejection (days)",
  deleteMediaDaysAfterHire: "Delete recordings and transcripts after hire (days)",
  anonymizeDaysAfterRejection: "Anonymise rejected candidates after (days)",
};

/** `date` plus `days` whole days, in UTC: never shifted by a daylight-saving change. */
export function addDays(date: Date, days: number): Date {
  const next = new Date(date.getTime());
  next.setUTCDate(next.getUTCDate() + days);
  return next;
}

export type ApplicationStageName = "APPLIED" | "INTERVIEWING" | "DEBRIEF" | "OFFER" | "HIRED" | "REJECTED";

export type RetentionApplication = {
  id: string;
  /** When given, a candidate is anonymised only once every one of their applications in the input is due. */
  candidateId?: string;
  stage: ApplicationStageName;
  /** When the application was rejected or hired (null: unknown; no rule applies). */
  decidedAt: Date | null;
  /** Whether any recording, transcript or summary of its interviews is still held. */
  hasMedia: boolean;
  anonymizedAt: Date | null;
};

export type RetentionRule = "media_after_rejection" | "media_after_hire" | "anonymize_after_rejection";
export type RetentionAction = { applicationId: string; kind: "delete_media" | "anonymize"; rule: RetentionRule; dueAt: Date };

export type RetentionPlan = {
  /** Due at `now`: delete media (anonymisation deletes media too, under its own rule). */
  deleteMedia: RetentionAction[];
  /** Due at `now`: anonymise. */
  anonymize: RetentionAction[];
  /** The earliest action not yet due (null: none pending). */
  next: RetentionAction | null;
};

/** Each application's pending actions under the rules, due or not. */
function candidateActions(rules: RetentionRules, app: RetentionApplication): RetentionAction[] {
  if (!app.decidedAt || Number.isNaN(app.decidedAt.getTime())) return [];
  const at = (days: number) => addDays(app.decidedAt!, days);
  const actions: RetentionAction[] = [];
  if (app.stage === "REJECTED") {
    if (app.hasMedia && rules.deleteMediaDaysAfterRejection !== null)
      actions.push({ applicationId: app.id, kind: "delete_media", rule: "media_after_rejection", dueAt: at(rules.deleteMediaDaysAfterRejection) });
    if (app.anonymizedAt === null && rules.anonymizeDaysAfterRejection !== null)
      actions.push({ applicationId: app.id, kind: "anonymize", rule: "anonymize_after_rejection", dueAt: at(rules.anonymizeDaysAfterRejection) });
  } else if (app.stage === "HIRED") {
    if (app.hasMedia && rules.deleteMediaDaysAfterHire !== null) actions.push({ applicationId: app.id, kind: "delete_media", rule: "media_after_hire", dueAt: at(rules.deleteMediaDaysAfterHire) });
  }
  return actions;
}

const byDueThenId = (a: RetentionAction, b: RetentionAction) => a.dueAt.getTime() - b.dueAt.getTime() || a.applicationId.localeCompare(b.applicationId) || a.kind.localeCompare(b.kind);

/**
 * What a run at `now` does. An action is due when `now` ≥ its due time. Anonymising an application
 * that still holds media deletes the media in the same run (an anonymised candidate's recording
 * would still identify them). With `candidateId`s, a candidate with an application that is not
 * rejected-and-due is not anonymised yet (their other application still needs their name).
 */
export function evaluateRetention(rules: RetentionRules, applications: readonly RetentionApplication[], now: Date): RetentionPlan {
  const nowMs = now.getTime();
  const all = applications.flatMap((app) => candidateActions(rules, app));

  // Anonymisation is per candidate: every application of theirs must be rejected and due.
  const dueAnonymize = new Set(all.filter((a) => a.kind === "anonymize" && a.dueAt.getTime() <= nowMs).map((a) => a.applicationId));
  const blocked = new Set<string>();
  for (const app of applications) {
    if (app.candidateId && app.anonymizedAt === null && !dueAnonymize.has(app.id)) blocked.add(app.candidateId);
  }
  const candidateOf = new Map(applications.map((app) => [app.id, app.candidateId]));
  const isBlocked = (action: RetentionAction) => {
    const candidate = candidateOf.get(action.applicationId);
    return candidate !== undefined && blocked.has(candidate);
  };

  const anonymize = all.filter((a) => a.kind === "anonymize" && a.dueAt.getTime() <= nowMs && !isBlocked(a)).sort(byDueThenId);
  const hasMedia = new Map(applications.map((app) => [app.id, app.hasMedia]));

  const deleteMedia = all.filter((a) => a.kind === "delete_media" && a.dueAt.getTime() <= nowMs);
  const deleting = new Set(deleteMedia.map((a) => a.applicationId));
  for (const action of anonymize) {
    if (hasMedia.get(action.applicationId) && !deleting.has(action.applicationId)) deleteMedia.push({ ...action, kind: "delete_media" });
  }
  deleteMedia.sort(byDueThenId);

  const next = all.filter((a) => a.dueAt.getTime() > nowMs).sort(byDueThenId)[0] ?? null;
  return { deleteMedia, anonymize, next };
}

/** The name an anonymised candidate keeps: "Anonymized candidate #n" (n ≥ 1, a whole number). */
export function anonymisedName(n: number): string {
  if (!Number.isSafeInteger(n) || n < 1) throw new RangeError(`An anonymised candidate's number must be a whole number from 1, not ${String(n)}.`);
  return `Anonymized candidate #${n}`;
}
