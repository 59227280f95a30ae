/**
 * The authorization matrix's rules (issue 8, item 5): for every page, route handler (per exported
 * method), server action and sandbox /v3 route, what each actor gets. tests/e2e/route-tree.ts
 * discovers the routes; authorization-matrix.spec.ts fails on a route without a rule here and on
 * a rule whose route no longer exists. Adding a route means deciding who may reach it, here.
 *
 * Actors: signed out ("anon"); "interviewer", who ran the fixture interview; "otherInterviewer",
 * who did not (Lena Fischer, on another panel); "recruiter"; "admin".
 *
 * Outcomes: an HTTP status, or "<status> <start of Location>", e.g. "307 /login?callbackUrl=".
 * DESIGN.md "Public paths": signed-out page visits redirect to /login?callbackUrl=…, API calls get
 * 401 JSON; /settings/** and /sandbox need ADMIN (403 page); an interviewer sees only the
 * interviews they ran (and those candidates); /v3/** is the sandbox's own Nylas-style auth, where
 * a portal session counts for nothing.
 */
import { SANDBOX_API_KEY } from "./support";

export const ACTORS = ["anon", "interviewer", "otherInterviewer", "recruiter", "admin"] as const;
export type Actor = (typeof ACTORS)[number];
export type Outcome = number | `${number} ${string}`;
export type Expectation = Record<Actor, Outcome>;

/** Real records made in the spec's beforeAll (an interview run by `hostEmail`, with stored media). */
export type Fixtures = {
  interviewId: string;
  candidateId: string;
  assetId: string;
  actionItemId: string;
  bookingId: string;
  eventId: string;
  notetakerId: string;
  configurationId: string;
  hostEmail: string;
  /** The host's Interviewer id (the dashboard's `interviewer` filter). */
  hostInterviewerId: string;
  panelId: string;
  roleId: string;
};

export type RequestCase = {
  label: string;
  method: string;
  path: (f: Fixtures) => string;
  headers?: Record<string, string>;
  body?: string;
  expect: Expectation;
  /** Text the response must not contain for an actor (a record they may not see, listed anyway). */
  bodyExcludes?: Partial<Record<Actor, (f: Fixtures) => string>>;
};

/** A page (GET) or route handler (any method): the cases that exercise it. */
export type RouteRule = { pattern: string; cases: RequestCase[] };

/** FormData arguments are sent the way React encodes them (multipart, "$K<n>" references). */
export class FormArg {
  constructor(readonly fields: Record<string, string>) {}
}

export type ActionRule = {
  /** "app/settings/actions.ts#savePanelAction" */
  key: string;
  /** The page the action is posted to (where the browser would call it). */
  page: (f: Fixtures) => string;
  /** Arguments that cannot change anything even where the actor is allowed in. */
  args: (f: Fixtures) => unknown[];
  expect: Expectation;
  /** Text the response must contain for an actor: the action refused the record, not just answered 200. */
  bodyIncludes?: Partial<Record<Actor, string>>;
  /**
   * A public action (definePublicAction: "Forgot password?", a reset link): anyone may call it, so
   * the check that a signed-out call posted to a public page never runs does not apply.
   */
  isPublic?: true;
};

/** A sandbox /v3 route ("GET grants/:grant"): extra cases beyond the generic API-key check. */
export type SandboxRule = { route: string; cases: RequestCase[] };

// ───────────────────────────── Shorthands ─────────────────────────────

const LOGIN = "307 /login?callbackUrl=" as const;
const ZERO_UUID = "00000000-0000-4000-8000-000000000000";

const everyone = (outcome: Outcome): Expectation => ({ anon: outcome, interviewer: outcome, otherInterviewer: outcome, recruiter: outcome, admin: outcome });
/** A page any signed-in user may open. */
const signedInPage = (outcome: Outcome = 200): Expectation => ({ ...everyone(outcome), anon: LOGIN });
/** A page for admins only: signed out → /login, any other role → the 403 page. */
const adminPage = (outcome: Outcome = 200): Expectation => ({ anon: LOGIN, interviewer: 403, otherInterviewer: 403, recruiter: 403, admin: outcome });
/** Interview-scoped: the interviewer who ran it, recruiters and admins; `other` for the interviewer who did not. */
const interviewScoped = (anon: Outcome, ok: Outcome, other: Outcome): Expectation => ({ anon, interviewer: ok, otherInterviewer: other, recruiter: ok, admin: ok });

/** The same text for every actor (a public action's answer). */
const sameFor = (text: string): Record<Actor, string> => Object.fromEntries(ACTORS.map((actor) => [actor, text])) as Record<Actor, string>;

const get = (label: string, path: (f: Fixtures) => string, expect: Expectation): RequestCase => ({ label, method: "GET", path, expect });
const fixed = (path: string) => () => path;
const key = { authorization: `Bearer ${SANDBOX_API_KEY}` };

// ───────────────────────────── Pages ─────────────────────────────

