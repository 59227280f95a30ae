/**
 * "Why this interviewer" and "which Notetaker version", end to end on real Postgres with the sandbox
 * over HTTP: bookings made through the SDK, the sandbox's signed notifications delivered to the
 * app's route, the worker processing them — then each interview's assignment (ranking from the
 * app's records, busy from the SDK's free/busy call) and its Notetaker settings version.
 */
import { beforeEach, describe, expect, it } from "vitest";
import { readAssignment } from "@/lib/assignment/explain";
import { assignmentJob } from "@/lib/assignment/jobs";
import { hasLiveJob, runDueJobs } from "@/lib/jobs";
import { getNylas } from "@/lib/nylas/client";
import { syncRoleConfigurations } from "@/lib/nylas/sync-configurations";
import { webhookDeliveryJob } from "@/lib/sandbox/webhook-dispatcher";
import { getPanelForEdit, savePanel } from "@/lib/settings/panels";
import { webhookProcessingJob } from "@/lib/webhooks/jobs";
import { processBooking } from "@/lib/interviews/process-booking";
import { setupSeededSandbox } from "../support/seeded-sandbox";

const { prisma, configurationOf } = setupSeededSandbox({ server: { webhookRoute: true }, syncConfigurations: true, webhookSubscription: true });
let configurationId: string;
let designConfigurationId: string;
let roleId: string;

beforeEach(async () => {
  configurationId = configurationOf["backend-engineer"]!;
  designConfigurationId = configurationOf["product-designer"]!;
  roleId = (await prisma.role.findUniqueOrThrow({ where: { slug: "backend-engineer" }, select: { id: true } })).id;
});

const dispatchDueDeliveries = () => runDueJobs(webhookDeliveryJob);
const processDueWebhookEvents = () => runDueJobs(webhookProcessingJob);
const processDueAssignments = () => runDueJobs(assignmentJob);

async function pump() {
  for (let i = 0; i < 10; i++) {
    const sent = await dispatchDueDeliveries();
    const processed = await processDueWebhookEvents();
    const explained = await processDueAssignments();
    if (sent === 0 && processed === 0 && explained === 0) return;
  }
}

async function panelMembers(slug = "backend-engineer") {
  const panel = await prisma.panel.findFirstOrThrow({
    where: { roles: { some: { slug } } },
    select: { id: true, members: { orderBy: { position: "asc" }, select: { interviewer: { select: { name: true, email: true } } } } },
  });
  return { panelId: panel.id, members: panel.members.map((m) => m.interviewer) };
}

/** Books the first slot offered on or after `from` (seconds), as a candidate would; returns the interview once processed. */
async function book(guestEmail: string, { from = Math.floor(Date.now() / 1000), configuration = configurationId } = {}) {
  const configurationId = configuration;
  const nylas = getNylas();
  const slots = (await nylas.scheduler.availability.get({ queryParams: { startTime: from, endTime: from + 14 * 86_400, configurationId } })).data.timeSlots;
  const slot = slots[0]!;
  const booking = (
    await nylas.scheduler.bookings.create({
      queryParams: { configurationId },
      requestBody: { startTime: slot.startTime, endTime: slot.endTime, guest: { name: guestEmail.split("@")[0]!, email: guestEmail }, participants: [{ email: slot.emails[0]! }] },
    })
  ).data;
  await pump();
  return prisma.interview.findUniqueOrThrow({
    where: { bookingId: booking.bookingId },
    select: { id: true, assignment: true, interviewerEmail: true, startsAt: true, endsAt: true, notetakerVersionId: true },
  });
}

