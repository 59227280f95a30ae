/**
 * Recording policy, admin side (issue 16), on real Postgres with the sandbox served over HTTP and
 * reached through the `nylas` SDK: saving the organisation default re-syncs exactly the roles that
 * follow it, and once their sync jobs run the sandbox's configuration asks the required
 * `recording_consent` radio question ("Ask for consent") or has the Notetaker off ("Never
 * record"); a role's own policy wins over the default; an interviewer's opt-out is saved by an
 * admin or by the interviewer, audited; and the server actions refuse whoever may not call them.
 */
import { beforeEach, describe, expect, it } from "vitest";

// Before the actions: stands in for the session and Next.js (who is signed in is set per test).
import { session } from "../support/action-session";

const { saveRecordingPolicyAction, setInterviewerRecordingOptOutAction } = await import("@/app/settings/privacy/actions");
const { saveOwnRecordingPreferenceAction } = await import("@/app/account/actions");
const { getEnv } = await import("@/lib/env");
const { configurationSyncJob } = await import("@/lib/nylas/sync-configurations");
const { CONSENT_NO_OPTION, CONSENT_YES_OPTION, RECORDING_CONSENT_FIELD_KEY } = await import("@/lib/privacy/policy");
const { getRecordingPolicyOverview, saveRecordingPolicy, setInterviewerRecordingOptOut, setOwnRecordingOptOut } = await import("@/lib/privacy/recording-settings");
const { getPrivacySettings } = await import("@/lib/privacy/settings");
const { getRoleForEdit, saveRole, setRolePublished } = await import("@/lib/settings/roles");
const { drainJobs } = await import("../support/jobs");
const { SARAH } = await import("../support/recipe");
const { setupSeededSandbox } = await import("../support/seeded-sandbox");

const { prisma, server, configurations } = setupSeededSandbox({ syncConfigurations: true });
let admin: { id: string; email: string };

beforeEach(async () => {
  expect(configurations.every((o) => o.action !== "failed")).toBe(true);
  admin = await prisma.user.findFirstOrThrow({ where: { role: "ADMIN" }, select: { id: true, email: true } });
  session.userId = null;
  session.revalidated.length = 0;
});

const userId = async (email: string) => (await prisma.user.findUniqueOrThrow({ where: { email }, select: { id: true } })).id;
const roleId = async (slug: string) => (await prisma.role.findUniqueOrThrow({ where: { slug }, select: { id: true } })).id;

/** The configuration the sandbox stores for the role, read back over HTTP in the API's own field names. */
async function storedConfiguration(id: string): Promise<any> {
  const row = await prisma.roleConfiguration.findFirstOrThrow({ where: { roleId: id, apiUri: getEnv().nylasApiUri } });
  const res = await fetch(`${server.origin}/v3/grants/${encodeURIComponent(row.grantId!)}/scheduling/configurations/${row.configurationId}`, {
    headers: { authorization: `Bearer ${getEnv().nylasApiKey}` },
  });
  expect(res.status).toBe(200);
  return (await res.json()).data;
}

/** The roles whose configuration waits for a sync, by slug. */
async function pendingSlugs(): Promise<string[]> {
  const rows = await prisma.roleConfiguration.findMany({ where: { syncStatus: "PENDING" }, select: { role: { select: { slug: true } } } });
  return rows.map((r) => r.role.slug).sort();
}

async function queuedSyncSlugs(): Promise<string[]> {
  const jobs = await prisma.job.findMany({ where: { kind: configurationSyncJob.name, state: "QUEUED" }, select: { payload: true } });
  const ids = jobs.map((j) => (j.payload as { roleId: string }).roleId);
  const roles = await prisma.role.findMany({ where: { id: { in: ids } }, select: { slug: true } });
  return roles.map((r) => r.slug).sort();
}

async function setOverride(slug: string, recordingPolicy: "INFORM_ONLY" | "ASK_FOR_CONSENT" | "NEVER_RECORD" | null) {
  const view = (await getRoleForEdit(await roleId(slug)))!;
  const state = await saveRole(admin, view.id, { ...view.input, recordingPolicy }, view.updatedAt);
  expect(state).toMatchObject({ status: "success" });
  await drainJobs([configurationSyncJob]);
}

const consentField = (config: any) => config.scheduler?.additional_fields?.[RECORDING_CONSENT_FIELD_KEY];