export const PAGE_RULES: RouteRule[] = [
  { pattern: "/", cases: [get("the careers site", fixed("/"), everyone("307 /careers"))] },
  { pattern: "/careers", cases: [get("public", fixed("/careers"), everyone(200))] },
  {
    pattern: "/careers/[slug]",
    cases: [get("a published role", fixed("/careers/backend-engineer"), everyone(200)), get("an unknown role", fixed("/careers/no-such-role"), everyone(404))],
  },
  // The sandbox's hosted booking page (book.nylas.com/<slug>'s stand-in): public like the careers pages.
  { pattern: "/book/[slug]", cases: [get("a slug no configuration has", fixed("/book/no-such-page"), everyone(404))] },
  // The careers bench's bare scheduler page: public like the careers pages, off unless BENCH_PAGES=on.
  { pattern: "/bench/scheduler/[configurationId]", cases: [get("off unless BENCH_PAGES=on", (f) => `/bench/scheduler/${f.configurationId}`, everyone(404))] },
  { pattern: "/login", cases: [get("signed-in users go to the dashboard", fixed("/login"), { ...everyone("307 /dashboard"), anon: 200 })] },
  // Public: asking for a reset link, and a link's page (junk, unknown or valid, it answers with a page).
  { pattern: "/forgot-password", cases: [get("public", fixed("/forgot-password"), everyone(200))] },
  {
    pattern: "/reset-password/[token]",
    cases: [get("an unknown link", fixed(`/reset-password/${"A".repeat(43)}`), everyone(200)), get("junk", fixed("/reset-password/not-a-token"), everyone(200))],
  },
  {
    pattern: "/dashboard",
    cases: [
      // The list itself is filtered: the interviewer who did not run the interview does not see it listed.
      { ...get("signed-in users", fixed("/dashboard"), signedInPage()), bodyExcludes: { otherInterviewer: (f) => f.interviewId } },
      { ...get("filtered to the host's interviews", (f) => `/dashboard?interviewer=${f.hostInterviewerId}`, signedInPage()), bodyExcludes: { otherInterviewer: (f) => f.interviewId } },
      // The fixture interview has run and has no feedback: due for everyone who may see it, no one else.
      { ...get("filtered by stage and feedback due", fixed("/dashboard?stage=interviewing&feedback=due"), signedInPage()), bodyExcludes: { otherInterviewer: (f) => f.interviewId } },
    ],
  },
  {
    pattern: "/dashboard/interviews/[id]",
    cases: [
      get("the debrief: 403 for an interviewer who did not run it", (f) => `/dashboard/interviews/${f.interviewId}`, interviewScoped(LOGIN, 200, 403)),
      get("an unknown interview", fixed(`/dashboard/interviews/${ZERO_UUID}`), signedInPage(404)),
      get("not an id", fixed("/dashboard/interviews/not-an-id"), signedInPage(404)),
    ],
  },
  {
    pattern: "/dashboard/candidates/[id]",
    cases: [
      get("a candidate: 404 for an interviewer who never interviewed them", (f) => `/dashboard/candidates/${f.candidateId}`, interviewScoped(LOGIN, 200, 404)),
      get("an unknown candidate", fixed(`/dashboard/candidates/${ZERO_UUID}`), signedInPage(404)),
    ],
  },
  // Booking links to send candidates: recruiters and admins (interviewers get the 403 page).
  { pattern: "/dashboard/booking-links", cases: [get("recruiters and admins", fixed("/dashboard/booking-links"), { ...signedInPage(), interviewer: 403, otherInterviewer: 403 })] },
  { pattern: "/sandbox", cases: [get("the sandbox console", fixed("/sandbox"), adminPage())] },
  { pattern: "/settings", cases: [get("admins", fixed("/settings"), adminPage())] },
  { pattern: "/settings/audit", cases: [get("admins", fixed("/settings/audit"), adminPage())] },
  { pattern: "/settings/load", cases: [get("admins", fixed("/settings/load"), adminPage())] },
  { pattern: "/settings/webhooks", cases: [get("admins", fixed("/settings/webhooks"), adminPage())] },
  { pattern: "/settings/jobs", cases: [get("admins", fixed("/settings/jobs"), adminPage())] },
  { pattern: "/settings/privacy", cases: [get("admins", fixed("/settings/privacy"), adminPage())] },
  { pattern: "/settings/team", cases: [get("admins", fixed("/settings/team"), adminPage())] },
  // Public: the token is the authority; an unknown (or malformed) one says so and offers nothing.
  {
    pattern: "/invite/[token]",
    cases: [
      { ...get("a malformed link (public)", fixed("/invite/not-a-token"), everyone(200)), bodyExcludes: { anon: () => "Create account", admin: () => "Create account" } },
      { ...get("an unknown link (public)", fixed(`/invite/${"A".repeat(43)}`), everyone(200)), bodyExcludes: { anon: () => "Create account" } },
    ],
  },
  // Any signed-in user: an interviewer's own recording preference, or why there is none.
  { pattern: "/account", cases: [get("signed-in users", fixed("/account"), signedInPage())] },
  { pattern: "/settings/panels/new", cases: [get("admins", fixed("/settings/panels/new"), adminPage())] },
  { pattern: "/settings/roles/new", cases: [get("admins", fixed("/settings/roles/new"), adminPage())] },
  {
    pattern: "/settings/panels/[id]",
    cases: [get("a panel", (f) => `/settings/panels/${f.panelId}`, adminPage()), get("an unknown panel", fixed(`/settings/panels/${ZERO_UUID}`), adminPage(404))],
  },
  {
    pattern: "/settings/roles/[id]",
    cases: [get("a role", (f) => `/settings/roles/${f.roleId}`, adminPage()), get("an unknown role", fixed(`/settings/roles/${ZERO_UUID}`), adminPage(404))],
  },
];

