/**
 * Seeds the sandbox's side of the demo: a grant with a primary calendar per person, and their
 * busy events, replacing the events a previous seed generated (`generated: true`). Idempotent:
 * grants and calendars are upserted by email, so a person keeps their grant id across restarts
 * and reconnects. The caller (lib/seed/seed-demo.ts) decides who and which events; the sandbox
 * only stores them. No "server-only": it runs from scripts, on the client they pass in.
 */
import { createHash } from "node:crypto";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { sandboxGrantId } from "./ids";

export type SandboxSeedCalendar = {
  email: string;
  name: string;
  timezone: string;
  /** Busy events, in epoch milliseconds. */
  busy: readonly { title: string; start: number; end: number }[];
};

/** Returns the number of busy events written. */
export async function seedSandbox(db: PrismaClient, calendars: readonly SandboxSeedCalendar[]): Promise<number> {
  let generated = 0;
  await db.sandboxEvent.deleteMany({ where: { generated: true } });
  for (const person of calendars) {
    const grantId = sandboxGrantId(person.email);
    await db.sandboxGrant.upsert({
      where: { email: person.email },
      create: { id: grantId, email: person.email, name: person.name, timezone: person.timezone },
      update: { name: person.name, timezone: person.timezone },
    });
    const grant = await db.sandboxGrant.findUniqueOrThrow({ where: { email: person.email }, select: { id: true } });
    const calendarId = person.email; // Google-style: the primary calendar's id is the account email
    await db.sandboxCalendar.upsert({
      where: { id: calendarId },
      create: { id: calendarId, grantId: grant.id, name: person.name, isPrimary: true, timezone: person.timezone },
      update: {},
    });
    await db.sandboxEvent.createMany({
      data: person.busy.map((e, n) => ({
        id: `demo${createHash("sha1").update(`${person.email}|${e.start}|${n}`).digest("hex").slice(0, 22)}`,
        calendarId,
        grantId: grant.id,
        title: e.title,
        startTime: new Date(e.start),
        endTime: new Date(e.end),
        timezone: person.timezone,
        participants: [{ email: person.email, name: person.name, status: "yes" }],
        organizer: { email: person.email, name: person.name },
        icalUid: `demo-${n}-${e.start}@sandbox.nylas`,
        generated: true,
      })),
      skipDuplicates: true,
    });
    generated += person.busy.length;
  }
  return generated;
}
