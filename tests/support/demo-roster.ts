/**
 * The demo company's roles and interviewers without users or sandbox calendars (seedDemo with
 * sandbox off), and their ids by role slug and interviewer email, for the dashboard's list tests.
 */
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { seedDemo } from "@/lib/seed/seed-demo";

export type DemoRoster = { roleIds: Record<string, string>; interviewerIds: Record<string, string> };

export async function seedDemoRoster(prisma: PrismaClient, now: Date): Promise<DemoRoster> {
  await seedDemo(prisma, { sandbox: false, seedPassword: "unused", now });
  const [roles, interviewers] = await Promise.all([prisma.role.findMany({ select: { slug: true, id: true } }), prisma.interviewer.findMany({ select: { email: true, id: true } })]);
  return { roleIds: Object.fromEntries(roles.map((r) => [r.slug, r.id])), interviewerIds: Object.fromEntries(interviewers.map((i) => [i.email, i.id])) };
}