// ───────────────────────────── Route handlers ─────────────────────────────

/** Route handlers: every exported method needs at least one case. */
export const HANDLER_RULES: RouteRule[] = [
  // "Connect calendar": any signed-in user connects their OWN calendar (the state is bound to them and to their browser).
  {
    pattern: "/account/calendar/connect",
    cases: [{ label: "start: to the hosted sign-in page", method: "POST", path: fixed("/account/calendar/connect"), expect: { ...everyone("303 /v3/connect/auth?client_id="), anon: LOGIN } }],
  },
  {
    pattern: "/account/calendar/callback",
    cases: [
      get("a callback with a state this browser did not start: refused, nothing stored", fixed(`/account/calendar/callback?code=forged&state=${"A".repeat(43)}`), {
        ...everyone("303 /account?calendar=state"),
        anon: LOGIN,
      }),
      get("a provider error", fixed("/account/calendar/callback?error=access_denied&state=x"), { ...everyone("303 /account?calendar=state"), anon: LOGIN }),
      get("no code", fixed("/account/calendar/callback"), { ...everyone("303 /account?calendar=malformed"), anon: LOGIN }),
    ],
  },
  {
    pattern: "/api/auth/[...nextauth]",
    cases: [
      get("next-auth session (public)", fixed("/api/auth/session"), everyone(200)),
      get("next-auth CSRF token (public)", fixed("/api/auth/csrf"), everyone(200)),
      { label: "sign-out without a CSRF token signs no one out", method: "POST", path: fixed("/api/auth/signout"), expect: everyone("302 /api/auth/signout?csrf=true") },
    ],
  },
  {
    pattern: "/api/bench/webhook-baseline",
    cases: [{ label: "off unless BENCH_BASELINE_ROUTE=on", method: "POST", path: fixed("/api/bench/webhook-baseline"), body: "{}", expect: everyone(404) }],
  },
  { pattern: "/api/health", cases: [get("public", fixed("/api/health"), everyone(200))] },
  {
    pattern: "/api/interviews/[id]/uploads",
    cases: [
      // Past the access check, a body that is not multipart is refused (415) without writing anything.
      {
        label: "upload to the interview",
        method: "POST",
        path: (f) => `/api/interviews/${f.interviewId}/uploads`,
        headers: { "content-type": "application/json" },
        body: "{}",
        expect: interviewScoped(401, 415, 403),
      },
      {
        label: "upload to an unknown interview",
        method: "POST",
        path: fixed(`/api/interviews/${ZERO_UUID}/uploads`),
        headers: { "content-type": "application/json" },
        body: "{}",
        expect: { ...everyone(404), anon: 401 },
      },
    ],
  },
  {
    pattern: "/api/media/[assetId]",
    cases: [
      get("the recording", (f) => `/api/media/${f.assetId}`, interviewScoped(401, 200, 403)),
      { label: "the recording's headers", method: "HEAD", path: (f) => `/api/media/${f.assetId}`, expect: interviewScoped(401, 200, 403) },
      get("an unknown file", fixed(`/api/media/${ZERO_UUID}`), { ...everyone(404), anon: 401 }),
    ],
  },
  {
    // A candidate's data export is for admins only: a recruiter or interviewer gets 403, even for a candidate they may see.
    pattern: "/api/candidates/[id]/export",
    cases: [
      get("a candidate's data (a ZIP)", (f) => `/api/candidates/${f.candidateId}/export`, { anon: 401, interviewer: 403, otherInterviewer: 403, recruiter: 403, admin: 200 }),
      get("an unknown candidate", fixed(`/api/candidates/${ZERO_UUID}/export`), { anon: 401, interviewer: 403, otherInterviewer: 403, recruiter: 403, admin: 404 }),
      get("not an id", fixed("/api/candidates/not-an-id/export"), { anon: 401, interviewer: 403, otherInterviewer: 403, recruiter: 403, admin: 404 }),
    ],
  },
  {
    pattern: "/api/webhooks/nylas",
    cases: [
      get("the challenge handshake (public)", fixed("/api/webhooks/nylas?challenge=abc123"), everyone(200)),
      {
        label: "an unsigned notification",
        method: "POST",
        path: fixed("/api/webhooks/nylas"),
        headers: { "content-type": "application/json" },
        body: '{"id":"x","type":"booking.created"}',
        expect: everyone(401),
      },
      {
        label: "a wrongly signed notification",
        method: "POST",
        path: fixed("/api/webhooks/nylas"),
        headers: { "content-type": "application/json", "x-nylas-signature": "0".repeat(64) },
        body: '{"id":"x","type":"booking.created"}',
        expect: everyone(401),
      },
    ],
  },
  {
    // The catch-all itself: per method, the sandbox's own auth; a portal session is no API key.
    pattern: "/v3/[...path]",
    cases: [
      get("an API-key endpoint without the key", fixed("/v3/grants"), everyone(401)),
      { label: "CORS preflight", method: "OPTIONS", path: fixed("/v3/scheduling/availability"), expect: everyone(204) },
      { label: "HEAD of a media file with a bad token", method: "HEAD", path: (f) => `/v3/sandbox/media/${f.notetakerId}/recording/recording.mp4?token=forged`, expect: everyone(403) },
      { label: "POST without the key", method: "POST", path: fixed("/v3/webhooks"), headers: { "content-type": "application/json" }, body: "{}", expect: everyone(401) },
      { label: "PUT without the key", method: "PUT", path: fixed(`/v3/webhooks/${ZERO_UUID}`), headers: { "content-type": "application/json" }, body: "{}", expect: everyone(401) },
      { label: "PATCH without the key", method: "PATCH", path: fixed("/v3/sandbox/grants/someone@example.org"), headers: { "content-type": "application/json" }, body: "{}", expect: everyone(401) },
      { label: "DELETE without the key", method: "DELETE", path: fixed("/v3/grants/someone@example.org"), expect: everyone(401) },
      get("an unknown endpoint", fixed("/v3/no-such-endpoint"), everyone(404)),
    ],
  },
];

