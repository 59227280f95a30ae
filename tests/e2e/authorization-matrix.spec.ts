/**
 * The authorization matrix (issue 8, item 5): every page, route handler (per method), server
 * action and sandbox /v3 route × {signed out, the interviewer who ran an interview, an interviewer
 * who did not, recruiter, admin} → the expected status, over HTTP against the production server.
 *
 * Closes the hole of a route nobody decided access for: the route tree is read from the
 * filesystem at test time (tests/e2e/route-tree.ts), and a page, method, action or sandbox route
 * without a rule in tests/e2e/authorization-rules.ts fails the first test, as does a rule whose
 * route is gone. The other tests send every cell's request and list every mismatch at once.
 *
 * No browser: each actor is a request context signed in through next-auth's credentials endpoint
 * (the e2e sign-in fixture, tests/e2e/fixtures/auth.ts);
 * the fixture interview is booked through the sandbox's public Scheduler API and its Notetaker run
 * through the sandbox control endpoint, exactly as the careers page and the console would.
 */
import type { APIRequestContext, APIResponse } from "@playwright/test";
import {
  ACTION_RULES,
  ACTORS,
  FormArg,
  HANDLER_RULES,
  PAGE_RULES,
  SANDBOX_RULES,
  SIGNED_OUT_ACTION_ON_PUBLIC_PAGE,
  fillSandboxPath,
  type Actor,
  type Expectation,
  type Fixtures,
  type Outcome,
  type RequestCase,
} from "./authorization-rules";
import { discoverPages, discoverRouteHandlers, discoverSandboxRoutes, discoverServerActions, readActionManifest, type ManifestAction } from "./route-tree";
import { accountOf, expect, test } from "./fixtures/auth";
import { SANDBOX_API_KEY } from "./support";

const OTHER_INTERVIEWER = "lena.fischer@northwind.example"; // Product & design panel only: never on a backend interview
const CONCURRENCY = 6;

let baseURL = "";
let fixtures: Fixtures;
const contexts = {} as Record<Actor, APIRequestContext>;

// ───────────────────────────── Helpers ─────────────────────────────

const sandboxApi = (context: APIRequestContext, method: string, path: string, body?: unknown) =>
  context.fetch(path, {
    method,
    headers: { authorization: `Bearer ${SANDBOX_API_KEY}`, ...(body ? { "content-type": "application/json" } : {}) },
    data: body ? JSON.stringify(body) : undefined,
  });

