/**
 * Pure: what the admin is told after saving a weekly cap, from the reconcile's outcomes per week.
 * The save itself always stands; the calendar part is reported as done, not needed, or pending.
 */
import type { LoadCapAction } from "./cap-rules";

export type CapOutcomeSummary = { weekKey: string; weekStart: Date; action: LoadCapAction; error?: string };

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** The success line and, when the calendar is not in step yet, a warning line. */
export function describeWeeklyCapSave(input: { name: string; before: number | null; after: number | null; outcomes: readonly CapOutcomeSummary[]; now: Date }): { message: string; warning?: string } {
  const { name, before, after, outcomes, now } = input;
  const capText = after === null ? `no weekly cap for ${name}` : `${name}'s weekly cap is ${plural(after, "interview", "interviews")}`;
  const parts = [before === after ? `No change: ${capText}.` : `Saved: ${capText}.`];

  const blocked = outcomes.filter((o) => o.action === "created" || o.action === "kept");
  const isBlockedNow = blocked.some((o) => o.weekStart.getTime() <= now.getTime());
  const upcomingBlocked = blocked.filter((o) => o.weekStart.getTime() > now.getTime()).length;
  if (isBlockedNow) parts.push("They have reached it this week: their calendar is blocked for the rest of the week, so no role offers them.");
  if (upcomingBlocked > 0) parts.push(`They have reached it in ${plural(upcomingBlocked, "upcoming week", "upcoming weeks")}: those weeks are blocked too.`);
  const removed = outcomes.filter((o) => o.action === "removed").length;
  if (removed > 0) parts.push(`They are under the cap again: the block was removed from ${plural(removed, "week", "weeks")}.`);

  const warnings: string[] = [];
  const failed = outcomes.filter((o) => o.action === "failed");
  if (failed.length > 0) {
    warnings.push(`Their calendar could not be updated yet (${failed[0]!.error ?? "Nylas did not answer"}). It is retried automatically in the background.`);
  }
  if (outcomes.some((o) => o.action === "no_grant")) {
    warnings.push("They have no connected calendar (Nylas grant), so no block could be placed or removed. Connect their calendar; the cap is applied then.");
  }
  return warnings.length > 0 ? { message: parts.join(" "), warning: warnings.join(" ") } : { message: parts.join(" ") };
}