describe("why this interviewer", () => {
  it("records the ranking from the app's records, who was chosen, and a verdict", async () => {
    const { members } = await panelMembers();
    const first = await book("ada@example.org");
    const record = readAssignment(first.assignment);
    expect(record).not.toBeNull();
    expect(record!).toMatchObject({ method: "max-fairness", chosenEmail: members[0]!.email, freeBusyError: null });
    expect(record!.members.map((m) => [m.rank, m.email, m.lastBookedAt, m.status])).toEqual([
      [1, members[0]!.email, null, "chosen"],
      [2, members[1]!.email, null, expect.stringMatching(/^(free|busy)$/)],
      [3, members[2]!.email, null, expect.stringMatching(/^(free|busy)$/)],
    ]);
    expect(record!.verdict).toBe(`${members[0]!.name} was first in line (never booked in this role); max fairness offers only their free times and books them.`);

    // The next booking: the first member is now last in line, with when they were booked.
    const second = await book("grace@example.org");
    const next = readAssignment(second.assignment)!;
    expect(next.chosenEmail).toBe(members[1]!.email);
    expect(next.members.map((m) => m.email)).toEqual([members[1]!.email, members[2]!.email, members[0]!.email]);
    expect(next.members[2]!.lastBookedAt).not.toBeNull();
  });

  it("names the member who was busy at the time (from Nylas free/busy) when the next in line got it", async () => {
    // Max availability (the design panel): the first in line is busy for two weeks, so every
    // offered time books the next member.
    const { members } = await panelMembers("product-designer");
    const grant = await prisma.sandboxGrant.findUniqueOrThrow({ where: { email: members[0]!.email }, select: { id: true } });
    const now = Math.floor(Date.now() / 1000);
    await getNylas().events.create({
      identifier: grant.id,
      queryParams: { calendarId: "primary" },
      requestBody: { title: "Offsite", busy: true, when: { startTime: now, endTime: now + 15 * 86_400 } },
    });
    const interview = await book("linus@example.org", { configuration: designConfigurationId });
    const record = readAssignment(interview.assignment)!;
    expect(record.method).toBe("max-availability");
    expect(record.chosenEmail).toBe(members[1]!.email);
    expect(record.members[0]).toMatchObject({ email: members[0]!.email, rank: 1, status: "busy" });
    expect(record.members[1]).toMatchObject({ email: members[1]!.email, status: "chosen" });
    expect(record.verdict).toBe(`${members[0]!.name} was busy, so ${members[1]!.name} (next in line) got it.`);
  });

  it("is worked out by its own job after the booking is processed, once per change", async () => {
    const nylas = getNylas();
    const from = Math.floor(Date.now() / 1000);
    const slots = (await nylas.scheduler.availability.get({ queryParams: { startTime: from, endTime: from + 14 * 86_400, configurationId } })).data.timeSlots;
    const booking = (
      await nylas.scheduler.bookings.create({
        queryParams: { configurationId },
        requestBody: { startTime: slots[0]!.startTime, endTime: slots[0]!.endTime, guest: { name: "Edsger", email: "edsger@example.org" }, participants: [{ email: slots[0]!.emails[0]! }] },
      })
    ).data;
    while ((await dispatchDueDeliveries()) + (await processDueWebhookEvents()) > 0);
    // Processed without asking Nylas for free/busy: the explanation is a job now due.
    const processed = await prisma.interview.findUniqueOrThrow({ where: { bookingId: booking.bookingId }, select: { id: true, assignment: true } });
    expect(processed.assignment).toBeNull();
    expect(await hasLiveJob(assignmentJob, processed.id)).toBe(true);

    expect(await processDueAssignments()).toBe(1);
    const done = await prisma.interview.findUniqueOrThrow({ where: { id: processed.id }, select: { assignment: true } });
    expect(readAssignment(done.assignment)?.chosenEmail).toBe(slots[0]!.emails[0]!.toLowerCase());
    expect(await hasLiveJob(assignmentJob, processed.id)).toBe(false);
    expect(await processDueAssignments()).toBe(0);

    // The same booking processed again (a duplicate, a retry) changes nothing: no job.
    await processBooking(booking.bookingId);
    expect(await hasLiveJob(assignmentJob, processed.id)).toBe(false);

    // A cancellation needs no explanation: none is queued.
    await nylas.scheduler.bookings.destroy({ bookingId: booking.bookingId, queryParams: { configurationId }, requestBody: { cancellationReason: "Changed plans" } });
    while ((await dispatchDueDeliveries()) + (await processDueWebhookEvents()) > 0);
    expect(await hasLiveJob(assignmentJob, processed.id)).toBe(false);
  });

  it("records that busy times are unknown when Nylas's free/busy call fails, and still explains the rest", async () => {
    const { members } = await panelMembers();
    // The configuration's grant is gone on the Nylas side: free/busy answers an error.
    const row = await prisma.roleConfiguration.findFirstOrThrow({ where: { roleId } });
    const interview = await book("barbara@example.org");
    await prisma.$executeRaw`UPDATE interviews SET assignment = NULL WHERE id = ${interview.id}::uuid`;
    await prisma.roleConfiguration.update({ where: { id: row.id }, data: { grantId: "00000000-0000-4000-8000-000000000000" } });
    const { recordAssignment } = await import("@/lib/assignment/record");
    const record = (await recordAssignment(interview.id))!;
    expect(record.freeBusyError).toMatch(/free\/busy/);
    expect(record.members.find((m) => m.email === members[0]!.email)!.status).toBe("chosen");
    expect(record.members.filter((m) => m.status === "unknown")).toHaveLength(2);
  });
});

describe("the Notetaker settings version an interview was booked with", () => {
  it("points each interview at the panel's version at booking time", async () => {
    const first = await book("ada@example.org");
    const v1 = await prisma.notetakerSettingsVersion.findUniqueOrThrow({ where: { id: first.notetakerVersionId! } });
    expect(v1.version).toBe(1);

    const { panelId } = await panelMembers();
    const admin = await prisma.user.findFirstOrThrow({ where: { role: "ADMIN" }, select: { id: true, email: true } });
    const view = (await getPanelForEdit(panelId))!;
    const saved = await savePanel(admin, panelId, { ...view.input, notetaker: { ...view.input.notetaker, summaryInstructions: "Start with the verdict." } }, view.updatedAt);
    expect(saved.status).toBe("success");
    expect(await syncRoleConfigurations()).toEqual(expect.arrayContaining([expect.objectContaining({ roleSlug: "backend-engineer", action: "updated" })]));

    const second = await book("grace@example.org");
    const v2 = await prisma.notetakerSettingsVersion.findUniqueOrThrow({ where: { id: second.notetakerVersionId! } });
    expect(v2).toMatchObject({ version: 2, createdById: admin.id });
    expect((v2.settings as { summaryInstructions: string }).summaryInstructions).toBe("Start with the verdict.");
    // The first interview keeps its version.
    expect((await prisma.interview.findUniqueOrThrow({ where: { id: first.id } })).notetakerVersionId).toBe(v1.id);
  });
});
