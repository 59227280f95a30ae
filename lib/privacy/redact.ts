/**
 * Pure: what deleting an interview's media or anonymising a candidate leaves of stored feedback
 * (Feedback.competencies, Feedback.draft, FeedbackRevision.content) and of an interview's history.
 * Feedback cites transcript moments ("citedMoments": segment positions) and dismissed evidence
 * suggestions ("droppedSuggestions": "moment:12", "summary:0", "action_item:3"); once the transcript,
 * summary and action items are gone those point at nothing, so they are removed. Anonymisation
 * also removes the free text (competency notes, key take-aways); ratings stay. Unknown shapes pass
 * through untouched (nothing here throws on a corrupt row).
 */

export type FeedbackRedaction = {
  /** Remove cited moments and dismissed suggestions (the media they point at is deleted). */
  citations: boolean;
  /** Remove notes and key take-aways (the candidate is anonymised). */
  freeText: boolean;
};

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/** A competencies list ([{key, rating, notes, citedMoments, droppedSuggestions}]) with the redaction applied. */
export function redactCompetencies(value: unknown, redaction: FeedbackRedaction): unknown {
  if (!Array.isArray(value)) return value;
  return value.map((item) => {
    if (!isRecord(item)) return item;
    const next = { ...item };
    if (redaction.citations) {
      if ("citedMoments" in next) next.citedMoments = [];
      if ("droppedSuggestions" in next) next.droppedSuggestions = [];
    }
    if (redaction.freeText && "notes" in next) next.notes = "";
    return next;
  });
}

/** A draft or a revision's content ({competencies, keyTakeaways, overallRecommendation}) with the redaction applied. */
export function redactFeedbackContent(value: unknown, redaction: FeedbackRedaction): unknown {
  if (!isRecord(value)) return value;
  const next: Record<string, unknown> = { ...value };
  if ("competencies" in next) next.competencies = redactCompetencies(next.competencies, redaction);
  if (redaction.freeText && "keyTakeaways" in next) next.keyTakeaways = "";
  return next;
}

/** Whether the redaction changes anything (a no-op write is skipped). */
export function isRedactionNeeded(value: unknown, redacted: unknown): boolean {
  return JSON.stringify(value) !== JSON.stringify(redacted);
}

/** An interview's history ([{kind, at, …, reason?}]) without the free-text reasons people typed. */
export function redactInterviewHistory(value: unknown): unknown {
  if (!Array.isArray(value)) return [];
  return value.map((entry) => {
    if (!isRecord(entry) || !("reason" in entry)) return entry;
    const { reason: _reason, ...rest } = entry;
    return rest;
  });
}

/** Audit fields about an application whose values are free text (the rest, e.g. the stage, are enums). */
const FREE_TEXT_AUDIT_FIELDS = new Set(["rejectionReason"]);

/** An audit entry's changes ([{field, label, before, after}]) with free-text values removed. */
export function redactAuditChanges(value: unknown): unknown {
  if (!Array.isArray(value)) return [];
  return value.map((change) => {
    if (!isRecord(change)) return change;
    const field = typeof change.field === "string" ? change.field : "";
    if (!FREE_TEXT_AUDIT_FIELDS.has(field) && isEnumLike(change.before) && isEnumLike(change.after)) return change;
    return { ...change, before: null, after: null };
  });
}

/** A value safe to keep in an anonymised audit entry: null, a number, a boolean or an UPPER_CASE code. */
function isEnumLike(value: unknown): boolean {
  return value === null || value === undefined || typeof value === "number" || typeof value === "boolean" || (typeof value === "string" && /^[A-Z][A-Z0-9_]*$/.test(value));
}
