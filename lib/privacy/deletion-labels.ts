/**
 * Pure and client-safe: how deletions read on /settings/privacy (the preview and the deletion
 * log): the rule or the person, what kind of deletion, and its counts as words.
 */
import type { RetentionRule } from "./retention";

export const RETENTION_RULE_LABELS: Record<RetentionRule, string> = {
  media_after_rejection: "Recordings after rejection",
  media_after_hire: "Recordings after hire",
  anonymize_after_rejection: "Anonymise after rejection",
};

const OTHER_RULE_LABELS: Record<string, string> = { nylas_copy_when_stored: "Nylas's copy once ours is stored", admin: "An admin" };

export const DELETION_KIND_LABELS: Record<string, string> = {
  media: "Recordings and transcripts",
  anonymization: "Candidate anonymised",
  erasure: "Candidate deleted",
  nylas_copy: "Nylas's copy",
  declined_media: "Recording declined",
};

/** "by rule: Recordings after hire", "by admin@example.com", or the raw rule when unknown. */
export function describeDeletionCause(rule: string | null, actorEmail: string | null): string {
  if (actorEmail) return `By ${actorEmail}`;
  if (!rule) return "—";
  return `Rule: ${RETENTION_RULE_LABELS[rule as RetentionRule] ?? OTHER_RULE_LABELS[rule] ?? rule}`;
}

const COUNT_WORDS: Record<string, [string, string]> = {
  files: ["file", "files"],
  recordings: ["recording", "recordings"],
  transcripts: ["transcript", "transcripts"],
  segments: ["transcript line", "transcript lines"],
  searchDocuments: ["transcript search document", "transcript search documents"],
  actionItems: ["action item", "action items"],
  evidence: ["evidence map", "evidence maps"],
  feedback: ["feedback edited", "feedback edited"],
  applications: ["application", "applications"],
  interviews: ["interview", "interviews"],
  auditEntries: ["audit entry", "audit entries"],
  webhookEvents: ["stored notification", "stored notifications"],
  outgoingEmails: ["email", "emails"],
  mediaInterviews: ["interview's media", "interviews' media"],
};

/** Counts as words, zeros and bytes left out: "2 files, 1 recording, 3 transcript lines". */
export function describeDeletionCounts(counts: Readonly<Record<string, number>>): string {
  const parts = Object.entries(counts)
    .filter(([key, n]) => n > 0 && key in COUNT_WORDS)
    .map(([key, n]) => `${n.toLocaleString("en-US")} ${COUNT_WORDS[key]![n === 1 ? 0 : 1]}`);
  return parts.length > 0 ? parts.join(", ") : "Nothing left to delete";
}
