/**
 * Hostile input on the sandbox's public Scheduler endpoints (issue 8, item 4; lib/sandbox/api.ts
 * marks them "public": what <NylasScheduling> calls with no key), generated with fast-check
 * against the production server. Closes the holes of a public endpoint that answers a 5xx to a
 * malformed query, id or body (a crash reachable by anyone on the careers page), books or cancels
 * on a request it should refuse, or lets a key-protected route through with a forged key.
 * Every request gets a clear 4xx in Nylas's error envelope (or 200 where the input happens to be
 * valid and the call only reads), no booking, event or notification is written, and the server
 * still answers /api/health after each batch.
 */
import { randomUUID } from "node:crypto";
import type { APIResponse } from "@playwright/test";
import { expect, test } from "./fixtures/auth";
import fc from "fast-check";
import { checkProperty, corrupt, deeplyNestedJson, expectClientError, expectHealthy, hostileWellFormed, notJsonObject, truncated, wrongType } from "./hostile-arbitraries";
import { countRows, queryDatabase, waitForSandboxDeliveries } from "./support";

// Only these public calls write them; the app's own tables are the webhook spec's concern.
const TABLES = ["sandbox_bookings", "sandbox_events", "sandbox_webhook_deliveries", "sandbox_notetakers"] as const;

test.describe.configure({ mode: "serial" });

let configurationIds: string[] = [];
let slugs: string[] = [];
test.beforeAll(async () => {
  const rows = await queryDatabase<{ id: string; slug: string | null }>("SELECT id, slug FROM sandbox_configurations ORDER BY created_at");
  configurationIds = rows.map((r) => r.id);
  slugs = rows.map((r) => r.slug).filter((s): s is string => Boolean(s));
  expect(configurationIds.length).toBeGreaterThan(0);
  await waitForSandboxDeliveries();
});

/** A query value: hostile text, a number as text, or one of the real ids. */
function queryValue(real: () => string[]): fc.Arbitrary<string> {
  return fc.oneof(
    hostileWellFormed,
    fc.integer().map(String),
    fc.constantFrom("", "null", "undefined", "NaN", "Infinity", "-1", "1e309", "0x10", "[]", "{}"),
    fc.constant(null).map(() => randomUUID()),
    fc.nat().map((i) => real()[i % real().length] ?? ""),
  );
}