describe("saving the default recording policy", () => {
  it("re-syncs exactly the roles without an override; their configurations then ask the required consent question", async () => {
    await setOverride("product-designer", "INFORM_ONLY");
    expect(await pendingSlugs()).toEqual([]);

    const state = await saveRecordingPolicy(admin, "ASK_FOR_CONSENT");
    expect(state).toMatchObject({ status: "success", recordingPolicy: "ASK_FOR_CONSENT", resyncedRoles: 3 });
    expect(state.status === "success" && state.message).toBe("Saved: the default is now “Ask for consent”. Syncing 3 roles that use it with Nylas…");
    // Every role but the one with its own policy, and nothing else.
    expect(await pendingSlugs()).toEqual(["backend-engineer", "frontend-engineer", "senior-product-manager"]);
    expect(await queuedSyncSlugs()).toEqual(["backend-engineer", "frontend-engineer", "senior-product-manager"]);

    await drainJobs([configurationSyncJob]);
    expect(await pendingSlugs()).toEqual([]);
    for (const slug of ["backend-engineer", "frontend-engineer"]) {
      const config = await storedConfiguration(await roleId(slug));
      expect(consentField(config), slug).toEqual({
        label: "Recording consent",
        type: "radio_button",
        required: true,
        order: 2,
        options: [CONSENT_YES_OPTION, CONSENT_NO_OPTION],
        default: CONSENT_NO_OPTION,
      });
      expect(config.scheduler.notetaker_settings.enabled, slug).toBe(true);
      // The LinkedIn question stays beside it.
      expect(Object.keys(config.scheduler.additional_fields).sort(), slug).toEqual(["linkedin_url", RECORDING_CONSENT_FIELD_KEY].sort());
    }
    // The role's own policy wins: no question, the Notetaker still joins.
    const designer = await storedConfiguration(await roleId("product-designer"));
    expect(consentField(designer)).toBeUndefined();
    expect(designer.scheduler.notetaker_settings.enabled).toBe(true);

    expect((await getPrivacySettings(prisma)).recordingPolicy).toBe("ASK_FOR_CONSENT");
    const audit = await prisma.auditLog.findFirstOrThrow({ where: { entityType: "privacy" } });
    expect(audit).toMatchObject({ actorEmail: admin.email, entityId: "1", entityLabel: "Privacy settings", action: "updated" });
    expect(audit.changes).toEqual([{ field: "recordingPolicy", label: "Default recording policy", before: "Inform only", after: "Ask for consent" }]);
  });

  it("“Never record” turns the Notetaker off in every configuration that follows the default, and removes the question again", async () => {
    await saveRecordingPolicy(admin, "ASK_FOR_CONSENT");
    await drainJobs([configurationSyncJob]);
    expect(consentField(await storedConfiguration(await roleId("backend-engineer")))).toBeDefined();

    await saveRecordingPolicy(admin, "NEVER_RECORD");
    await drainJobs([configurationSyncJob]);
    const config = await storedConfiguration(await roleId("backend-engineer"));
    expect(config.scheduler.notetaker_settings).toEqual({ enabled: false });
    expect(consentField(config)).toBeUndefined();
    expect(config.scheduler.additional_fields).toHaveProperty("linkedin_url");
  });

  it("a role overriding with “Never record” keeps the Notetaker off when the default asks for consent", async () => {
    await setOverride("backend-engineer", "NEVER_RECORD");
    expect((await storedConfiguration(await roleId("backend-engineer"))).scheduler.notetaker_settings).toEqual({ enabled: false });

    await saveRecordingPolicy(admin, "ASK_FOR_CONSENT");
    expect(await queuedSyncSlugs()).not.toContain("backend-engineer");
    await drainJobs([configurationSyncJob]);
    expect((await storedConfiguration(await roleId("backend-engineer"))).scheduler.notetaker_settings).toEqual({ enabled: false });
    expect(consentField(await storedConfiguration(await roleId("frontend-engineer")))).toBeDefined();

    // Back to the organisation default: the role now asks too.
    await setOverride("backend-engineer", null);
    const config = await storedConfiguration(await roleId("backend-engineer"));
    expect(consentField(config)).toMatchObject({ type: "radio_button", required: true });
    expect(config.scheduler.notetaker_settings.enabled).toBe(true);
  });

  it("saving the same default again changes nothing: no audit entry, no sync", async () => {
    const state = await saveRecordingPolicy(admin, "INFORM_ONLY");
    expect(state).toMatchObject({ status: "success", resyncedRoles: 0, message: "No changes to save: the default is already “Inform only”." });
    expect(await pendingSlugs()).toEqual([]);
    expect(await prisma.auditLog.count()).toBe(0);
  });

  it("the overview counts the roles that follow the default and those with their own policy", async () => {
    await setOverride("frontend-engineer", "NEVER_RECORD");
    const overview = await getRecordingPolicyOverview();
    expect(overview.recordingPolicy).toBe("INFORM_ONLY");
    expect(overview.overriding.map((r) => [r.title, r.recordingPolicy])).toEqual([["Frontend Engineer", "NEVER_RECORD"]]);
    expect(overview.inheriting.map((r) => r.title)).toEqual(["Backend Engineer", "Product Designer", "Senior Product Manager"]);
  });
});

