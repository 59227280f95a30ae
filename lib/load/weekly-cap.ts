/**
 * Saving an interviewer's weekly cap: the new value, its audit entry ("cap_changed", before and
 * after) and a "load-caps.reconcile" job in one transaction, then the cap enforced on their
 * calendar at once (lib/load/caps.ts), so the admin sees the result. The save never depends on
 * Nylas: if the calendar cannot be updated now, the admin is told and the job retries it.
 */
import "server-only";
import { db } from "@/lib/db";
import { enqueue } from "@/lib/jobs";
import { recordAudit, type AuditActor } from "@/lib/settings/audit";
import { diffFields } from "@/lib/settings/diff";
import { ZWeeklyCapInput, type TWeeklyCapState } from "@/lib/validations/load";
import { describeWeeklyCapSave } from "./cap-messages";
import { reconcileInterviewerLoadCaps, type LoadCapCalendar } from "./caps";
import { loadCapReconcileJob } from "./jobs";

/** The saved cap's job re-checks after this: by then the save's own reconcile has usually done the work. */
const RECHECK_AFTER_MS = 30_000;

export async function saveWeeklyCap(actor: AuditActor, input: unknown, options: { now?: Date; calendar?: LoadCapCalendar } = {}): Promise<TWeeklyCapState> {
  const parsed = ZWeeklyCapInput.safeParse(input);
  if (!parsed.success) {
    const capIssue = parsed.error.issues.find((issue) => issue.path[0] === "weeklyCap");
    const idIssue = parsed.error.issues.find((issue) => issue.path[0] === "interviewerId");
    return capIssue
      ? { status: "error", message: "Check the weekly cap.", fieldErrors: { weeklyCap: capIssue.message } }
      : { status: "error", message: idIssue?.message ?? "That is not an interviewer.", fieldErrors: {} };
  }
  const { interviewerId, weeklyCap } = parsed.data;

  const saved = await db.$transaction(async (tx) => {
    // Locked: two admins saving at once get audit entries whose "before" is what each replaced.
    const [current] = await tx.$queryRaw<{ name: string; weekly_cap: number | null }[]>`
      SELECT name, weekly_cap FROM interviewers WHERE id = ${interviewerId}::uuid FOR UPDATE`;
    if (!current) return null;
    const changes = diffFields({ weeklyCap: current.weekly_cap }, { weeklyCap }, { weeklyCap: "Weekly cap" });
    if (changes.length > 0) {
      await tx.interviewer.update({ where: { id: interviewerId }, data: { weeklyCap } });
      await recordAudit(tx, actor, { entityType: "interviewer", entityId: interviewerId, entityLabel: current.name, action: "cap_changed", changes });
    }
    // Durable: should the reconcile below fail or this process stop, the job brings the calendar in step.
    await enqueue(tx, loadCapReconcileJob, { interviewerId }, { runAt: new Date(Date.now() + RECHECK_AFTER_MS) });
    return { name: current.name, before: current.weekly_cap };
  });
  if (!saved) return { status: "error", message: "This interviewer no longer exists. Reload the page.", fieldErrors: {} };

  // Also when unchanged: saving again is how an admin asks for the calendar to be brought in step.
  const now = options.now ?? new Date();
  const outcomes = await reconcileInterviewerLoadCaps(interviewerId, { now, calendar: options.calendar });
  const { message, warning } = describeWeeklyCapSave({ name: saved.name, before: saved.before, after: weeklyCap, outcomes, now });
  return { status: "success", message, ...(warning ? { warning } : {}), weeklyCap };
}
