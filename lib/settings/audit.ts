/**
 * The settings audit log: one row per change, with who, when and the fields before and after.
 * Written in the same transaction as the change it describes, so a change is never kept without
 * its entry (nor an entry without its change).
 */
import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { FieldChange } from "./diff";

type Tx = Prisma.TransactionClient;

export type AuditActor = { id: string; email: string };
export type AuditEntityType = "role" | "panel" | "interviewer" | "application" | "privacy" | "candidate" | "user" | "invitation";
export type AuditAction =
  | "created"
  | "updated"
  | "published"
  | "unpublished"
  | "cap_changed"
  | "sync_retried"
  | "stage_changed"
  | "exported"
  | "erased"
  | "invited"
  | "invitation_resent"
  | "invitation_revoked"
  | "invitation_accepted"
  | "role_changed"
  | "deactivated"
  | "reactivated"
  | "calendar_connected"
  | "password_changed"
  | "password_reset";

export type AuditEntry = {
  entityType: AuditEntityType;
  entityId: string;
  /** The entity's name when the change was made (kept: names change later). */
  entityLabel: string;
  action: AuditAction;
  changes: FieldChange[];
};

export async function recordAudit(tx: Tx, actor: AuditActor, entry: AuditEntry): Promise<void> {
  await tx.auditLog.create({
    data: {
      actorId: actor.id,
      actorEmail: actor.email,
      entityType: entry.entityType,
      entityId: entry.entityId,
      entityLabel: entry.entityLabel,
      action: entry.action,
      changes: entry.changes as unknown as Prisma.InputJsonValue,
    },
  });
}

export const AUDIT_PAGE_SIZE = 25;

export type AuditFilters = { entityType?: AuditEntityType; entityId?: string; page: number };

export type AuditRow = {
  id: string;
  actorEmail: string;
  entityType: string;
  entityId: string;
  entityLabel: string;
  action: string;
  changes: FieldChange[];
  createdAt: Date;
};

/** Newest first, a page at a time. */
export async function listAuditLog(filters: AuditFilters): Promise<{ rows: AuditRow[]; total: number }> {
  const where: Prisma.AuditLogWhereInput = {
    ...(filters.entityType ? { entityType: filters.entityType } : {}),
    ...(filters.entityId ? { entityId: filters.entityId } : {}),
  };
  const [rows, total] = await Promise.all([
    db.auditLog.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (filters.page - 1) * AUDIT_PAGE_SIZE,
      take: AUDIT_PAGE_SIZE,
      select: { id: true, actorEmail: true, entityType: true, entityId: true, entityLabel: true, action: true, changes: true, createdAt: true },
    }),
    db.auditLog.count({ where }),
  ]);
  return { rows: rows.map((r) => ({ ...r, changes: (Array.isArray(r.changes) ? r.changes : []) as FieldChange[] })), total };
}