describe("a role's recording policy", () => {
  it("is stored (null for the default), audited in words, and publishing from the roles list keeps it", async () => {
    const id = await roleId("backend-engineer");
    await setOverride("backend-engineer", "ASK_FOR_CONSENT");
    expect((await prisma.role.findUniqueOrThrow({ where: { id } })).recordingPolicy).toBe("ASK_FOR_CONSENT");
    const entry = await prisma.auditLog.findFirstOrThrow({ where: { entityType: "role", entityId: id }, orderBy: { createdAt: "desc" } });
    expect(entry.changes).toEqual([{ field: "recordingPolicy", label: "Recording policy", before: "Organisation default", after: "Ask for consent" }]);
    expect(consentField(await storedConfiguration(id))).toBeDefined();

    expect(await setRolePublished(admin, id, false)).toMatchObject({ status: "success" });
    expect((await prisma.role.findUniqueOrThrow({ where: { id } })).recordingPolicy).toBe("ASK_FOR_CONSENT");

    await setOverride("backend-engineer", null);
    expect((await prisma.role.findUniqueOrThrow({ where: { id } })).recordingPolicy).toBeNull();
    expect((await getRoleForEdit(id))!.input.recordingPolicy).toBeNull();
  });
});

describe("an interviewer's recording opt-out", () => {
  it("an admin sets it; it is audited; saving the same value again writes nothing", async () => {
    const sarah = await prisma.interviewer.findUniqueOrThrow({ where: { email: SARAH } });
    expect(await setInterviewerRecordingOptOut(admin, sarah.id, true)).toEqual({ status: "success", message: "Saved. Sarah Kim's interviews are not recorded from now on.", recordingOptOut: true });
    expect((await prisma.interviewer.findUniqueOrThrow({ where: { id: sarah.id } })).recordingOptOut).toBe(true);
    const entry = await prisma.auditLog.findFirstOrThrow({ where: { entityType: "interviewer", entityId: sarah.id } });
    expect(entry).toMatchObject({ actorEmail: admin.email, entityLabel: "Sarah Kim", action: "updated" });
    expect(entry.changes).toEqual([{ field: "recordingOptOut", label: "Opted out of recording", before: false, after: true }]);

    expect(await setInterviewerRecordingOptOut(admin, sarah.id, true)).toMatchObject({ status: "success", message: "No changes to save. Sarah Kim's interviews are not recorded from now on." });
    expect(await prisma.auditLog.count({ where: { entityType: "interviewer" } })).toBe(1);
    // No configuration changes: the booking's processing reads the flag.
    expect(await pendingSlugs()).toEqual([]);
  });

  it("an interviewer sets their own, as themselves in the audit log; a user who is not an interviewer is told why not", async () => {
    const me = { id: await userId(SARAH), email: SARAH };
    expect(await setOwnRecordingOptOut(me, true)).toMatchObject({ status: "success", recordingOptOut: true, message: "Saved. Interviews you run are not recorded from now on." });
    expect((await prisma.interviewer.findUniqueOrThrow({ where: { email: SARAH } })).recordingOptOut).toBe(true);
    expect(await prisma.auditLog.findFirstOrThrow({ where: { entityType: "interviewer" } })).toMatchObject({ actorId: me.id, actorEmail: SARAH });

    expect(await setOwnRecordingOptOut(admin, true)).toEqual({
      status: "error",
      message: "Your account is not linked to an interviewer, so there is no recording preference to save.",
      fieldErrors: {},
    });
    expect(await prisma.interviewer.count({ where: { recordingOptOut: true } })).toBe(1);
  });

  it("an unknown interviewer is refused", async () => {
    expect(await setInterviewerRecordingOptOut(admin, "00000000-0000-4000-8000-000000000000", true)).toMatchObject({ status: "error", message: "This interviewer no longer exists. Reload the page." });
  });
});

