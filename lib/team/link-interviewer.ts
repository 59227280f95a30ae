/**
 * Interviewer ↔ account, by email (DESIGN "Team and calendars"): a panel member and a portal user
 * with the same (normalised) email are one person, so Interviewer.userId points at the user. Called
 * when an invitation is accepted, when a panel gets a new member who already has an account
 * (lib/settings/panels.ts), when a calendar is connected (lane C), and by the demo seed. Links
 * only unlinked interviewers to unlinked users: an existing link is never moved.
 *
 * Takes the client (or a transaction) as an argument; no "server-only", so the seed can call it.
 */
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";

/** Links the interviewer(s) whose email matches a user's: `email` alone, or every one when omitted. Returns how many were linked. */
export async function linkInterviewersByEmail(client: Prisma.TransactionClient | PrismaClient, email?: string): Promise<number> {
  return client.$executeRaw`
    UPDATE interviewers i SET user_id = u.id, updated_at = now()
      FROM users u
     WHERE i.email = u.email AND i.user_id IS NULL
       AND NOT EXISTS (SELECT 1 FROM interviewers o WHERE o.user_id = u.id)
       AND (${email ?? null}::text IS NULL OR i.email = ${email ?? null}::text)`;
}
