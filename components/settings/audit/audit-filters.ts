/**
 * Pure: /settings/audit search params ↔ filters, and how an audit diff's values read. Parsing
 * never fails: a bad value falls back on its own (bad entity → all, bad page → 1).
 *
 *   parseAuditFilters({ entity: "panel", page: "2" }) → { entityType: "panel", entityId: undefined, page: 2 }
 *
 * The other way, filters → URL, is buildAuditHref in lib/routes.
 */
import { STAGE_LABELS } from "@/lib/feedback/decision";
import type { ApplicationStage } from "@/lib/generated/prisma/enums";
import { PATHS, settingsPanelPath, settingsRolePath } from "@/lib/routes";
import type { AuditEntityType } from "@/lib/settings/audit";
import { isId } from "@/lib/validations/ids";

export const AUDIT_ENTITY_TYPES = ["role", "panel", "interviewer", "application", "privacy", "candidate", "user", "invitation"] as const satisfies readonly AuditEntityType[];

export const AUDIT_ENTITY_LABELS: Record<AuditEntityType, { one: string; many: string }> = {
  role: { one: "Role", many: "Roles" },
  panel: { one: "Panel", many: "Panels" },
  interviewer: { one: "Interviewer", many: "Interviewers" },
  application: { one: "Application", many: "Decisions" },
  privacy: { one: "Privacy settings", many: "Privacy" },
  candidate: { one: "Candidate", many: "Candidates" },
  user: { one: "User", many: "Users" },
  invitation: { one: "Invitation", many: "Invitations" },
};

export const AUDIT_ACTION_LABELS: Record<string, string> = {
  created: "Created",
  updated: "Updated",
  published: "Published",
  unpublished: "Unpublished",
  cap_changed: "Load cap changed",
  sync_retried: "Sync retried",
  stage_changed: "Stage changed",
  exported: "Data exported",
  erased: "Erased",
  invited: "Invited",
  invitation_resent: "Invitation resent",
  invitation_revoked: "Invitation revoked",
  invitation_accepted: "Invitation accepted",
  role_changed: "Role changed",
  deactivated: "Deactivated",
  reactivated: "Reactivated",
  calendar_connected: "Calendar connected",
  password_changed: "Password changed",
  password_reset: "Password reset by email link",
};

export type AuditFilters = { entityType?: AuditEntityType; entityId?: string; page: number };

const MAX_PAGE = 10_000;

const first = (value: unknown): unknown => (Array.isArray(value) ? value[0] : value);

export function parseAuditFilters(searchParams: unknown): AuditFilters {
  const params = (searchParams && typeof searchParams === "object" ? searchParams : {}) as Record<string, unknown>;
  const entity = first(params.entity);
  const id = first(params.id);
  const page = first(params.page);
  const entityType = typeof entity === "string" ? AUDIT_ENTITY_TYPES.find((t) => t === entity.trim().toLowerCase()) : undefined;
  const entityId = typeof id === "string" && isId(id.trim()) ? id.trim().toLowerCase() : undefined;
  const pageNumber = typeof page === "string" && /^\d{1,6}$/.test(page.trim()) ? Number(page.trim()) : 1;
  return { entityType, entityId, page: pageNumber >= 1 && pageNumber <= MAX_PAGE ? pageNumber : 1 };
}

/** Where an audited entity is edited, when it has a page. */
export function auditEntityHref(entityType: string, entityId: string): string | null {
  // One row of organisation settings, not a record with an id.
  if (entityType === "privacy") return PATHS.settingsPrivacy;
  if (entityType === "user" || entityType === "invitation") return PATHS.settingsTeam;
  if (!isId(entityId)) return null;
  if (entityType === "role") return settingsRolePath(entityId);
  if (entityType === "panel") return settingsPanelPath(entityId);
  return null;
}

/**
 * A diff value as text: null/"" → "(none)", booleans → "On"/"Off", a list → its items (one per
 * line in the UI), an object → compact JSON. Some fields read better in words: the round-robin
 * method, an application's stage, and open hours' weekday numbers (Nylas's, 0 = Sunday).
 *
 *   describeAuditValue(["1,2,3,4,5 9:00–17:00"], "openHours") → { kind: "list", items: ["Mon, Tue, Wed, Thu, Fri 9:00–17:00"] }
 */
export type AuditValueView = { kind: "empty" } | { kind: "text"; text: string } | { kind: "list"; items: string[] };

const METHOD_WORDS: Record<string, string> = { MAX_FAIRNESS: "Max fairness", MAX_AVAILABILITY: "Max availability" };
const DAY_NAMES = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

function openHoursWords(entry: string): string {
  const match = /^([0-6](?:,[0-6])*) (.+)$/.exec(entry);
  if (!match) return entry;
  return `${match[1]!
    .split(",")
    .map((d) => DAY_NAMES[Number(d)])
    .join(", ")} ${match[2]}`;
}

export function describeAuditValue(value: unknown, field?: string): AuditValueView {
  if (value === null || value === undefined || value === "") return { kind: "empty" };
  if (typeof value === "boolean") return { kind: "text", text: value ? "On" : "Off" };
  if (typeof value === "number") return { kind: "text", text: String(value) };
  if (typeof value === "string") {
    const words = field === "availabilityMethod" ? METHOD_WORDS[value] : field === "stage" ? STAGE_LABELS[value as ApplicationStage] : undefined;
    return { kind: "text", text: words ?? value };
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return { kind: "empty" };
    const items = value.map((item) => (typeof item === "string" ? item : JSON.stringify(item)));
    return { kind: "list", items: field === "openHours" ? items.map(openHoursWords) : items };
  }
  return { kind: "text", text: JSON.stringify(value) };
}