/** Polls `read` until it returns a value (the app processes webhooks and media in background jobs). */
async function eventually<T>(what: string, read: () => Promise<T | null | undefined>, timeoutMs = 45_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (value !== null && value !== undefined) return value;
    if (Date.now() > until) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

const UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

/** The debrief link of the candidate's interview, looked for on every page of the admin's dashboard. */
async function findInterviewId(admin: APIRequestContext, candidate: string): Promise<string | null> {
  for (let page = 1; page <= 50; page++) {
    const html = await (await admin.get(`/dashboard?page=${page}`)).text();
    const links = [...html.matchAll(new RegExp(`<a\\b[^>]*href="/dashboard/interviews/(${UUID})"[^>]*>([\\s\\S]*?)</a>`, "g"))];
    // The link's text, without markup: "Open the interview with <name>".
    const found = links.find((m) => m[2]!.replace(/<!--.*?-->|<[^>]*>/g, "") === `Open the interview with ${candidate}`);
    if (found) return found[1]!;
    if (links.length === 0) return null;
  }
  return null;
}

/** Books the backend engineer role through the public Scheduler API, runs its Notetaker, waits for the stored media. */
async function createFixtures(admin: APIRequestContext): Promise<Fixtures> {
  const careers = await (await admin.get("/careers/backend-engineer")).text();
  const configurationId = new RegExp(`<nylas-scheduling configuration-id="(${UUID})"`).exec(careers)?.[1];
  expect(configurationId, "the careers page's configuration id").toBeTruthy();

  const now = Math.floor(Date.now() / 1000);
  const availability = await admin.get(`/v3/scheduling/availability?configuration_id=${configurationId}&start_time=${now}&end_time=${now + 14 * 86_400}`);
  expect(availability.status()).toBe(200);
  const slots = ((await availability.json()) as { data: { time_slots: { start_time: number; end_time: number }[] } }).data.time_slots;
  expect(slots.length, "free slots on the backend engineer panel").toBeGreaterThan(0);

  const candidate = `Matrix Candidate ${Date.now().toString(36)}`;
  // The last offered slot: far from the ones other specs book first.
  const slot = slots[slots.length - 1]!;
  const booked = await admin.post(`/v3/scheduling/bookings?configuration_id=${configurationId}`, {
    data: { start_time: slot.start_time, end_time: slot.end_time, guest: { name: candidate, email: `${candidate.toLowerCase().replace(/\s+/g, ".")}@example.org` } },
  });
  expect(booked.status(), await booked.text()).toBe(200);
  const booking = ((await booked.json()) as { data: { booking_id: string; event_id: string; organizer: { email: string; name: string } } }).data;
  const hostEmail = booking.organizer.email;
  expect(hostEmail).not.toBe(OTHER_INTERVIEWER);

  const event = await sandboxApi(admin, "GET", `/v3/grants/${encodeURIComponent(hostEmail)}/events/${booking.event_id}?calendar_id=primary`);
  expect(event.status()).toBe(200);
  const notetakerId = ((await event.json()) as { data: { notetaker?: { id?: string } } }).data.notetaker?.id;
  expect(notetakerId, "the booking's notetaker").toMatch(/^[0-9a-f]{32}$/);

  // The app must know the interview (booking.created) before the Notetaker's events arrive.
  const interviewId = await eventually("the interview on the dashboard", () => findInterviewId(admin, candidate));
  const run = await sandboxApi(admin, "POST", `/v3/sandbox/notetakers/${notetakerId}/run`, { outcome: "completed" });
  expect(run.status(), await run.text()).toBe(200);

  const debrief = await eventually("the stored recording and action items on the debrief", async () => {
    const html = await (await admin.get(`/dashboard/interviews/${interviewId}`)).text();
    const assetId = (new RegExp(`<video[^>]*src="/api/media/(${UUID})"`).exec(html) ?? new RegExp(`/api/media/(${UUID})`).exec(html))?.[1];
    const actionItemId = new RegExp(`id\\\\?":\\\\?"(${UUID})\\\\?",\\\\?"text`).exec(html)?.[1];
    const candidateId = new RegExp(`/dashboard/candidates/(${UUID})`).exec(html)?.[1];
    return assetId && actionItemId && candidateId ? { assetId, actionItemId, candidateId } : null;
  });

  // The host's Interviewer id, from the admin's "Interviewer" filter (options are labelled by name).
  const dashboard = await (await admin.get("/dashboard")).text();
  const hostInterviewerId = [...dashboard.matchAll(new RegExp(`<option value="(${UUID})"[^>]*>([^<]*)</option>`, "g"))].find((m) => m[2] === booking.organizer.name)?.[1];
  expect(hostInterviewerId, `${booking.organizer.name} in the dashboard's interviewer filter`).toBeTruthy();

  const settings = await (await admin.get("/settings")).text();
  const panelId = new RegExp(`/settings/panels/(${UUID})`).exec(settings)?.[1];
  const roleId = new RegExp(`/settings/roles/(${UUID})`).exec(settings)?.[1];
  expect(panelId && roleId, "a panel and a role linked from /settings").toBeTruthy();

  return {
    ...debrief,
    interviewId,
    bookingId: booking.booking_id,
    eventId: booking.event_id,
    notetakerId: notetakerId!,
    configurationId: configurationId!,
    hostEmail,
    hostInterviewerId: hostInterviewerId!,
    panelId: panelId!,
    roleId: roleId!,
  };
}

/** Status, and for redirects the Location's path + query (relative to the app). */
function describe(response: APIResponse): string {
  const location = response.headers()["location"];
  return location ? `${response.status()} ${location.replace(/^https?:\/\/[^/]+/, "")}` : String(response.status());
}

function matches(actual: APIResponse, expected: Outcome): boolean {
  if (typeof expected === "number") return actual.status() === expected;
  const [status, location] = expected.split(/ (.*)/s) as [string, string];
  return actual.status() === Number(status) && (actual.headers()["location"] ?? "").replace(/^https?:\/\/[^/]+/, "").startsWith(location);
}

type Cell = { name: string; actor: Actor; expected: Outcome; send: (context: APIRequestContext) => Promise<APIResponse>; bodyIncludes?: string; bodyExcludes?: string };

/** Sends every cell (a few at a time) and returns the mismatches, one line each. */
async function runCells(cells: Cell[]): Promise<string[]> {
  const mismatches: string[] = [];
  let next = 0;
  const worker = async () => {
    for (let cell = cells[next++]; cell; cell = cells[next++]) {
      const response = await cell.send(contexts[cell.actor]);
      const body = cell.bodyIncludes || cell.bodyExcludes ? await response.text() : "";
      if (!matches(response, cell.expected)) mismatches.push(`${cell.name} as ${cell.actor}: expected ${cell.expected}, got ${describe(response)}: ${(await response.text()).slice(0, 160)}`);
      else if (cell.bodyIncludes && !body.includes(cell.bodyIncludes))
        mismatches.push(`${cell.name} as ${cell.actor}: ${cell.expected} but the body lacks "${cell.bodyIncludes}": ${body.slice(0, 200)}`);
      else if (cell.bodyExcludes && body.includes(cell.bodyExcludes)) mismatches.push(`${cell.name} as ${cell.actor}: the body shows "${cell.bodyExcludes}", which this actor may not see`);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return mismatches;
}

function requestCells(prefix: string, cases: RequestCase[]): Cell[] {
  return cases.flatMap((c) =>
    ACTORS.map((actor) => ({
      name: `${prefix} ${c.method} ${c.path(fixtures)} (${c.label})`,
      actor,
      expected: c.expect[actor],
      bodyExcludes: c.bodyExcludes?.[actor]?.(fixtures),
      send: (context: APIRequestContext) => context.fetch(c.path(fixtures), { method: c.method, headers: c.headers, data: c.body, maxRedirects: 0, failOnStatusCode: false }),
    })),
  );
}

/** The page the browser would post an action from: its rule's page. */
function actionCells(manifest: ManifestAction[]): Cell[] {
  return ACTION_RULES.flatMap((rule) => {
    const [file, exportedName] = rule.key.split("#") as [string, string];
    const action = manifest.find((a) => a.filename === file && a.exportedName === exportedName);
    if (!action) throw new Error(`${rule.key} is not in the build's server action manifest`);
    const onPublicPage: Cell = {
      name: `action ${rule.key} via POST ${SIGNED_OUT_ACTION_ON_PUBLIC_PAGE.page}`,
      actor: "anon",
      expected: SIGNED_OUT_ACTION_ON_PUBLIC_PAGE.expect,
      bodyIncludes: SIGNED_OUT_ACTION_ON_PUBLIC_PAGE.body,
      bodyExcludes: SIGNED_OUT_ACTION_ON_PUBLIC_PAGE.actionResultMarker,
      send: (context: APIRequestContext) => postAction(context, action.id, SIGNED_OUT_ACTION_ON_PUBLIC_PAGE.page, rule.args(fixtures)),
    };
    // A recruiter posting an admin action from a page they may open (/dashboard): Next.js forwards
    // it to the hosting page and drops the forwarded status, so the proof is in the body — the
    // result the admin gets (past the role check) must not come back.
    const adminResult = rule.expect.recruiter === 403 ? rule.bodyIncludes?.admin : undefined;
    const fromOtherPage: Cell[] = adminResult
      ? [
          {
            name: `action ${rule.key} via POST /dashboard`,
            actor: "recruiter",
            expected: 200,
            bodyExcludes: adminResult,
            send: (context: APIRequestContext) => postAction(context, action.id, "/dashboard", rule.args(fixtures)),
          },
        ]
      : [];
    return [
      ...fromOtherPage,
      ...ACTORS.map((actor) => ({
        name: `action ${rule.key} via POST ${rule.page(fixtures)}`,
        actor,
        expected: rule.expect[actor],
        bodyIncludes: rule.bodyIncludes?.[actor],
        send: (context: APIRequestContext) => postAction(context, action.id, rule.page(fixtures), rule.args(fixtures)),
      })),
      // A public action runs for anyone, wherever it is posted: its own cells above say what it answers.
      ...(rule.isPublic ? [] : [onPublicPage]),
    ];
  });
}

/** POSTs a server action the way React does: JSON arguments, or multipart with FormData arguments as "$K<n>" parts. */
function postAction(context: APIRequestContext, actionId: string, page: string, args: unknown[]): Promise<APIResponse> {
  const headers = { "Next-Action": actionId, Accept: "text/x-component", Origin: baseURL };
  const forms: Record<string, string>[] = [];
  const json = JSON.stringify(args.map((arg) => (arg instanceof FormArg ? `$K${(forms.push(arg.fields), forms.length).toString(16)}` : arg)));
  if (forms.length === 0) return context.post(page, { headers: { ...headers, "Content-Type": "text/plain;charset=UTF-8" }, data: json, maxRedirects: 0, failOnStatusCode: false });
  // As React sends it: the FormData arguments' entries first, the arguments ("0") last — the
  // server resolves "$K<n>" against the entries received before "0".
  const multipart = new FormData();
  forms.forEach((fields, i) => {
    for (const [name, value] of Object.entries(fields)) multipart.append(`_${(i + 1).toString(16)}_${name}`, value);
  });
  multipart.append("0", json);
  return context.post(page, { headers, multipart, maxRedirects: 0, failOnStatusCode: false });
}

const countCells = (expectations: Expectation[]) => expectations.length * ACTORS.length;

// ───────────────────────────── Setup ─────────────────────────────

test.beforeAll(async ({ playwright, authStates }, testInfo) => {
  testInfo.setTimeout(120_000);
  baseURL = testInfo.project.use.baseURL!;
  contexts.anon = await playwright.request.newContext({ baseURL });
  contexts.admin = await authStates.request("admin");
  fixtures = await createFixtures(contexts.admin);
  contexts.interviewer = await authStates.request(accountOf(fixtures.hostEmail));
  contexts.otherInterviewer = await authStates.request(OTHER_INTERVIEWER);
  contexts.recruiter = await authStates.request("recruiter");
});

test.afterAll(async () => {
  await Promise.all(Object.values(contexts).map((context) => context.dispose()));
});

// ───────────────────────────── The tests ─────────────────────────────

test("every page, route handler method, server action and sandbox route has a rule, and every rule a route", () => {
  const problems: string[] = [];
  const check = (kind: string, discovered: string[], ruled: string[]) => {
    for (const item of discovered) if (!ruled.includes(item)) problems.push(`${kind} without a rule: ${item}`);
    for (const item of ruled) if (!discovered.includes(item)) problems.push(`rule for a ${kind} that no longer exists: ${item}`);
    for (const item of new Set(ruled)) if (ruled.indexOf(item) !== ruled.lastIndexOf(item)) problems.push(`two rules for the ${kind} ${item}`);
  };

  const pages = discoverPages();
  check(
    "page",
    pages.map((p) => p.pattern),
    PAGE_RULES.map((r) => r.pattern),
  );
  for (const rule of PAGE_RULES) {
    if (rule.cases.length === 0) problems.push(`page ${rule.pattern} has a rule without cases`);
    for (const c of rule.cases) if (c.method !== "GET") problems.push(`page ${rule.pattern}: case "${c.label}" is not a GET`);
  }

  const handlers = discoverRouteHandlers();
  const handlerMethods = handlers.flatMap((h) => h.methods.map((m) => `${m} ${h.pattern}`));
  // Every exported method of every route handler needs a case (a new export is a new endpoint).
  check("route handler method", handlerMethods, [...new Set(HANDLER_RULES.flatMap((r) => r.cases.map((c) => `${c.method} ${r.pattern}`)))]);

  const actions = discoverServerActions().map((a) => a.key);
  check(
    "server action",
    actions,
    ACTION_RULES.map((r) => r.key),
  );
  // The build's manifest agrees with the source (a build older than the tree would test the wrong ids).
  check(
    "server action in the build",
    readActionManifest().map((a) => `${a.filename}#${a.exportedName}`),
    actions,
  );

  check(
    "sandbox route",
    discoverSandboxRoutes().map((r) => `${r.method} ${r.path}`),
    SANDBOX_RULES.map((r) => r.route),
  );
  for (const rule of SANDBOX_RULES) {
    const [method] = rule.route.split(" ");
    for (const c of rule.cases) if (c.method !== method) problems.push(`sandbox rule ${rule.route}: case "${c.label}" uses ${c.method}`);
  }

  expect(problems, "routes and rules out of step (add a rule to tests/e2e/authorization-rules.ts)").toEqual([]);
  // The discovery itself works (an empty tree would pass the checks above vacuously).
  expect(pages.length).toBeGreaterThanOrEqual(15);
  expect(handlerMethods.length).toBeGreaterThanOrEqual(10);
  expect(actions.length).toBeGreaterThanOrEqual(12);
  test.info().annotations.push({
    type: "matrix",
    description: `${pages.length} pages, ${handlers.length} route handlers (${handlerMethods.length} methods), ${actions.length} server actions, ${discoverSandboxRoutes().length} sandbox routes`,
  });
});

test("pages: sign-in redirect, 403 for a role too low, 404 for unknown or unseen records", async () => {
  const cells = PAGE_RULES.flatMap((rule) => requestCells(`page ${rule.pattern}:`, rule.cases));
  expect(await runCells(cells)).toEqual([]);
  expect(cells.length).toBe(countCells(PAGE_RULES.flatMap((r) => r.cases.map((c) => c.expect))));
});

test("route handlers: 401 signed out, 403 for an interviewer who did not run the interview, webhooks need a signature", async () => {
  const cells = HANDLER_RULES.flatMap((rule) => requestCells(`route ${rule.pattern}:`, rule.cases));
  expect(await runCells(cells)).toEqual([]);
});

test("server actions: sign-in redirect, 403 below ADMIN, no write for an interviewer who did not run the interview", async () => {
  const cells = actionCells(readActionManifest());
  expect(await runCells(cells)).toEqual([]);
});

test("sandbox /v3 routes: the API key is required where Nylas requires it (a portal session is not one); public Scheduler routes behave as documented", async () => {
  const routes = discoverSandboxRoutes();
  const generic: RequestCase[] = routes
    .filter((r) => r.auth === "api_key")
    .map((r) => ({
      label: "without the API key",
      method: r.method,
      path: (f: Fixtures) => fillSandboxPath(r.path, f),
      headers: r.method === "GET" || r.method === "DELETE" ? undefined : { "content-type": "application/json" },
      body: r.method === "GET" || r.method === "DELETE" ? undefined : "{}",
      expect: { anon: 401, interviewer: 401, otherInterviewer: 401, recruiter: 401, admin: 401 },
    }));
  const cells = [...requestCells("sandbox", generic), ...SANDBOX_RULES.flatMap((rule) => requestCells(`sandbox ${rule.route}:`, rule.cases))];
  expect(await runCells(cells)).toEqual([]);
  // Every public route has at least one case of its own.
  for (const r of routes.filter((route) => route.auth === "public")) {
    expect(SANDBOX_RULES.find((rule) => rule.route === `${r.method} ${r.path}`)?.cases.length, `cases for the public sandbox route ${r.method} ${r.path}`).toBeGreaterThan(0);
  }
});
