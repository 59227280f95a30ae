/**
 * The recruiter's decision on an application (issue 15, DESIGN "Candidate page"): its stage, with a
 * reason for "Rejected", saved with its audit entry (audit_logs, entity "application", action
 * "stage_changed", before and after) in one transaction, and the decisions read back for the page.
 *
 * Only recruiters and admins decide: the action lets no one else in, and decideApplication refuses
 * anyone else too (403), whoever calls it. A decision names the application's updatedAt as the
 * deciding person saw it; if it changed meanwhile (someone else decided), nothing is written and
 * they are told to reload. Bad input (Rejected without a reason) writes nothing either.
 */
import "server-only";
import { actionError, toFieldErrors } from "@/lib/actions/state";
import { db } from "@/lib/db";
import { forbiddenError } from "@/lib/errors";
import type { ApplicationStage, UserRole } from "@/lib/generated/prisma/enums";
import { recordAudit } from "@/lib/settings/audit";
import { diffFields, type FieldChange } from "@/lib/settings/diff";
import { describeDecisionInputError, STAGE_LABELS, ZDecisionInput, type TDecisionState } from "./decision";

export type DecisionActor = { id: string; email: string; role: UserRole };

const DECISION_LABELS = { stage: "Stage", rejectionReason: "Rejection reason" };

/** An expected refusal inside the transaction: rolls it back, answered as an error state. */
class DecisionRefusal extends Error {}

export async function decideApplication(actor: DecisionActor, input: unknown, now: Date = new Date()): Promise<TDecisionState> {
  if (actor.role !== "ADMIN" && actor.role !== "RECRUITER") throw forbiddenError("Only recruiters and admins decide on an application.");
  const parsed = ZDecisionInput.safeParse(input);
  if (!parsed.success) return actionError(describeDecisionInputError(parsed.error), toFieldErrors(parsed.error));
  const { applicationId, stage, rejectionReason, expectedUpdatedAt } = parsed.data;

  try {
    const result = await db.$transaction(async (tx) => {
      // Locked: two decisions at once are taken one after the other, and the second sees the first.
      // FOR NO KEY UPDATE (what the update takes), not FOR UPDATE: feedback being inserted checks its
      // application with a key-share lock, and a first submission holds its interview meanwhile,
      // which this decision's stage then needs (the interviews' copies): FOR UPDATE would deadlock.
      const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM applications WHERE id = ${applicationId}::uuid FOR NO KEY UPDATE`;
      if (locked.length === 0) throw new DecisionRefusal("This application no longer exists. Reload the page.");
      const current = await tx.application.findUniqueOrThrow({
        where: { id: applicationId },
        select: { stage: true, rejectionReason: true, updatedAt: true, candidateId: true, candidate: { select: { name: true } }, role: { select: { title: true } } },
      });
      if (current.updatedAt.getTime() !== new Date(expectedUpdatedAt).getTime()) {
        throw new DecisionRefusal(
          `Someone else changed this application after you opened the page: its stage is now ${STAGE_LABELS[current.stage]}. Reload the page to see their decision, then decide again.`,
        );
      }
      const changes = diffFields({ stage: current.stage, rejectionReason: current.rejectionReason }, { stage, rejectionReason }, DECISION_LABELS);
      if (changes.length === 0) return { candidateId: current.candidateId, changed: false };
      await tx.application.update({ where: { id: applicationId }, data: { stage, rejectionReason, decidedAt: now } });
      await recordAudit(tx, actor, {
        entityType: "application",
        entityId: applicationId,
        entityLabel: `${current.candidate.name} · ${current.role.title}`,
        action: "stage_changed",
        changes,
      });
      return { candidateId: current.candidateId, changed: true };
    });
    const message = result.changed ? `Decision saved: ${STAGE_LABELS[stage]}.` : `Nothing to save: the stage is already ${STAGE_LABELS[stage]}.`;
    return { status: "success", message, stage, candidateId: result.candidateId };
  } catch (error) {
    if (error instanceof DecisionRefusal) return actionError(error.message);
    throw error;
  }
}

export type Decision = {
  id: string;
  applicationId: string;
  /** The person's name when they still have an account, else the email kept in the audit log. */
  decidedBy: string;
  decidedAt: Date;
  stage: ApplicationStage | null;
  previousStage: ApplicationStage | null;
  rejectionReason: string | null;
};

const STAGES = new Set(Object.keys(STAGE_LABELS));
const readStage = (value: unknown): ApplicationStage | null => (typeof value === "string" && STAGES.has(value) ? (value as ApplicationStage) : null);

/** An audit entry's changes → the decision. A reason exists only while Rejected, so a reason-only change was made in Rejected. */
function readDecision(changes: unknown): Pick<Decision, "stage" | "previousStage" | "rejectionReason"> {
  const list = (Array.isArray(changes) ? changes : []) as Partial<FieldChange>[];
  const stage = list.find((c) => c?.field === "stage");
  const reason = list.find((c) => c?.field === "rejectionReason");
  const rejectionReason = typeof reason?.after === "string" ? reason.after : null;
  return {
    stage: stage ? readStage(stage.after) : rejectionReason !== null ? "REJECTED" : null,
    previousStage: stage ? readStage(stage.before) : rejectionReason !== null ? "REJECTED" : null,
    rejectionReason,
  };
}

export const DECISIONS_PER_APPLICATION = 10;

/**
 * The decisions on these applications, newest first (at most DECISIONS_PER_APPLICATION each), read
 * from the audit log: who, when, the stage before and after, and the reason.
 */
export async function listDecisions(applicationIds: readonly string[]): Promise<Map<string, Decision[]>> {
  const out = new Map<string, Decision[]>(applicationIds.map((id) => [id, []]));
  if (applicationIds.length === 0) return out;
  const rows = await db.auditLog.findMany({
    where: { entityType: "application", action: "stage_changed", entityId: { in: [...applicationIds] } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: DECISIONS_PER_APPLICATION * applicationIds.length,
    select: { id: true, entityId: true, actorEmail: true, actor: { select: { name: true } }, changes: true, createdAt: true },
  });
  for (const row of rows) {
    const list = out.get(row.entityId);
    if (!list || list.length >= DECISIONS_PER_APPLICATION) continue;
    list.push({ id: row.id, applicationId: row.entityId, decidedBy: row.actor?.name ?? row.actorEmail, decidedAt: row.createdAt, ...readDecision(row.changes) });
  }
  return out;
}