// ───────────────────────────── Server actions ─────────────────────────────

const settingsPage = fixed("/settings");
const adminAction = (ok: Outcome = 200): Expectation => ({ anon: LOGIN, interviewer: 403, otherInterviewer: 403, recruiter: 403, admin: ok });
const IDLE = { status: "idle", message: "" };
/** Feedback on an interview: only the interviewer who ran it writes it; recruiters and admins read it (403). */
const interviewerAction = (other: Outcome = 200): Expectation => ({ anon: LOGIN, interviewer: 200, otherInterviewer: other, recruiter: 403, admin: 403 });

/**
 * An action id is accepted on any path, so a signed-out caller can post one to a public page,
 * which proxy.ts lets through. Next.js then forwards the call to a page that hosts the action;
 * that request is refused there (the sign-in redirect), and Next.js answers 200 with an empty
 * "{}" — no action result ("0:{"a":…}") comes back, because the action never ran.
 */
export const SIGNED_OUT_ACTION_ON_PUBLIC_PAGE = { page: "/careers", expect: 200 as Outcome, body: "{}", actionResultMarker: '"a":"$@' };

export const ACTION_RULES: ActionRule[] = [
  {
    // Deciding is for recruiters and admins: an interviewer (even the one who ran the interview) gets the 403 page.
    key: "app/dashboard/candidates/[id]/actions.ts#decideApplicationAction",
    page: (f) => `/dashboard/candidates/${f.candidateId}`,
    // An application that does not exist: nothing to change, even for those allowed in.
    args: () => [ZERO_UUID, { stage: "HIRED", expectedUpdatedAt: "2026-01-01T00:00:00.000Z" }],
    expect: { anon: LOGIN, interviewer: 403, otherInterviewer: 403, recruiter: 200, admin: 200 },
    bodyIncludes: { recruiter: "This application no longer exists.", admin: "This application no longer exists." },
  },
  {
    // Erasing is for admins only; the wrong email is refused before anything is deleted, even for an admin.
    key: "app/dashboard/candidates/[id]/actions.ts#eraseCandidateAction",
    page: (f) => `/dashboard/candidates/${f.candidateId}`,
    args: (f) => [IDLE, new FormArg({ candidateId: f.candidateId, confirmEmail: "not-their-email@example.org" })],
    expect: adminAction(),
    bodyIncludes: { admin: "That is not the candidate" },
  },
  {
    key: "app/dashboard/interviews/[id]/actions.ts#setActionItemDoneAction",
    page: (f) => `/dashboard/interviews/${f.interviewId}`,
    // "Not done" on an open item changes nothing for those allowed; the other interviewer's write matches no row.
    args: (f) => [{ id: f.actionItemId, done: false }],
    expect: interviewScoped(LOGIN, 200, 200),
    bodyIncludes: { otherInterviewer: "This action item no longer exists.", interviewer: "Marked not done.", recruiter: "Marked not done." },
  },
  {
    key: "app/dashboard/interviews/[id]/actions.ts#retryMediaDownloadAction",
    page: (f) => `/dashboard/interviews/${f.interviewId}`,
    args: (f) => [IDLE, new FormArg({ id: f.assetId })],
    expect: interviewScoped(LOGIN, 200, 200),
    bodyIncludes: { otherInterviewer: "This file no longer exists.", interviewer: "Only a failed download can be retried." },
  },
  {
    key: "app/dashboard/interviews/[id]/actions.ts#saveFeedbackDraftAction",
    page: (f) => `/dashboard/interviews/${f.interviewId}`,
    // Based on a revision the feedback never had: a conflict, nothing written, even for the interviewer who ran it.
    args: (f) => [f.interviewId, { keyTakeaways: "written by the authorization matrix" }, 999],
    expect: interviewerAction(),
    bodyIncludes: { interviewer: "Your feedback was submitted meanwhile", otherInterviewer: "You can give feedback only on interviews you ran." },
  },
  {
    key: "app/dashboard/interviews/[id]/actions.ts#submitFeedbackAction",
    page: (f) => `/dashboard/interviews/${f.interviewId}`,
    // No overall recommendation: refused with field errors before anything is written.
    args: (f) => [f.interviewId, { keyTakeaways: "written by the authorization matrix" }, 999],
    expect: interviewerAction(),
    bodyIncludes: { interviewer: "Choose an overall recommendation.", otherInterviewer: "You can give feedback only on interviews you ran." },
  },
  {
    key: "app/sandbox/actions.ts#runNotetakerAction",
    page: fixed("/sandbox"),
    args: () => [IDLE, new FormArg({ id: "not-a-notetaker", outcome: "completed" })],
    expect: adminAction(),
    bodyIncludes: { admin: "That is not a notetaker of this sandbox." },
  },
  { key: "app/sandbox/actions.ts#updateCalendarConnectionAction", page: fixed("/sandbox"), args: () => [IDLE, new FormArg({ intent: "nothing" })], expect: adminAction() },
  {
    key: "app/settings/actions.ts#savePanelAction",
    page: settingsPage,
    args: () => ["not-an-id", { name: "Hijacked" }, null],
    expect: adminAction(),
    bodyIncludes: { admin: "That is not a panel id." },
  },
  {
    key: "app/settings/actions.ts#saveRoleAction",
    page: settingsPage,
    args: () => ["not-an-id", { title: "Hijacked" }, null],
    expect: adminAction(),
    bodyIncludes: { admin: "That is not a role id." },
  },
  { key: "app/settings/actions.ts#setRolePublishedAction", page: settingsPage, args: () => ["not-an-id", false], expect: adminAction(), bodyIncludes: { admin: "That is not a role." } },
  { key: "app/settings/actions.ts#retryRoleSyncAction", page: settingsPage, args: () => ["not-an-id"], expect: adminAction(), bodyIncludes: { admin: "That is not a role." } },
  { key: "app/settings/actions.ts#getRoleSyncStatesAction", page: settingsPage, args: (f) => [[f.roleId]], expect: adminAction() },
  {
    // A value that is no policy: refused before anything is read or written.
    key: "app/settings/privacy/actions.ts#saveRecordingPolicyAction",
    page: fixed("/settings/privacy"),
    args: () => [IDLE, new FormArg({ recordingPolicy: "SOMETIMES" })],
    expect: adminAction(),
    bodyIncludes: { admin: "Choose one of Inform only, Ask for consent, Never record." },
  },
  {
    key: "app/settings/privacy/actions.ts#setInterviewerRecordingOptOutAction",
    page: (f) => `/settings/panels/${f.panelId}`,
    args: () => [IDLE, new FormArg({ interviewerId: "not-an-id", recordingOptOut: "true" })],
    expect: adminAction(),
    bodyIncludes: { admin: "That is not an interviewer." },
  },
  {
    // Anyone signed in may call it (it changes only their own interviewer); no value: refused, nothing written.
    key: "app/account/actions.ts#saveOwnRecordingPreferenceAction",
    page: fixed("/account"),
    args: () => [IDLE, new FormArg({ recordingOptOut: "maybe" })],
    expect: signedInPage(),
    bodyIncludes: {
      interviewer: "Say whether their interviews may be recorded.",
      otherInterviewer: "Say whether their interviews may be recorded.",
      recruiter: "Say whether their interviews may be recorded.",
      admin: "Say whether their interviews may be recorded.",
    },
  },
  {
    // Anyone signed in renames only themselves; a blank name is refused before anything is written.
    key: "app/account/actions.ts#saveProfileAction",
    page: fixed("/account"),
    args: () => [IDLE, new FormArg({ name: "   " })],
    expect: signedInPage(),
    bodyIncludes: { interviewer: "Enter your name.", otherInterviewer: "Enter your name.", recruiter: "Enter your name.", admin: "Enter your name." },
  },
  {
    // Anyone signed in changes only their own password; no current password: refused, nothing changed.
    key: "app/account/actions.ts#changePasswordAction",
    page: fixed("/account"),
    args: () => [IDLE, new FormArg({ currentPassword: "", newPassword: "matrix-password-1", confirmPassword: "matrix-password-1" })],
    expect: signedInPage(),
    bodyIncludes: {
      interviewer: "Enter your current password.",
      otherInterviewer: "Enter your current password.",
      recruiter: "Enter your current password.",
      admin: "Enter your current password.",
    },
  },
  {
    // Public; a malformed email is refused before any limit is counted or any link is made.
    key: "app/(auth)/forgot-password/actions.ts#requestPasswordResetAction",
    page: fixed("/forgot-password"),
    args: () => [IDLE, new FormArg({ email: "not-an-email" })],
    expect: everyone(200),
    isPublic: true,
    bodyIncludes: sameFor("Enter a valid email address."),
  },
  {
    // Public: the one-time token is the credential; an unknown one changes nothing, for anyone.
    key: "app/(auth)/reset-password/[token]/actions.ts#resetPasswordAction",
    page: fixed(`/reset-password/${"A".repeat(43)}`),
    args: () => [IDLE, new FormArg({ token: "A".repeat(43), newPassword: "matrix-password-1", confirmPassword: "matrix-password-1" })],
    expect: everyone(200),
    isPublic: true,
    bodyIncludes: sameFor("This reset link is not valid."),
  },
  {
    key: "app/settings/load/actions.ts#setWeeklyCapAction",
    page: fixed("/settings/load"),
    args: () => [{ status: "idle" }, new FormArg({ interviewerId: "not-an-id", weeklyCap: "many" })],
    expect: adminAction(),
  },
  {
    key: "app/settings/privacy/retention-actions.ts#saveRetentionRulesAction",
    page: fixed("/settings/privacy"),
    // A negative number of days: refused before anything is saved, even for admins.
    args: () => [{ deleteMediaDaysAfterRejection: "-1", deleteMediaDaysAfterHire: "", anonymizeDaysAfterRejection: "", deleteNylasCopyWhenStored: false }],
    expect: adminAction(),
    bodyIncludes: { admin: "The number of days cannot be negative." },
  },
  {
    // An address that is not one: refused before anything is counted, stored or sent.
    key: "app/settings/team/actions.ts#inviteUserAction",
    page: fixed("/settings/team"),
    args: () => [IDLE, new FormArg({ email: "not-an-email", role: "RECRUITER" })],
    expect: adminAction(),
    bodyIncludes: { admin: "Enter a valid email address." },
  },
  {
    key: "app/settings/team/actions.ts#resendInvitationAction",
    page: fixed("/settings/team"),
    args: () => [IDLE, new FormArg({ id: "not-an-id" })],
    expect: adminAction(),
    bodyIncludes: { admin: "That is not an invitation." },
  },
  {
    key: "app/settings/team/actions.ts#revokeInvitationAction",
    page: fixed("/settings/team"),
    args: () => [IDLE, new FormArg({ id: ZERO_UUID })],
    expect: adminAction(),
    bodyIncludes: { admin: "This invitation no longer exists." },
  },
  {
    key: "app/settings/team/actions.ts#changeUserRoleAction",
    page: fixed("/settings/team"),
    args: () => [IDLE, new FormArg({ userId: "not-an-id", role: "ADMIN" })],
    expect: adminAction(),
    bodyIncludes: { admin: "That is not a user." },
  },
  {
    key: "app/settings/team/actions.ts#setUserActiveAction",
    page: fixed("/settings/team"),
    args: () => [IDLE, new FormArg({ userId: ZERO_UUID, active: "false" })],
    expect: adminAction(),
    bodyIncludes: { admin: "This user no longer exists." },
  },
  {
    // Public by design (the one-time token is the authority): a link that is no token creates nothing, for anyone.
    key: "app/(auth)/invite/[token]/actions.ts#acceptInvitationAction",
    page: fixed("/invite/not-a-token"),
    args: () => [IDLE, new FormArg({ token: "not-a-token", name: "Mallory", password: "long-enough-password" })],
    expect: everyone(200),
    bodyIncludes: {
      anon: "This invitation link is not valid.",
      interviewer: "This invitation link is not valid.",
      otherInterviewer: "This invitation link is not valid.",
      recruiter: "This invitation link is not valid.",
      admin: "This invitation link is not valid.",
    },
    isPublic: true,
  },
  {
    key: "app/settings/jobs/actions.ts#retryJobAction",
    page: fixed("/settings/jobs"),
    args: () => [IDLE, new FormArg({ id: "not-an-id" })],
    expect: adminAction(),
    bodyIncludes: { admin: "That is not a job id." },
  },
  {
    key: "app/settings/webhooks/actions.ts#retryWebhookEventAction",
    page: fixed("/settings/webhooks"),
    args: () => [IDLE, new FormArg({ id: "not-an-id" })],
    expect: adminAction(),
    bodyIncludes: { admin: "That is not a webhook notification id." },
  },
  {
    key: "app/settings/webhooks/actions.ts#getWebhookEventPayloadAction",
    page: fixed("/settings/webhooks"),
    args: () => ["not-an-id"],
    expect: adminAction(),
    bodyIncludes: { admin: "That is not a webhook notification id." },
  },
];

