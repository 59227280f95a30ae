/**
 * Loading the signed-in user. The session cookie only says who signed in; role and name are read
 * from the database on every request, so a deleted user is signed out and a demoted admin loses
 * admin at once. A deactivated user, and a session older than the user's last password change or
 * deactivation (the token's session version is behind User.sessionVersion), are signed out too.
 *
 * Takes the Prisma client as an argument so integration tests can pass their own; lib/auth.ts
 * passes `db`.
 */
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { UserRole } from "@/lib/generated/prisma/enums";
import { isId } from "@/lib/validations/ids";

export type SessionUser = { id: string; email: string; name: string; role: UserRole };

/**
 * The user behind a session's subject id, or null when the id is malformed, the user is gone or
 * deactivated, or `sessionVersion` (the token's; omitted: not checked) is not the user's current one.
 */
export async function findSessionUserById(client: Pick<PrismaClient, "user">, id: string, sessionVersion?: number): Promise<SessionUser | null> {
  if (!isId(id)) return null;
  const user = await client.user.findUnique({
    where: { id },
    select: { id: true, email: true, name: true, role: true, deactivatedAt: true, sessionVersion: true },
  });
  if (!user || user.deactivatedAt) return null;
  if (sessionVersion !== undefined && user.sessionVersion !== sessionVersion) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}
