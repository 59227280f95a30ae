/**
 * Panels: the admin's edit view and its save. A save is one transaction — the panel and its
 * members, new interviewers, the audit entries, a new Notetaker settings version when those
 * changed, and the sync jobs of every role it affects — so nothing is half-saved, and Nylas is
 * reached afterwards by the sync worker (lib/nylas/sync-configurations.ts): a Nylas rejection
 * never loses the admin's edit.
 */
import "server-only";
import { actionError, toFieldErrors } from "@/lib/actions/state";
import { db } from "@/lib/db";
import { isPrismaError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { requestConfigurationSync } from "@/lib/nylas/sync-configurations";
import { ZPanelInput, type TPanelInput, type TSaveState } from "@/lib/validations/settings";
import { linkInterviewersByEmail } from "@/lib/team/link-interviewer";
import { recordAudit, type AuditActor } from "./audit";
import { diffFields } from "./diff";
import { ensureNotetakerVersion, notetakerVersionSettings, PANEL_NOTETAKER_SELECT } from "./notetaker-versions";
import { openHoursFromNylas, openHoursToNylas } from "./open-hours";

type Tx = Prisma.TransactionClient;

const DEFAULT_CONSENT_MESSAGE = "This interview is recorded and transcribed by a notetaker so that the hiring team can review it.";

/** A new panel's form. */
export function defaultPanelInput(): TPanelInput {
  return {
    name: "",
    members: [],
    availabilityMethod: "MAX_FAIRNESS",
    durationMinutes: 45,
    intervalMinutes: null,
    bufferBeforeMinutes: 0,
    bufferAfterMinutes: 15,
    timezone: "UTC",
    openHours: openHoursFromNylas([{ days: [1, 2, 3, 4, 5], start: "9:00", end: "17:00" }]),
    minBookingNoticeMinutes: 120,
    availableDaysInFuture: 30,
    conferencingProvider: "Google Meet",
    eventTitle: "Interview with ${invitee}",
    notetaker: {
      enabled: true,
      name: "Interview Recorder",
      showConsent: true,
      consentMessage: DEFAULT_CONSENT_MESSAGE,
      videoRecording: true,
      audioRecording: true,
      transcription: true,
      summary: true,
      actionItems: true,
      summaryInstructions: "",
      actionItemsInstructions: "",
    },
  };
}

const PANEL_EDIT_SELECT = {
  id: true,
  name: true,
  availabilityMethod: true,
  durationMinutes: true,
  intervalMinutes: true,
  bufferBeforeMinutes: true,
  bufferAfterMinutes: true,
  timezone: true,
  openHours: true,
  minBookingNoticeMinutes: true,
  availableDaysInFuture: true,
  eventTitle: true,
  updatedAt: true,
  ...PANEL_NOTETAKER_SELECT,
  members: { orderBy: { position: "asc" }, select: { interviewer: { select: { id: true, name: true, email: true, timezone: true } } } },
} as const;

type PanelRow = Prisma.PanelGetPayload<{ select: typeof PANEL_EDIT_SELECT }>;

function toInput(panel: PanelRow): TPanelInput {
  return {
    name: panel.name,
    members: panel.members.map(({ interviewer: i }) => ({ interviewerId: i.id, name: i.name, email: i.email, timezone: i.timezone })),
    availabilityMethod: panel.availabilityMethod,
    durationMinutes: panel.durationMinutes,
    intervalMinutes: panel.intervalMinutes,
    bufferBeforeMinutes: panel.bufferBeforeMinutes,
    bufferAfterMinutes: panel.bufferAfterMinutes,
    timezone: panel.timezone,
    openHours: openHoursFromNylas(panel.openHours),
    minBookingNoticeMinutes: panel.minBookingNoticeMinutes,
    availableDaysInFuture: panel.availableDaysInFuture,
    conferencingProvider: (panel.conferencingProvider as TPanelInput["conferencingProvider"]) ?? null,
    eventTitle: panel.eventTitle,
    notetaker: notetakerInput(panel),
  };
}

export type PanelEditView = {
  id: string;
  input: TPanelInput;
  /** Sent back with a save: a save over someone else's newer one is refused, not merged. */
  updatedAt: string;
  roles: { id: string; title: string; slug: string; published: boolean }[];
  notetakerVersion: { version: number; createdAt: Date; createdByEmail: string | null } | null;
};

export async function getPanelForEdit(id: string): Promise<PanelEditView | null> {
  const panel = await db.panel.findUnique({ where: { id }, select: PANEL_EDIT_SELECT });
  if (!panel) return null;
  const [roles, version] = await Promise.all([
    db.role.findMany({ where: { panelId: id }, orderBy: { title: "asc" }, select: { id: true, title: true, slug: true, published: true } }),
    db.notetakerSettingsVersion.findFirst({ where: { panelId: id }, orderBy: { version: "desc" }, select: { version: true, createdAt: true, createdBy: { select: { email: true } } } }),
  ]);
  return {
    id: panel.id,
    input: toInput(panel),
    updatedAt: panel.updatedAt.toISOString(),
    roles,
    notetakerVersion: version ? { version: version.version, createdAt: version.createdAt, createdByEmail: version.createdBy?.email ?? null } : null,
  };
}

export type InterviewerOption = { id: string; name: string; email: string; timezone: string };

/** Everyone who can be added to a panel, by name. */
export async function listInterviewerOptions(): Promise<InterviewerOption[]> {
  return db.interviewer.findMany({ orderBy: [{ name: "asc" }, { email: "asc" }], select: { id: true, name: true, email: true, timezone: true } });
}

/** The form's Notetaker fields: the version settings without the derived `conferencing`. */
function notetakerInput(panel: Parameters<typeof notetakerVersionSettings>[0]): TPanelInput["notetaker"] {
  const { conferencing: _conferencing, ...notetaker } = notetakerVersionSettings(panel);
  return notetaker;
}

/** Labels for the audit diff, in form order. */
const PANEL_AUDIT_LABELS: Record<string, string> = {
  name: "Panel name",
  members: "Members (in order)",
  availabilityMethod: "Round-robin method",
  durationMinutes: "Duration (minutes)",
  intervalMinutes: "Interval (minutes)",
  bufferBeforeMinutes: "Buffer before (minutes)",
  bufferAfterMinutes: "Buffer after (minutes)",
  timezone: "Time zone",
  openHours: "Open hours",
  minBookingNoticeMinutes: "Minimum booking notice (minutes)",
  availableDaysInFuture: "Days in future",
  conferencingProvider: "Conferencing",
  eventTitle: "Event title",
  "notetaker.enabled": "Notetaker",
  "notetaker.name": "Notetaker name",
  "notetaker.showConsent": "Show the consent notice",
  "notetaker.consentMessage": "Consent message",
  "notetaker.videoRecording": "Records video",
  "notetaker.audioRecording": "Records audio",
  "notetaker.transcription": "Transcript",
  "notetaker.summary": "Summary",
  "notetaker.actionItems": "Action items",
  "notetaker.summaryInstructions": "Summary instructions",
  "notetaker.actionItemsInstructions": "Action item instructions",
};

/** The panel as the audit log shows it: flat fields, members as "Name <email>". */
function auditView(input: TPanelInput): Record<string, unknown> {
  const { notetaker, members, openHours, ...rest } = input;
  return {
    ...rest,
    members: members.map((m) => `${m.name} <${m.email}>`),
    openHours: openHoursToNylas(openHours).map((o) => `${o.days.join(",")} ${o.start}–${o.end}${o.timezone ? ` ${o.timezone}` : ""}`),
    ...Object.fromEntries(Object.entries(notetaker).map(([k, v]) => [`notetaker.${k}`, v])),
  };
}

function panelColumns(input: TPanelInput) {
  return {
    name: input.name,
    availabilityMethod: input.availabilityMethod,
    durationMinutes: input.durationMinutes,
    intervalMinutes: input.intervalMinutes,
    bufferBeforeMinutes: input.bufferBeforeMinutes,
    bufferAfterMinutes: input.bufferAfterMinutes,
    timezone: input.timezone,
    openHours: openHoursToNylas(input.openHours) as unknown as Prisma.InputJsonValue,
    minBookingNoticeMinutes: input.minBookingNoticeMinutes,
    availableDaysInFuture: input.availableDaysInFuture,
    conferencingProvider: input.conferencingProvider,
    eventTitle: input.eventTitle,
    notetakerEnabled: input.notetaker.enabled,
    notetakerName: input.notetaker.name,
    notetakerShowConsent: input.notetaker.showConsent,
    notetakerConsentMessage: input.notetaker.consentMessage,
    notetakerVideo: input.notetaker.videoRecording,
    notetakerAudio: input.notetaker.audioRecording,
    notetakerTranscription: input.notetaker.transcription,
    notetakerSummary: input.notetaker.summary,
    notetakerActionItems: input.notetaker.actionItems,
    summaryInstructions: input.notetaker.summaryInstructions,
    actionItemsInstructions: input.notetaker.actionItemsInstructions,
  };
}

class FieldError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Creates (id null) or updates a panel from the form. `expectedUpdatedAt` is the version the form
 * was loaded from: when someone saved since, nothing is written and the admin keeps their edits.
 */
export async function savePanel(actor: AuditActor, id: string | null, raw: unknown, expectedUpdatedAt: string | null): Promise<TSaveState> {
  const parsed = ZPanelInput.safeParse(raw);
  if (!parsed.success) return actionError("Some fields need attention.", toFieldErrors(parsed.error));
  const input = parsed.data;

  let result: { id: string; changed: boolean; roleCount: number };
  try {
    result = await db.$transaction(async (tx) => savePanelInTx(tx, actor, id, input, expectedUpdatedAt), { maxWait: 10_000, timeout: 30_000 });
  } catch (error) {
    if (error instanceof FieldError) return actionError(error.message, { [error.field]: error.message });
    if (error instanceof StaleError) return actionError(error.message);
    if (error instanceof NotFoundError) return actionError(error.message);
    if (isUniqueViolation(error, "name")) return actionError("Another panel has this name.", { name: "Another panel has this name." });
    throw error;
  }
  const message = !result.changed
    ? "No changes to save."
    : result.roleCount === 0
      ? "Saved. No role uses this panel yet."
      : `Saved. Syncing ${result.roleCount === 1 ? "1 role" : `${result.roleCount} roles`} with Nylas…`;
  return { status: "success", message, id: result.id };
}

class StaleError extends Error {}
class NotFoundError extends Error {}

function isUniqueViolation(error: unknown, field: string): boolean {
  if (!isPrismaError(error, "P2002")) return false;
  const e = error as { meta?: { target?: unknown; driverAdapterError?: { cause?: { constraint?: { fields?: string[] } } } } };
  const target = e.meta?.target ?? e.meta?.driverAdapterError?.cause?.constraint?.fields;
  return target === undefined || JSON.stringify(target).includes(field);
}

async function savePanelInTx(tx: Tx, actor: AuditActor, id: string | null, input: TPanelInput, expectedUpdatedAt: string | null) {
  // Before: under the row lock, so two admins' saves apply one after the other.
  let before: TPanelInput | null = null;
  if (id) {
    const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM panels WHERE id = ${id}::uuid FOR UPDATE`;
    if (locked.length === 0) throw new NotFoundError("This panel no longer exists.");
    const row = await tx.panel.findUniqueOrThrow({ where: { id }, select: PANEL_EDIT_SELECT });
    if (expectedUpdatedAt && row.updatedAt.toISOString() !== expectedUpdatedAt) {
      throw new StaleError("Someone saved this panel after you opened it. Your edits are still in the form: reload the page in another tab to see theirs, then save again here.");
    }
    before = toInput(row);
  }
  const otherName = await tx.panel.findFirst({ where: { name: { equals: input.name, mode: "insensitive" }, ...(id ? { id: { not: id } } : {}) }, select: { id: true } });
  if (otherName) throw new FieldError("name", "Another panel has this name.");

  // Members: existing interviewers (name and time zone may be edited), or new ones.
  const affectedPanelIds = new Set<string>();
  const memberIds: string[] = [];
  for (const [index, member] of input.members.entries()) {
    if (member.interviewerId) {
      const current = await tx.interviewer.findUnique({ where: { id: member.interviewerId }, select: { id: true, name: true, email: true, timezone: true } });
      if (!current) throw new FieldError(`members.${index}.name`, "This interviewer no longer exists: remove the row and add them again.");
      if (current.email !== member.email) throw new FieldError(`members.${index}.email`, "An interviewer's email cannot change (their calendar is matched by it): add a new interviewer instead.");
      const changes = diffFields({ name: current.name, timezone: current.timezone }, { name: member.name, timezone: member.timezone }, { name: "Name", timezone: "Time zone" });
      if (changes.length > 0) {
        await tx.interviewer.update({ where: { id: current.id }, data: { name: member.name, timezone: member.timezone } });
        await recordAudit(tx, actor, { entityType: "interviewer", entityId: current.id, entityLabel: member.name, action: "updated", changes });
        // Their other panels' configurations carry their name and time zone too.
        for (const p of await tx.panelMember.findMany({ where: { interviewerId: current.id }, select: { panelId: true } })) affectedPanelIds.add(p.panelId);
      }
      memberIds.push(current.id);
    } else {
      const existing = await tx.interviewer.findUnique({ where: { email: member.email }, select: { name: true } });
      if (existing) throw new FieldError(`members.${index}.email`, `${existing.name} already has this email: pick them from “Add an existing interviewer”.`);
      const created = await tx.interviewer.create({ data: { name: member.name, email: member.email, timezone: member.timezone }, select: { id: true } });
      // A new panel member who already has an account is that account's interviewer.
      await linkInterviewersByEmail(tx, member.email);
      await recordAudit(tx, actor, {
        entityType: "interviewer",
        entityId: created.id,
        entityLabel: member.name,
        action: "created",
        changes: diffFields({}, { name: member.name, email: member.email, timezone: member.timezone }, { name: "Name", email: "Email", timezone: "Time zone" }),
      });
      memberIds.push(created.id);
    }
  }

  const after: TPanelInput = { ...input, members: input.members.map((m, i) => ({ ...m, interviewerId: memberIds[i]! })) };
  const changes = diffFields(before ? auditView(before) : {}, auditView(after), PANEL_AUDIT_LABELS);
  if (id && changes.length === 0 && affectedPanelIds.size === 0) return { id, changed: false, roleCount: 0 };

  const columns = panelColumns(after);
  const panel = id ? await tx.panel.update({ where: { id }, data: columns, select: { id: true } }) : await tx.panel.create({ data: columns, select: { id: true } });
  if (!before || JSON.stringify(before.members.map((m) => m.interviewerId)) !== JSON.stringify(memberIds)) {
    await tx.panelMember.deleteMany({ where: { panelId: panel.id } });
    await tx.panelMember.createMany({ data: memberIds.map((interviewerId, position) => ({ panelId: panel.id, interviewerId, position })) });
  }
  if (changes.length > 0) await recordAudit(tx, actor, { entityType: "panel", entityId: panel.id, entityLabel: after.name, action: id ? "updated" : "created", changes });

  // Notetaker settings: the version the panel had (made now if it predates versioning), then this one.
  if (before) {
    const hadVersion = await tx.notetakerSettingsVersion.count({ where: { panelId: panel.id } });
    if (hadVersion === 0) await ensureNotetakerVersion(tx, panel.id, notetakerVersionSettings(panelColumns(before)), null);
  }
  await ensureNotetakerVersion(tx, panel.id, notetakerVersionSettings(panelColumns(after)), actor.id);

  affectedPanelIds.add(panel.id);
  const roles = await tx.role.findMany({ where: { panelId: { in: [...affectedPanelIds] } }, select: { id: true, panelId: true } });
  await requestConfigurationSync(
    tx,
    roles.map((r) => r.id),
  );
  return { id: panel.id, changed: true, roleCount: roles.filter((r) => r.panelId === panel.id).length };
}