describe("the server actions", () => {
  const form = (fields: Record<string, string>) => {
    const data = new FormData();
    for (const [k, v] of Object.entries(fields)) data.set(k, v);
    return data;
  };
  const idle = { status: "idle" } as const;

  it("refuse a recruiter and an interviewer (forbidden) and a signed-out visitor (sign-in redirect) on the admin actions, changing nothing", async () => {
    const sarahId = (await prisma.interviewer.findUniqueOrThrow({ where: { email: SARAH } })).id;
    for (const email of ["recruiter@example.com", SARAH]) {
      session.userId = await userId(email);
      await expect(saveRecordingPolicyAction(idle, form({ recordingPolicy: "NEVER_RECORD" }))).rejects.toThrow("FORBIDDEN");
      await expect(setInterviewerRecordingOptOutAction(idle, form({ interviewerId: sarahId, recordingOptOut: "true" }))).rejects.toThrow("FORBIDDEN");
    }
    session.userId = null;
    await expect(saveRecordingPolicyAction(idle, form({ recordingPolicy: "NEVER_RECORD" }))).rejects.toThrow(/^REDIRECT \/login/);
    await expect(setInterviewerRecordingOptOutAction(idle, form({ interviewerId: sarahId, recordingOptOut: "true" }))).rejects.toThrow(/^REDIRECT \/login/);
    await expect(saveOwnRecordingPreferenceAction(idle, form({ recordingOptOut: "true" }))).rejects.toThrow(/^REDIRECT \/login/);

    expect((await getPrivacySettings(prisma)).recordingPolicy).toBe("INFORM_ONLY");
    expect(await prisma.interviewer.count({ where: { recordingOptOut: true } })).toBe(0);
    expect(await prisma.auditLog.count()).toBe(0);
    expect(await pendingSlugs()).toEqual([]);
  });

  it("save for an admin and refresh the settings pages; a bad value is refused with the choices", async () => {
    session.userId = admin.id;
    expect(await saveRecordingPolicyAction(idle, form({ recordingPolicy: "NEVER_RECORD" }))).toMatchObject({ status: "success", recordingPolicy: "NEVER_RECORD", resyncedRoles: 4 });
    expect(session.revalidated).toEqual(["/settings"]);
    expect(await saveRecordingPolicyAction(idle, form({ recordingPolicy: "SOMETIMES" }))).toEqual({
      status: "error",
      message: "Choose one of Inform only, Ask for consent, Never record.",
      fieldErrors: { recordingPolicy: "Choose one of Inform only, Ask for consent, Never record." },
    });
    // Not FormData at all (a forged call): no fields, refused.
    expect(await saveRecordingPolicyAction(idle, "NEVER_RECORD" as never)).toMatchObject({ status: "error" });
    expect(await setInterviewerRecordingOptOutAction(idle, form({ interviewerId: "1; drop table interviewers", recordingOptOut: "true" }))).toMatchObject({
      status: "error",
      message: "That is not an interviewer.",
    });
    expect((await getPrivacySettings(prisma)).recordingPolicy).toBe("NEVER_RECORD");
  });

  it("let an interviewer save their own preference; a post without a value opts no one back in", async () => {
    session.userId = await userId(SARAH);
    expect(await saveOwnRecordingPreferenceAction(idle, form({ recordingOptOut: "true" }))).toMatchObject({ status: "success", recordingOptOut: true });
    expect(session.revalidated).toContain("/account");
    expect(await saveOwnRecordingPreferenceAction(idle, form({}))).toMatchObject({ status: "error", message: "Say whether their interviews may be recorded." });
    expect((await prisma.interviewer.findUniqueOrThrow({ where: { email: SARAH } })).recordingOptOut).toBe(true);
    // The recruiter is signed in, allowed to call it, and changes no one.
    session.userId = await userId("recruiter@example.com");
    expect(await saveOwnRecordingPreferenceAction(idle, form({ recordingOptOut: "false" }))).toMatchObject({ status: "error" });
    expect((await prisma.interviewer.findUniqueOrThrow({ where: { email: SARAH } })).recordingOptOut).toBe(true);
  });
});
