/**
 * The session getter re-reads the user on every request (lib/auth.ts → findSessionUserById):
 * a role change applies at once and a deleted user is signed out, whatever the JWT says.
 */
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { hashPassword } from "@/lib/auth/password";
import { findSessionUserById } from "@/lib/auth/users";
import { openTestDatabase } from "../support/database";

const prisma = openTestDatabase();
const createdEmails: string[] = [];

afterAll(async () => {
  await prisma.user.deleteMany({ where: { email: { in: createdEmails } } });
});

async function createAdmin() {
  const email = `admin-${randomUUID()}@auth-test.example`;
  createdEmails.push(email);
  return prisma.user.create({
    data: { email, name: "Ada Admin", role: "ADMIN", passwordHash: await hashPassword("irrelevant-pw") },
    select: { id: true, email: true },
  });
}

describe("findSessionUserById", () => {
  it("returns id, email, name and role, never the password hash", async () => {
    const admin = await createAdmin();
    const user = await findSessionUserById(prisma, admin.id);
    expect(user).toEqual({ id: admin.id, email: admin.email, name: "Ada Admin", role: "ADMIN" });
    expect(user).not.toHaveProperty("passwordHash");
  });

  it("sees a demotion and a rename at once", async () => {
    const admin = await createAdmin();
    await prisma.user.update({ where: { id: admin.id }, data: { role: "RECRUITER", name: "Ada Recruiter" } });
    expect(await findSessionUserById(prisma, admin.id)).toMatchObject({ role: "RECRUITER", name: "Ada Recruiter" });
  });

  it("returns null for a deleted user", async () => {
    const admin = await createAdmin();
    await prisma.user.delete({ where: { id: admin.id } });
    expect(await findSessionUserById(prisma, admin.id)).toBeNull();
  });

  it("returns null for an unknown or malformed id without a database error", async () => {
    expect(await findSessionUserById(prisma, randomUUID())).toBeNull();
    expect(await findSessionUserById(prisma, "not-a-uuid")).toBeNull();
    expect(await findSessionUserById(prisma, "")).toBeNull();
  });

  it("returns null for a deactivated user, and the user again once reactivated", async () => {
    const admin = await createAdmin();
    await prisma.user.update({ where: { id: admin.id }, data: { deactivatedAt: new Date() } });
    expect(await findSessionUserById(prisma, admin.id, 0)).toBeNull();
    await prisma.user.update({ where: { id: admin.id }, data: { deactivatedAt: null } });
    expect(await findSessionUserById(prisma, admin.id, 0)).toMatchObject({ id: admin.id });
  });

  it("returns null for a session signed in before the user's session version moved on", async () => {
    const admin = await createAdmin();
    expect(await findSessionUserById(prisma, admin.id, 0)).toMatchObject({ id: admin.id });
    await prisma.user.update({ where: { id: admin.id }, data: { sessionVersion: { increment: 1 } } });
    expect(await findSessionUserById(prisma, admin.id, 0)).toBeNull();
    expect(await findSessionUserById(prisma, admin.id, 1)).toMatchObject({ id: admin.id });
  });
});
