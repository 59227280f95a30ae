/**
 * Admin settings through to Nylas, on real Postgres with the sandbox served over HTTP and reached
 * through the `nylas` SDK: a panel or role save records the change (audit, Notetaker version) and
 * its sync job makes the stored configuration equal the JSON the panel implies; a Nylas rejection
 * keeps the edit and shows Nylas's message; Retry, stale saves, and a change saved mid-sync.
 */
import { beforeEach, describe, expect, it } from "vitest";
import { getEnv } from "@/lib/env";
import { getNylas } from "@/lib/nylas/client";
import { buildConfigurationRequest, PANEL_SYNC_SELECT, type PanelForSync } from "@/lib/nylas/configuration-request";
import { runDueJobs } from "@/lib/jobs";
import { configurationSyncJob, retryConfigurationSync } from "@/lib/nylas/sync-configurations";
import { SCORECARD_MARKER, stripScorecardSection } from "@/lib/scorecards/summary-instructions";
import { getCurrentScorecard } from "@/lib/scorecards/versions";
import { seedDemo } from "@/lib/seed/seed-demo";
import { listAuditLog } from "@/lib/settings/audit";
import type { StoredOpenHours } from "@/lib/settings/open-hours";
import { getPanelForEdit, savePanel } from "@/lib/settings/panels";
import { getRoleBookingLinks } from "@/lib/roles/booking-links-queries";
import { getRoleForEdit, listRoleSyncStates, retryRoleSync, saveRole, setRolePublished } from "@/lib/settings/roles";
import type { TPanelInput } from "@/lib/validations/settings";
import { setupSeededSandbox } from "../support/seeded-sandbox";

const { prisma, server, configurations } = setupSeededSandbox({ syncConfigurations: true });
let admin: { id: string; email: string };

beforeEach(async () => {
  expect(configurations.every((o) => o.action !== "failed")).toBe(true);
  admin = await prisma.user.findFirstOrThrow({ where: { role: "ADMIN" }, select: { id: true, email: true } });
});

async function firstPanel() {
  const panel = await prisma.panel.findFirstOrThrow({ where: { roles: { some: {} } }, orderBy: { name: "asc" }, select: { id: true } });
  const view = await getPanelForEdit(panel.id);
  return view!;
}

async function drain() {
  for (let i = 0; i < 20; i++) if ((await runDueJobs(configurationSyncJob, { limit: 50 })) === 0) return;
}

/** What the sandbox stores for the role, read back through the SDK in the API's own field names. */
async function storedConfiguration(roleId: string) {
  const row = await prisma.roleConfiguration.findFirstOrThrow({ where: { roleId } });
  const res = await fetch(`${server.origin}/v3/grants/${row.grantId}/scheduling/configurations/${row.configurationId}`, {
    headers: { authorization: `Bearer ${getEnv().nylasApiKey}` },
  });
  expect(res.status).toBe(200);
  return (await res.json()).data as Record<string, unknown>;
}

/** The request the panel implies, in wire (snake_case) form, as the SDK would send it. */
async function expectedConfiguration(roleId: string) {
  const role = await prisma.role.findUniqueOrThrow({ where: { id: roleId }, select: { slug: true, title: true, published: true, hostedPageEnabled: true, panel: { select: PANEL_SYNC_SELECT } } });
  const panel: PanelForSync = { ...role.panel, openHours: role.panel.openHours as StoredOpenHours[], members: role.panel.members.map((m) => m.interviewer) };
  return toSnake(buildConfigurationRequest({ ...role, scorecard: await getCurrentScorecard(prisma, roleId) }, panel)) as Record<string, unknown>;
}

