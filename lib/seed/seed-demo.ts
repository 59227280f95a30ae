/**
 * Seeds the demo fixture (prisma/demo-fixture.ts). Idempotent, so it runs at every `npm run dev`
 * start, and it never undoes an admin's edits: interviewers are only created, and the panels and
 * roles only into a database that has none yet (a renamed panel is not re-created next start).
 * Demo users and the sandbox's grants and calendars (seedSandbox) are seeded only in sandbox mode.
 * No "server-only" here: it runs from scripts (under the react-server condition, which the
 * sandbox's index needs).
 */
import { hashPassword } from "@/lib/auth/password";
import { SANDBOX_SENDER } from "@/lib/email/sender";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { getEnv } from "@/lib/env";
import { listSandboxGrantsByEmail, seedSandbox } from "@/lib/sandbox";
import { ZScorecard } from "@/lib/scorecards/scorecard";
import { saveScorecardVersion } from "@/lib/scorecards/versions";
import { linkInterviewersByEmail } from "@/lib/team/link-interviewer";
import { demoInterviewers, demoOpenHours, demoPanels, demoRoles, demoUsers } from "@/prisma/demo-fixture";
import { generateDemoBusyEvents } from "./demo-calendar";

export type SeedOptions = { sandbox: boolean; seedPassword: string; now: Date };

export async function seedDemo(db: PrismaClient, opts: SeedOptions): Promise<string[]> {
  const log: string[] = [];

  for (const i of demoInterviewers) {
    await db.interviewer.upsert({ where: { email: i.email }, create: { name: i.name, email: i.email, timezone: i.timezone }, update: {} });
  }
  const firstStart = (await db.panel.count()) === 0 && (await db.role.count()) === 0;
  const interviewers = new Map((await db.interviewer.findMany({ select: { id: true, email: true } })).map((i) => [i.email, i.id]));

  for (const p of firstStart ? demoPanels : []) {
    const fields = {
      availabilityMethod: p.availabilityMethod,
      durationMinutes: p.durationMinutes,
      bufferBeforeMinutes: p.bufferBeforeMinutes,
      bufferAfterMinutes: p.bufferAfterMinutes,
      timezone: p.timezone,
      openHours: demoOpenHours as Prisma.InputJsonValue,
      conferencingProvider: p.conferencingProvider,
      summaryInstructions: p.summaryInstructions,
      actionItemsInstructions: p.actionItemsInstructions,
    };
    const panel = await db.panel.upsert({ where: { name: p.name }, create: { name: p.name, ...fields }, update: {}, select: { id: true, _count: { select: { members: true } } } });
    if (panel._count.members === 0) {
      await db.panelMember.createMany({ data: p.members.map((email, position) => ({ panelId: panel.id, interviewerId: interviewers.get(email)!, position })) });
    }
  }
  const panels = new Map((await db.panel.findMany({ select: { id: true, name: true } })).map((p) => [p.name, p.id]));

  for (const r of firstStart ? demoRoles : []) {
    const { panel, scorecard, ...fields } = r;
    const role = await db.role.upsert({ where: { slug: r.slug }, create: { ...fields, panelId: panels.get(panel)! }, update: {}, select: { id: true } });
    // Version 1 of its scorecard, checked like any admin's (ZScorecard normalises it).
    await saveScorecardVersion(db, role.id, ZScorecard.parse({ competencies: scorecard }), null);
  }
  log.push(
    firstStart
      ? `${demoInterviewers.length} interviewers, ${demoPanels.length} panels, ${demoRoles.length} roles with their scorecards`
      : `${demoInterviewers.length} interviewers (panels and roles exist: kept as they are)`,
  );

  if (!opts.sandbox) return log;

  for (const u of demoUsers) {
    const existing = await db.user.findUnique({ where: { email: u.email }, select: { id: true } });
    if (!existing) await db.user.create({ data: { email: u.email, name: u.name, role: u.role, passwordHash: await hashPassword(opts.seedPassword) } });
  }
  // The demo interviewers' accounts are the panel members with their emails.
  const linked = await linkInterviewersByEmail(db);
  log.push(`demo users: ${demoUsers.map((u) => u.email).join(", ")}${linked > 0 ? ` (${linked} linked to their interviewers)` : ""}`);

  // Sandbox: a grant with a primary calendar per interviewer, and fresh busy events around today;
  // and the recruiting coordinator's account, which the portal's email is sent from (lib/email/sender.ts).
  const generated = await seedSandbox(db, [
    ...demoInterviewers.map((i) => ({
      email: i.email,
      name: i.name,
      timezone: i.timezone,
      busy: generateDemoBusyEvents({ email: i.email, timezone: i.timezone, blocksFridays: Boolean(i.blocksFridays), now: opts.now.getTime(), daysBefore: 7, daysAfter: 75 }),
    })),
    { email: SANDBOX_SENDER.email, name: SANDBOX_SENDER.name, timezone: SANDBOX_SENDER.timezone, busy: [] },
  ]);
  log.push(`sandbox: ${demoInterviewers.length + 1} grants (the interviewers and ${SANDBOX_SENDER.email}), ${generated} busy events regenerated around today`);

  // The demo interviewers' accounts have connected their calendars (as "Connect calendar" on
  // /account records it); a connection an interviewer already has is kept as it is.
  const grants = await listSandboxGrantsByEmail(
    demoInterviewers.map((i) => i.email),
    db,
  );
  const users = await db.user.findMany({ where: { email: { in: grants.map((g) => g.email) } }, select: { id: true, email: true } });
  const grantByEmail = new Map(grants.map((g) => [g.email, g]));
  for (const user of users) {
    const grant = grantByEmail.get(user.email)!;
    await db.calendarConnection.upsert({
      where: { userId: user.id },
      create: { userId: user.id, apiUri: getEnv().nylasApiUri, grantId: grant.id, email: grant.email, provider: grant.provider, grantStatus: grant.status, connectedAt: opts.now, checkedAt: opts.now },
      update: {},
    });
  }
  log.push(`calendar connections: ${users.length} demo interviewers`);
  return log;
}
