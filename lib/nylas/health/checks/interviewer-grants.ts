/**
 * (c) Every panel interviewer has a valid grant, matched by email.
 */
import "server-only";
import { recordGrantLookup } from "@/lib/calendar/connect";
import { db } from "@/lib/db";
import { PATHS } from "@/lib/routes";
import { findGrantByEmail, type GrantMatch } from "../../grants";
import { check, shortFailure, type Context } from "../context";
import type { HealthCheck } from "../format";
import { interviewerGrantInvalid, interviewerGrantMissing } from "../messages";

export async function checkInterviewerGrants(ctx: Context): Promise<HealthCheck> {
  const interviewers = await db.interviewer.findMany({
    where: { panels: { some: {} } },
    orderBy: [{ name: "asc" }, { email: "asc" }],
    select: { name: true, email: true },
  });
  if (interviewers.length === 0) {
    return check("interviewer-grants", "warn", "No interviewer is on a panel yet, so no role can be booked.", "Add interviewers to a panel in Settings.");
  }

  const results = await Promise.all(
    interviewers.map(async (person) => {
      try {
        return { person, grant: await ctx.call(() => findGrantByEmail(person.email)) };
      } catch (error) {
        return { person, error };
      }
    }),
  );

  const accountUrl = new URL(PATHS.account, ctx.env.APP_URL).toString();
  const problems: string[] = [];
  const fixes: string[] = [];
  let lookupsFailed = false;
  for (const r of results) {
    if ("error" in r) {
      // A refused key was caught by the first check; what is left is Nylas being slow or erroring.
      problems.push(`${r.person.name} (${r.person.email}): ${shortFailure(ctx, r.error)}`);
      lookupsFailed = true;
      continue;
    }
    const grant: GrantMatch | null = r.grant;
    // Keep the people's stored connections in step with what Nylas says (the team page and /account read them).
    await recordGrantLookup(r.person.email, grant);
    if (!grant) {
      const { problem, fix } = interviewerGrantMissing(ctx.mode, r.person, accountUrl);
      problems.push(problem);
      fixes.push(fix);
    } else if (grant.status !== "valid") {
      const { problem, fix } = interviewerGrantInvalid(ctx.mode, r.person, grant, accountUrl);
      problems.push(problem);
      fixes.push(fix);
    }
  }
  if (lookupsFailed) fixes.push("Check again; if Nylas keeps failing, see the API key check's hints.");

  const total = interviewers.length;
  if (problems.length === 0) {
    return check(
      "interviewer-grants",
      "pass",
      `All ${total} panel interviewer${total === 1 ? " has a valid grant" : "s have a valid grant"} matched by email: ${interviewers.map((i) => i.name).join(", ")}.`,
    );
  }
  return check("interviewer-grants", "fail", `${problems.length} of ${total} panel interviewers cannot host interviews: ${problems.join("; ")}.`, fixes.join("\n"));
}