// ───────────────────────────── Sandbox /v3 routes ─────────────────────────────

/**
 * Every "api_key" route is checked generically by the spec: 401 for every actor without the key
 * (its path params filled by `fillSandboxPath`). These rules add keyed and public cases; every
 * sandbox route needs an entry, even an empty one, so a new route is a decision, not a default.
 */
const keyed = (label: string, method: string, path: (f: Fixtures) => string, expect: Outcome, body?: string): RequestCase => ({
  label,
  method,
  path,
  headers: { ...key, ...(body ? { "content-type": "application/json" } : {}) },
  body,
  expect: everyone(expect),
});
const pub = (label: string, method: string, path: (f: Fixtures) => string, expect: Outcome, body?: string): RequestCase => ({
  label,
  method,
  path,
  headers: body ? { "content-type": "application/json" } : undefined,
  body,
  expect: everyone(expect),
});
const grant = (f: Fixtures) => encodeURIComponent(f.hostEmail);
/** The hosted sign-in page's query for this app (its callback on the e2e server's origin). */
const hostedAuthQuery = (overrides: Record<string, string> = {}) =>
  new URLSearchParams({
    client_id: "sandbox-client-id",
    redirect_uri: `http://localhost:${Number(process.env.E2E_PORT) || 3100}/account/calendar/callback`,
    response_type: "code",
    state: "matrix",
    ...overrides,
  }).toString();
