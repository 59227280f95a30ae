/**
 * Loading the signed-in user. The session cookie only says who signed in; role and name are read
 * from the database on every request, so a deleted user is signed out and a demoted admin loses
 * admin at once.
 *
 * Takes the Prisma client as an argument so integration tests can pass their own; lib/auth.ts
 * passes `db`.
 */
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { UserRole } from "@/lib/generated/prisma/enums";
import { isId } from "@/lib/validations/ids";

export type SessionUser = { id: string; email: string; name: string; role: UserRole };

/** The user behind a session's subject id, or null when the id is malformed or the user is gone. */
export async function findSessionUserById(client: Pick<PrismaClient, "user">, id: string): Promise<SessionUser | null> {
  if (!isId(id)) return null;
  return client.user.findUnique({
    where: { id },
    select: { id: true, email: true, name: true, role: true },
  });
}