function toSnake(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(toSnake);
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`), toSnake(v)]));
  }
  return value;
}

/** Every field of `expected` is in `actual` with the same value (the server adds ids and defaults). */
function expectContains(actual: unknown, expected: unknown, path = "$"): void {
  if (expected && typeof expected === "object" && !Array.isArray(expected)) {
    expect(actual, path).toBeTypeOf("object");
    for (const [k, v] of Object.entries(expected)) expectContains((actual as Record<string, unknown>)[k], v, `${path}.${k}`);
  } else if (Array.isArray(expected)) {
    expect(Array.isArray(actual), path).toBe(true);
    expect((actual as unknown[]).length, path).toBe(expected.length);
    expected.forEach((v, i) => expectContains((actual as unknown[])[i], v, `${path}[${i}]`));
  } else {
    expect(actual, path).toEqual(expected);
  }
}

describe("saving a panel", () => {
  it("stores the change, audits it, and syncs every role's configuration to the JSON the panel implies", async () => {
    const view = await firstPanel();
    const input: TPanelInput = {
      ...view.input,
      durationMinutes: 30,
      intervalMinutes: 30,
      bufferBeforeMinutes: 10,
      availabilityMethod: "MAX_AVAILABILITY",
      conferencingProvider: "Zoom Meeting",
      eventTitle: "Chat with ${invitee} (${duration} min)",
      notetaker: { ...view.input.notetaker, name: "Panel Scribe", summaryInstructions: "Lead with the hiring signal." },
    };
    const state = await savePanel(admin, view.id, input, view.updatedAt);
    expect(state).toMatchObject({ status: "success", id: view.id });
    expect(state.status === "success" && state.message).toMatch(/Syncing \d+ roles? with Nylas/);

    const roles = await prisma.role.findMany({ where: { panelId: view.id }, select: { id: true } });
    expect(roles.length).toBeGreaterThan(0);
    const pending = await listRoleSyncStates(roles.map((r) => r.id));
    expect(pending.every((r) => r.sync.status === "PENDING")).toBe(true);

    await drain();
    for (const role of roles) {
      const [sync] = await listRoleSyncStates([role.id]);
      expect(sync!.sync.status).toBe("SYNCED");
      const stored = await storedConfiguration(role.id);
      expectContains(stored, await expectedConfiguration(role.id));
      expect(stored).toMatchObject({
        availability: { duration_minutes: 30, interval_minutes: 30, availability_rules: { availability_method: "max-availability", buffer: { before: 10 } } },
        event_booking: { title: "Chat with ${invitee} (${duration} min)", conferencing: { provider: "Zoom Meeting" } },
        scheduler: { notetaker_settings: { notetaker_name: "Panel Scribe" } },
      });
      // The panel's instructions, then the role's scorecard (the demo roles have one).
      const instructions = (stored as any).scheduler.notetaker_settings.meeting_settings.summary_settings.custom_instructions as string;
      expect(stripScorecardSection(instructions)).toBe("Lead with the hiring signal.");
      expect(instructions).toContain(SCORECARD_MARKER);
    }

    const { rows } = await listAuditLog({ entityType: "panel", entityId: view.id, page: 1 });
    expect(rows[0]).toMatchObject({ action: "updated", actorEmail: admin.email });
    const fields = Object.fromEntries(rows[0]!.changes.map((c) => [c.field, [c.before, c.after]]));
    expect(fields.durationMinutes).toEqual([view.input.durationMinutes, 30]);
    expect(fields.conferencingProvider).toEqual([view.input.conferencingProvider, "Zoom Meeting"]);
    expect(fields["notetaker.summaryInstructions"]).toEqual([view.input.notetaker.summaryInstructions, "Lead with the hiring signal."]);
  });

  it("offers slots of the new duration on the careers page's availability", async () => {
    const view = await firstPanel();
    await savePanel(admin, view.id, { ...view.input, durationMinutes: 30, intervalMinutes: null }, view.updatedAt);
    await drain();
    const role = await prisma.role.findFirstOrThrow({ where: { panelId: view.id }, select: { id: true } });
    const row = await prisma.roleConfiguration.findFirstOrThrow({ where: { roleId: role.id } });
    const start = Math.floor(Date.now() / 1000);
    const res = await getNylas().scheduler.availability.get({ queryParams: { configurationId: row.configurationId!, startTime: start, endTime: start + 14 * 86_400 } as never });
    const slots = (res.data as unknown as { timeSlots: { startTime: number; endTime: number }[] }).timeSlots;
    expect(slots.length).toBeGreaterThan(0);
    expect(new Set(slots.map((s) => s.endTime - s.startTime))).toEqual(new Set([30 * 60]));
  });

  it("versions the Notetaker settings only when they change", async () => {
    const view = await firstPanel();
    await savePanel(admin, view.id, { ...view.input, durationMinutes: view.input.durationMinutes === 30 ? 45 : 30 }, view.updatedAt);
    const afterUnrelated = await prisma.notetakerSettingsVersion.findMany({ where: { panelId: view.id }, orderBy: { version: "asc" } });
    expect(afterUnrelated).toHaveLength(1);

    const fresh = (await getPanelForEdit(view.id))!;
    await savePanel(admin, view.id, { ...fresh.input, notetaker: { ...fresh.input.notetaker, actionItemsInstructions: "Name an owner for each." } }, fresh.updatedAt);
    const versions = await prisma.notetakerSettingsVersion.findMany({ where: { panelId: view.id }, orderBy: { version: "asc" } });
    expect(versions.map((v) => v.version)).toEqual([1, 2]);
    expect(versions[1]!.createdById).toBe(admin.id);
    expect((await getPanelForEdit(view.id))!.notetakerVersion).toMatchObject({ version: 2, createdByEmail: admin.email });

    // Back to the first settings: the history stays linear (version 3, with version 1's content).
    const again = (await getPanelForEdit(view.id))!;
    await savePanel(admin, view.id, { ...again.input, notetaker: view.input.notetaker }, again.updatedAt);
    const all = await prisma.notetakerSettingsVersion.findMany({ where: { panelId: view.id }, orderBy: { version: "asc" } });
    expect(all.map((v) => v.version)).toEqual([1, 2, 3]);
    expect(all[2]!.contentHash).toBe(all[0]!.contentHash);
  });

  it("refuses invalid input field by field and writes nothing", async () => {
    const view = await firstPanel();
    const auditBefore = await prisma.auditLog.count();
    const state = await savePanel(admin, view.id, { ...view.input, durationMinutes: 7, eventTitle: "Hi ${name}", notetaker: { ...view.input.notetaker, videoRecording: false } }, view.updatedAt);
    expect(state.status).toBe("error");
    if (state.status !== "error") return;
    expect(state.fieldErrors.durationMinutes).toMatch(/5/);
    expect(state.fieldErrors.eventTitle).toMatch(/Unknown placeholder \$\{name\}/);
    expect(state.fieldErrors["notetaker.transcription"]).toMatch(/audio and video/);
    expect(await prisma.auditLog.count()).toBe(auditBefore);
    expect((await getPanelForEdit(view.id))!.input.durationMinutes).toBe(view.input.durationMinutes);
  });

  it("refuses a save over someone else's newer one, and says nothing changed when nothing did", async () => {
    const view = await firstPanel();
    expect(await savePanel(admin, view.id, { ...view.input, bufferAfterMinutes: 20 }, view.updatedAt)).toMatchObject({ status: "success" });
    const stale = await savePanel(admin, view.id, { ...view.input, bufferAfterMinutes: 25 }, view.updatedAt);
    expect(stale).toMatchObject({ status: "error", message: expect.stringMatching(/Someone saved this panel after you opened it/) });
    expect((await getPanelForEdit(view.id))!.input.bufferAfterMinutes).toBe(20);

    const fresh = (await getPanelForEdit(view.id))!;
    expect(await savePanel(admin, view.id, fresh.input, fresh.updatedAt)).toMatchObject({ status: "success", message: "No changes to save." });
  });

  it("adds a new interviewer, refuses a duplicate email, and audits the interviewer", async () => {
    const view = await firstPanel();
    const existing = view.input.members[0]!;
    const dup = await savePanel(admin, view.id, { ...view.input, members: [...view.input.members, { interviewerId: null, name: "Copy", email: existing.email, timezone: "UTC" }] }, view.updatedAt);
    expect(dup.status).toBe("error");
    if (dup.status === "error") expect(Object.values(dup.fieldErrors).join(" ")).toMatch(/Already on this panel|already has this email/);

    const added = await savePanel(
      admin,
      view.id,
      { ...view.input, members: [...view.input.members, { interviewerId: null, name: "Tomás Rivera", email: "tomas.rivera@northwind.example", timezone: "Europe/Madrid" }] },
      view.updatedAt,
    );
    expect(added).toMatchObject({ status: "success" });
    const interviewer = await prisma.interviewer.findUniqueOrThrow({ where: { email: "tomas.rivera@northwind.example" } });
    const { rows } = await listAuditLog({ entityType: "interviewer", page: 1 });
    expect(rows.find((r) => r.entityId === interviewer.id)).toMatchObject({ action: "created" });
    const members = (await getPanelForEdit(view.id))!.input.members;
    expect(members.at(-1)).toMatchObject({ interviewerId: interviewer.id, name: "Tomás Rivera" });
  });
});

describe("sync failures", () => {
  it("keeps the admin's edit when Nylas rejects it, shows Nylas's message, and Retry syncs once it is fixed", async () => {
    const view = await firstPanel();
    // An interviewer whose calendar is not connected: Nylas refuses a participant without a grant.
    const state = await savePanel(
      admin,
      view.id,
      { ...view.input, durationMinutes: 60, members: [...view.input.members, { interviewerId: null, name: "Noor Haddad", email: "noor.haddad@northwind.example", timezone: "UTC" }] },
      view.updatedAt,
    );
    expect(state).toMatchObject({ status: "success" });
    await drain();

    const role = await prisma.role.findFirstOrThrow({ where: { panelId: view.id }, select: { id: true } });
    const [failed] = await listRoleSyncStates([role.id]);
    expect(failed!.sync.status).toBe("FAILED");
    expect(failed!.sync.error).toMatch(/noor\.haddad@northwind\.example/);
    // The edit is kept in the database, and the configuration in Nylas is unchanged.
    expect((await getPanelForEdit(view.id))!.input.durationMinutes).toBe(60);
    expect(await storedConfiguration(role.id)).toMatchObject({ availability: { duration_minutes: view.input.durationMinutes } });

    // Retry alone cannot help (same body): it fails again with the same message. It is audited.
    expect(await retryRoleSync(admin, role.id)).toMatchObject({ status: "success" });
    expect((await listRoleSyncStates([role.id]))[0]!.sync.status).toBe("PENDING");
    await drain();
    expect((await listRoleSyncStates([role.id]))[0]!.sync.status).toBe("FAILED");
    const { rows } = await listAuditLog({ entityType: "role", entityId: role.id, page: 1 });
    expect(rows[0]).toMatchObject({ action: "sync_retried", actorEmail: admin.email, changes: [{ field: "lastSyncError", before: failed!.sync.error, after: null }] });

    // Fix it (connect the calendar in the sandbox console), then Retry: synced.
    const connect = await fetch(`${server.origin}/v3/sandbox/grants`, {
      method: "POST",
      headers: { authorization: `Bearer ${getEnv().nylasApiKey}`, "content-type": "application/json" },
      body: JSON.stringify({ email: "noor.haddad@northwind.example", name: "Noor Haddad", timezone: "UTC" }),
    });
    expect(connect.status).toBeLessThan(300);
    await retryConfigurationSync(role.id);
    await drain();
    const [synced] = await listRoleSyncStates([role.id]);
    expect(synced!.sync).toMatchObject({ status: "SYNCED", error: null });
    expect(await storedConfiguration(role.id)).toMatchObject({ availability: { duration_minutes: 60 } });
  });

  it("ends with the latest edit synced when a save lands while the previous sync is running", async () => {
    const view = await firstPanel();
    const role = await prisma.role.findFirstOrThrow({ where: { panelId: view.id }, select: { id: true } });
    await savePanel(admin, view.id, { ...view.input, durationMinutes: 60 }, view.updatedAt);
    const first = runDueJobs(configurationSyncJob);
    const fresh = (await getPanelForEdit(view.id))!;
    await savePanel(admin, view.id, { ...fresh.input, durationMinutes: 90 }, fresh.updatedAt);
    await first;
    await drain();
    expect((await listRoleSyncStates([role.id]))[0]!.sync.status).toBe("SYNCED");
    expect(await storedConfiguration(role.id)).toMatchObject({ availability: { duration_minutes: 90 } });
  });
});

describe("saving a role", () => {
  it("creates a role with a unique slug, syncs a configuration for it, and audits publish / unpublish", async () => {
    const panel = await firstPanel();
    const input = {
      title: "Staff Data Engineer",
      slug: "staff-data-engineer",
      team: "Data",
      location: "Remote (EU)",
      employment: "Full-time",
      summary: "Own our data platform.",
      description: "You will build pipelines.",
      panelId: panel.id,
      published: true,
    };
    const created = await saveRole(admin, null, input, null);
    expect(created).toMatchObject({ status: "success" });
    const id = created.status === "success" ? created.id : "";
    await drain();
    const [sync] = await listRoleSyncStates([id]);
    expect(sync!.sync.status).toBe("SYNCED");
    expectContains(await storedConfiguration(id), await expectedConfiguration(id));

    const taken = await saveRole(admin, null, { ...input, title: "Another" }, null);
    expect(taken).toMatchObject({ status: "error", fieldErrors: { slug: expect.stringMatching(/Staff Data Engineer/) } });

    expect(await setRolePublished(admin, id, false)).toMatchObject({ status: "success" });
    expect((await getRoleForEdit(id))!.input.published).toBe(false);
    const { rows } = await listAuditLog({ entityType: "role", entityId: id, page: 1 });
    expect(rows.map((r) => r.action)).toEqual(["unpublished", "created"]);
    // Publishing alone does not touch Nylas.
    expect((await listRoleSyncStates([id]))[0]!.sync.status).toBe("SYNCED");
  });

  it("refuses publishing a role whose panel has no interviewers", async () => {
    const role = await prisma.role.findFirstOrThrow({ select: { id: true } });
    const edit = (await getRoleForEdit(role.id))!;
    const empty = await prisma.panel.create({ data: { name: "Empty panel", availabilityMethod: "MAX_FAIRNESS", durationMinutes: 30, openHours: [], timezone: "UTC" }, select: { id: true } });
    const state = await saveRole(admin, role.id, { ...edit.input, panelId: empty.id, published: true }, edit.updatedAt);
    expect(state).toMatchObject({ status: "error", fieldErrors: { panelId: expect.any(String) } });
  });
});

describe("hosted booking page (issue 17)", () => {
  async function roleInput(slug: string) {
    const panel = await firstPanel();
    return { title: `Hosted ${slug}`, slug, team: "Data", location: "Remote", employment: "Full-time", summary: "A role.", description: "A role.", panelId: panel.id, published: true };
  }

  it("syncs the role's slug to its configuration when on, clears it when off, and audits the option", async () => {
    const created = await saveRole(admin, null, { ...(await roleInput("hosted-analyst")), hostedPageEnabled: true }, null);
    const id = created.status === "success" ? created.id : "";
    await drain();
    expect((await storedConfiguration(id)).slug).toBe("hosted-analyst");
    expect(await getRoleBookingLinks(id)).toMatchObject({ hostedPage: { status: "live", url: `${getEnv().appOrigin}/book/hosted-analyst` } });
    // The sandbox's public scheduler endpoints find the configuration by slug (what the hosted page calls).
    const bySlug = await fetch(`${server.origin}/v3/scheduling/ui-settings?slug=hosted-analyst&client_id=${getEnv().nylasClientId}`);
    expect(bySlug.status).toBe(200);

    const edit = (await getRoleForEdit(id))!;
    expect(await saveRole(admin, id, { ...edit.input, hostedPageEnabled: false }, edit.updatedAt)).toMatchObject({ status: "success" });
    expect(await getRoleBookingLinks(id)).toMatchObject({ hostedPage: { status: "off" } });
    await drain();
    expect((await storedConfiguration(id)).slug).toBeNull();
    const { rows } = await listAuditLog({ entityType: "role", entityId: id, page: 1 });
    expect(rows[0]!.changes).toEqual([expect.objectContaining({ label: "Hosted booking page", before: true, after: false })]);
  });

  it("takes the hosted page down while the role is unpublished, and puts it back when it is published again", async () => {
    const created = await saveRole(admin, null, { ...(await roleInput("hosted-closing")), hostedPageEnabled: true }, null);
    const id = created.status === "success" ? created.id : "";
    await drain();
    expect((await storedConfiguration(id)).slug).toBe("hosted-closing");

    expect(await setRolePublished(admin, id, false)).toMatchObject({ status: "success" });
    expect(await getRoleBookingLinks(id)).toMatchObject({ careersUrl: null, hostedPage: { status: "off" } });
    await drain();
    expect((await storedConfiguration(id)).slug).toBeNull();
    expect((await fetch(`${server.origin}/v3/scheduling/ui-settings?slug=hosted-closing&client_id=${getEnv().nylasClientId}`)).status).toBe(404);

    expect(await setRolePublished(admin, id, true)).toMatchObject({ status: "success" });
    await drain();
    expect((await storedConfiguration(id)).slug).toBe("hosted-closing");
  });

  it("reports a slug another scheduling page already uses, and syncs once the role's slug is changed", async () => {
    // Another configuration at this Nylas application holds the slug (slugs are unique per application).
    const other = await prisma.sandboxConfiguration.findFirstOrThrow({ select: { id: true } });
    await prisma.sandboxConfiguration.update({ where: { id: other.id }, data: { slug: "taken-page" } });

    const created = await saveRole(admin, null, { ...(await roleInput("taken-page")), hostedPageEnabled: true }, null);
    const id = created.status === "success" ? created.id : "";
    await drain();
    const links = await getRoleBookingLinks(id);
    expect(links!.hostedPage).toEqual({
      status: "failed",
      error: expect.stringMatching(/^The hosted booking page address “taken-page” is already used by another Nylas scheduling page: change the role's slug, or turn the hosted page off\./),
    });

    const edit = (await getRoleForEdit(id))!;
    await saveRole(admin, id, { ...edit.input, slug: "taken-page-2" }, edit.updatedAt);
    await drain();
    expect((await storedConfiguration(id)).slug).toBe("taken-page-2");
    expect((await getRoleBookingLinks(id))!.hostedPage).toMatchObject({ status: "live" });
  });
});

describe("restarts", () => {
  it("reseeding the demo data at the next start keeps every admin edit (a renamed panel is not re-created)", async () => {
    const view = await firstPanel();
    const member = view.input.members[0]!;
    const renamed = { ...view.input, name: "Platform panel", members: view.input.members.map((m, i) => (i === 0 ? { ...m, name: `${member.name} Jr.`, timezone: "Asia/Tokyo" } : m)) };
    expect(await savePanel(admin, view.id, renamed, view.updatedAt)).toMatchObject({ status: "success" });
    const panelsBefore = await prisma.panel.count();

    await seedDemo(prisma, { sandbox: true, seedPassword: "password", now: new Date() });
    expect(await prisma.panel.count()).toBe(panelsBefore);
    const after = (await getPanelForEdit(view.id))!.input;
    expect(after.name).toBe("Platform panel");
    expect(after.members[0]).toMatchObject({ name: `${member.name} Jr.`, timezone: "Asia/Tokyo" });
  });
});