const inTwoWeeks = () => {
  const now = Math.floor(Date.now() / 1000);
  return `start_time=${now}&end_time=${now + 14 * 86_400}`;
};

export const SANDBOX_RULES: SandboxRule[] = [
  { route: "GET grants", cases: [keyed("with the key", "GET", fixed("/v3/grants"), 200)] },
  { route: "GET grants/:grant", cases: [keyed("with the key", "GET", (f) => `/v3/grants/${grant(f)}`, 200)] },
  { route: "DELETE grants/:grant", cases: [keyed("an unknown grant, with the key", "DELETE", fixed("/v3/grants/nobody%40example.org"), 404)] },
  { route: "GET grants/:grant/calendars", cases: [keyed("with the key", "GET", (f) => `/v3/grants/${grant(f)}/calendars`, 200)] },
  { route: "POST grants/:grant/calendars/free-busy", cases: [] },
  { route: "GET grants/:grant/events", cases: [keyed("with the key", "GET", (f) => `/v3/grants/${grant(f)}/events?calendar_id=primary`, 200)] },
  { route: "POST grants/:grant/events", cases: [] },
  { route: "GET grants/:grant/events/:id", cases: [keyed("with the key", "GET", (f) => `/v3/grants/${grant(f)}/events/${f.eventId}?calendar_id=primary`, 200)] },
  { route: "PUT grants/:grant/events/:id", cases: [] },
  { route: "DELETE grants/:grant/events/:id", cases: [] },
  { route: "GET grants/:grant/messages", cases: [keyed("with the key", "GET", (f) => `/v3/grants/${grant(f)}/messages`, 200)] },
  {
    route: "POST grants/:grant/messages/send",
    cases: [
      // Refused before anything is sent: the matrix sends no email.
      keyed("a message without recipients, with the key", "POST", (f) => `/v3/grants/${grant(f)}/messages/send`, 400, "{}"),
      keyed("an unknown grant, with the key", "POST", fixed("/v3/grants/nobody%40example.org/messages/send"), 404, JSON.stringify({ to: [{ email: "a@example.org" }] })),
    ],
  },
  { route: "GET grants/:grant/scheduling/configurations", cases: [] },
  { route: "POST grants/:grant/scheduling/configurations", cases: [] },
  { route: "GET grants/:grant/scheduling/configurations/:id", cases: [] },
  { route: "PUT grants/:grant/scheduling/configurations/:id", cases: [] },
  { route: "DELETE grants/:grant/scheduling/configurations/:id", cases: [] },
  // Public Scheduler endpoints (what <NylasScheduling> calls from the careers page): no key needed.
  {
    route: "GET scheduling/ui-settings",
    cases: [
      pub("a public configuration", "GET", (f) => `/v3/scheduling/ui-settings?configuration_id=${f.configurationId}`, 200),
      pub("no configuration", "GET", fixed("/v3/scheduling/ui-settings"), 400),
    ],
  },
  {
    route: "GET scheduling/availability",
    cases: [
      pub("a public configuration", "GET", (f) => `/v3/scheduling/availability?configuration_id=${f.configurationId}&${inTwoWeeks()}`, 200),
      pub("an unknown configuration", "GET", () => `/v3/scheduling/availability?configuration_id=${ZERO_UUID}&${inTwoWeeks()}`, 404),
    ],
  },
  { route: "POST scheduling/bookings", cases: [pub("no configuration", "POST", fixed("/v3/scheduling/bookings"), 400, "{}")] },
  {
    route: "GET scheduling/bookings/:id",
    cases: [pub("a booking, by its unguessable id", "GET", (f) => `/v3/scheduling/bookings/${f.bookingId}`, 200), pub("an unknown booking", "GET", fixed(`/v3/scheduling/bookings/${ZERO_UUID}`), 404)],
  },
  { route: "DELETE scheduling/bookings/:id", cases: [pub("an unknown booking", "DELETE", fixed(`/v3/scheduling/bookings/${ZERO_UUID}`), 404)] },
  { route: "PATCH scheduling/bookings/:id", cases: [pub("an unknown booking", "PATCH", fixed(`/v3/scheduling/bookings/${ZERO_UUID}`), 404, "{}")] },
  { route: "PUT scheduling/bookings/:id", cases: [pub("a confirmation without status and salt, refused before any lookup", "PUT", fixed(`/v3/scheduling/bookings/${ZERO_UUID}`), 400, "{}")] },
  { route: "GET webhooks", cases: [keyed("with the key", "GET", fixed("/v3/webhooks"), 200)] },
  { route: "POST webhooks", cases: [] },
  { route: "GET webhooks/ip-addresses", cases: [] },
  { route: "POST webhooks/rotate-secret/:id", cases: [] },
  { route: "GET webhooks/:id", cases: [] },
  { route: "PUT webhooks/:id", cases: [] },
  { route: "DELETE webhooks/:id", cases: [] },
  { route: "GET grants/:grant/notetakers", cases: [] },
  { route: "GET grants/:grant/notetakers/:id", cases: [] },
  { route: "DELETE grants/:grant/notetakers/:id", cases: [] },
  { route: "DELETE grants/:grant/notetakers/:id/cancel", cases: [] },
  { route: "POST grants/:grant/notetakers/:id/leave", cases: [] },
  { route: "GET grants/:grant/notetakers/:id/media", cases: [] },
  { route: "GET grants/:grant/notetakers/:id/history", cases: [] },
  { route: "GET notetakers", cases: [] },
  { route: "GET notetakers/:id", cases: [keyed("with the key", "GET", (f) => `/v3/notetakers/${f.notetakerId}`, 200)] },
  { route: "DELETE notetakers/:id", cases: [keyed("an unknown notetaker, with the key", "DELETE", () => "/v3/notetakers/0123456789abcdef0123456789abcdef", 404)] },
  { route: "DELETE notetakers/:id/cancel", cases: [] },
  { route: "POST notetakers/:id/leave", cases: [] },
  { route: "GET notetakers/:id/media", cases: [keyed("with the key", "GET", (f) => `/v3/notetakers/${f.notetakerId}/media`, 200)] },
  { route: "GET notetakers/:id/history", cases: [] },
  { route: "POST sandbox/grants", cases: [] },
  { route: "PATCH sandbox/grants/:grant", cases: [] },
  {
    route: "POST sandbox/grants/:grant/message-faults",
    cases: [keyed("invalid faults, with the key (nothing set)", "POST", (f) => `/v3/sandbox/grants/${grant(f)}/message-faults`, 400, '{"fail":3}')],
  },
  { route: "POST sandbox/notetakers/:id/run", cases: [] },
  { route: "POST sandbox/notetakers/:id/faults", cases: [] },
  { route: "POST sandbox/notetakers/:id/expire-media", cases: [] },
  // Pre-authenticated media links: only a valid signed token opens them (Nylas's storage links).
  {
    route: "GET sandbox/media/:id/:kind/:name",
    cases: [
      pub("a forged token", "GET", (f) => `/v3/sandbox/media/${f.notetakerId}/recording/recording.mp4?token=forged`, 403),
      pub("no token", "GET", (f) => `/v3/sandbox/media/${f.notetakerId}/recording/recording.mp4`, 403),
    ],
  },
  { route: "HEAD sandbox/media/:id/:kind/:name", cases: [pub("a forged token", "HEAD", (f) => `/v3/sandbox/media/${f.notetakerId}/recording/recording.mp4?token=forged`, 403)] },
  // Hosted OAuth (public, as Nylas's are): the sign-in page checks its client and callback; its form refuses another site;
  // the code exchange needs the API key as client_secret.
  {
    route: "GET connect/auth",
    cases: [
      pub("the sign-in page for the app's own callback", "GET", () => `/v3/connect/auth?${hostedAuthQuery()}`, 200),
      pub("an unknown client", "GET", () => `/v3/connect/auth?${hostedAuthQuery({ client_id: "someone-else" })}`, 400),
      pub("a callback on another site", "GET", () => `/v3/connect/auth?${hostedAuthQuery({ redirect_uri: "https://evil.example/cb" })}`, 400),
    ],
  },
  {
    route: "POST connect/auth",
    cases: [
      {
        label: "an approval posted from another site (no code issued)",
        method: "POST",
        path: fixed("/v3/connect/auth"),
        headers: { "content-type": "application/x-www-form-urlencoded", origin: "https://evil.example" },
        body: `${hostedAuthQuery()}&email=someone%40example.org&provider=google&decision=approve`,
        expect: everyone(400),
      },
    ],
  },
  {
    route: "POST connect/token",
    cases: [
      pub(
        "an exchange without the API key as client_secret",
        "POST",
        fixed("/v3/connect/token"),
        401,
        JSON.stringify({ grant_type: "authorization_code", client_id: "sandbox-client-id", client_secret: "x", code: "x", redirect_uri: "x" }),
      ),
      pub(
        "an unknown code",
        "POST",
        fixed("/v3/connect/token"),
        400,
        JSON.stringify({ grant_type: "authorization_code", client_id: "sandbox-client-id", client_secret: SANDBOX_API_KEY, code: "x", redirect_uri: "x" }),
      ),
    ],
  },
  { route: "GET sandbox/meet/:provider/:code", cases: [pub("the meeting page behind a sandbox link (public)", "GET", fixed("/v3/sandbox/meet/google-meet/abc-defg-hij"), 200)] },
];

/** A sandbox path pattern with its params filled ("grants/:grant/events/:id" → "/v3/grants/x/events/y"). */
export function fillSandboxPath(pattern: string, f: Fixtures): string {
  const values: Record<string, string> = { grant: encodeURIComponent(f.hostEmail), id: ZERO_UUID, kind: "recording", name: "recording.mp4", provider: "google-meet", code: "abc-defg-hij" };
  return `/v3/${pattern.replace(/:(\w+)/g, (_, name: string) => values[name] ?? "x")}`;
}