const queryString = (params: Record<string, string | undefined>) =>
  Object.entries(params)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v!)}`)
    .join("&");

/** The Nylas error envelope on every refusal (never an HTML error page or an empty body). */
async function expectNylasError(res: APIResponse, what: string, allowed: readonly number[] = []): Promise<void> {
  expectClientError(res.status(), what, allowed);
  if (res.status() >= 400 && res.status() < 500 && res.status() !== 414 && res.status() !== 431) {
    const body = (await res.json().catch(() => null)) as { error?: { type?: string; message?: string } } | null;
    expect(body?.error?.type, `${what}: Nylas error envelope`).toBeTruthy();
  }
}

const nowSeconds = () => Math.floor(Date.now() / 1000);
const epoch = fc.oneof(
  fc.integer({ min: -2_000_000_000, max: 8_000_000_000 }).map(String),
  fc.constant(null).map(() => String(nowSeconds() + 86_400)),
  fc.constant(null).map(() => String(nowSeconds() + 200 * 86_400)),
  fc.double({ noNaN: true }).map(String),
  hostileWellFormed,
);

test("GET /v3/scheduling/availability and ui-settings with hostile queries: 4xx, or 200 for a valid read", async ({ request }) => {
  const before = await countRows(TABLES);
  const params = fc.record(
    {
      configuration_id: queryValue(() => configurationIds),
      slug: queryValue(() => slugs),
      client_id: hostileWellFormed,
      start_time: epoch,
      end_time: epoch,
      booking_id: queryValue(() => []),
      extra: hostileWellFormed,
    },
    { requiredKeys: [] },
  );
  await checkProperty("scheduler: availability queries", fc.tuple(params, fc.boolean()), 200, async ([query, uiSettings]) => {
    const path = uiSettings ? "/v3/scheduling/ui-settings" : "/v3/scheduling/availability";
    const res = await request.get(`${path}?${queryString(query)}`);
    await expectNylasError(res, `GET ${path}?${queryString(query).slice(0, 200)}`, [200]);
  });
  expect(await countRows(TABLES)).toEqual(before);
  await expectHealthy(request);
});

test("POST /v3/scheduling/bookings with hostile bodies is refused and books nothing", async ({ request }) => {
  const before = await countRows(TABLES);
  const start = nowSeconds() + 3 * 86_400;
  // Never a bookable request: the length is wrong even where every field happens to be valid.
  const base = {
    start_time: start,
    end_time: start + 7,
    guest: { name: "<script>hostile_xss(1)</script>", email: "guest@example.org" },
    participants: [{ email: "sarah.kim@northwind.example" }],
    timezone: "Europe/Paris",
    email_language: "en",
    additional_guests: [{ email: "other@example.org", name: "Other" }],
    additional_fields: { linkedin_url: "javascript:alert(1)" },
  };
  const paths = ["start_time", "end_time", "guest", "guest.name", "guest.email", "participants", "timezone", "email_language", "additional_guests", "additional_fields"];
  const body = fc.oneof(
    { weight: 6, arbitrary: corrupt(base, paths).map((v) => JSON.stringify(v)) },
    { weight: 1, arbitrary: notJsonObject },
    { weight: 1, arbitrary: truncated(JSON.stringify(base)) },
    { weight: 1, arbitrary: deeplyNestedJson },
  );
  await checkProperty(
    "scheduler: POST bookings",
    fc.tuple(
      queryValue(() => configurationIds),
      body,
    ),
    300,
    async ([configurationId, data]) => {
      const res = await request.post(`/v3/scheduling/bookings?configuration_id=${encodeURIComponent(configurationId)}`, {
        headers: { "content-type": "application/json" },
        data: Buffer.from(data, "utf8"),
      });
      await expectNylasError(res, `POST bookings ${data.slice(0, 120)}`);
    },
  );
  expect(await countRows(TABLES)).toEqual(before);
  await expectHealthy(request);
});

test("GET, PATCH, PUT and DELETE /v3/scheduling/bookings/<id> with hostile ids and bodies are refused and change nothing", async ({ request }) => {
  const before = await countRows(TABLES);
  const method = fc.constantFrom("GET", "PATCH", "PUT", "DELETE") as fc.Arbitrary<"GET" | "PATCH" | "PUT" | "DELETE">;
  const id = fc.oneof(
    fc.constant(null).map(() => randomUUID()),
    hostileWellFormed.filter((s) => s.length > 0 && s.length < 4_000),
    fc.constantFrom("..", "%2e%2e", "../webhooks", "00000000-0000-0000-0000-000000000000", "ffffffff-ffff-ffff-ffff-ffffffffffff"),
  );
  const body = fc.oneof(
    fc.constant(undefined),
    wrongType.map((v) => JSON.stringify(v)),
    fc
      .record({ start_time: wrongType, end_time: wrongType, cancellation_reason: wrongType, salt: wrongType, status: fc.constantFrom("confirmed", "cancelled", "x") }, { requiredKeys: [] })
      .map((v) => JSON.stringify(v)),
    notJsonObject,
  );
  const query = fc.option(
    queryValue(() => configurationIds),
    { nil: undefined },
  );
  await checkProperty("scheduler: bookings by id", fc.tuple(method, id, body, query), 300, async ([m, bookingId, data, configurationId]) => {
    const url = `/v3/scheduling/bookings/${encodeURIComponent(bookingId)}${configurationId === undefined ? "" : `?configuration_id=${encodeURIComponent(configurationId)}`}`;
    const res = await request.fetch(url, { method: m, headers: { "content-type": "application/json" }, data: data === undefined || m === "GET" ? undefined : Buffer.from(data, "utf8") });
    await expectNylasError(res, `${m} ${url.slice(0, 200)}`);
  });
  expect(await countRows(TABLES)).toEqual(before);
  await expectHealthy(request);
});

test("key-protected sandbox routes refuse a missing or forged key with 401", async ({ request }) => {
  const before = await countRows(TABLES);
  const authorization = fc.oneof(
    fc.constant(undefined),
    hostileWellFormed.map((s) => `Bearer ${s.replace(/[^\x20-\x7e]/g, "")}`),
    fc.constantFrom("Bearer", "Bearer ", "Basic bnlsYXM6", "bearer nylas-sandbox-dev-api-keyx", "Bearer nylas-sandbox-dev-api-ke", "Bearer  ", "Token nylas-sandbox-dev-api-key"),
  );
  const target = fc.constantFrom(
    ["GET", "/v3/grants"],
    ["POST", "/v3/webhooks"],
    ["POST", "/v3/grants/sarah.kim@northwind.example/events"],
    ["GET", "/v3/grants/sarah.kim@northwind.example/scheduling/configurations"],
    ["POST", "/v3/sandbox/notetakers/0123456789abcdef0123456789abcdef/run"],
    ["DELETE", "/v3/grants/sarah.kim@northwind.example"],
  ) as fc.Arbitrary<[string, string]>;
  await checkProperty("scheduler: forged API keys", fc.tuple(target, authorization, wrongType), 100, async ([[m, url], auth, data]) => {
    const res = await request.fetch(url, {
      method: m,
      headers: { "content-type": "application/json", ...(auth === undefined ? {} : { authorization: auth }) },
      data: m === "GET" ? undefined : JSON.stringify(data),
    });
    expect(res.status(), `${m} ${url} with ${JSON.stringify(auth)}`).toBe(401);
  });
  expect(await countRows(TABLES)).toEqual(before);
  await expectHealthy(request);
});
