/**
 * Hostile input on POST /api/webhooks/nylas (issue 8, item 4; DESIGN.md Decisions "Webhooks"),
 * generated with fast-check against the production server. Closes the holes of a webhook route
 * that stores what it did not verify, crashes (5xx, so Nylas retries forever) on a body it cannot
 * parse, buffers an oversized body, or processes a replayed notification twice:
 * - missing or wrong signatures → 401, nothing stored;
 * - signed but truncated, non-object, deeply nested or id/type-less JSON, bad gzip → 400, nothing stored;
 * - oversized bodies (plain or a gzip bomb) → 413, nothing stored;
 * - unknown triggers with a valid signature → 200, recorded as IGNORED, no candidate or interview;
 * - replays of an old notification, whatever else changed → 200 duplicate, nothing new stored;
 * - known triggers with wrong types in every field → 200 (stored; the job validates), never a 5xx.
 * After each batch the server still answers /api/health.
 */
import { randomUUID } from "node:crypto";
import { gzipSync } from "node:zlib";
import { expect, test, type APIRequestContext } from "@playwright/test";
import fc from "fast-check";
import { bookingEnvelope } from "../support/nylas-webhook-fixtures";
import { checkProperty, corrupt, deeplyNestedJson, expectClientError, expectHealthy, hostileString, hostileWellFormed, notJsonObject, truncated, wrongType } from "./hostile-arbitraries";
import { countRows, getWebhookSecret, signWebhookBody, waitForSandboxDeliveries } from "./support";

const TABLES = ["webhook_events", "candidates", "interviews", "applications"] as const;
const HANDLED = ["booking.created", "booking.rescheduled", "booking.cancelled", "notetaker.created", "notetaker.updated", "notetaker.meeting_state", "notetaker.media", "notetaker.deleted"];
const MAX_BYTES = 1_048_576;

test.describe.configure({ mode: "serial" });

let secret: string;
test.beforeAll(async () => {
  secret = await getWebhookSecret();
  // Counts below must move only with this spec's requests.
  await waitForSandboxDeliveries();
});

type Delivery = { body: string | Buffer; signature?: string | null; headers?: Record<string, string> };

async function deliver(request: APIRequestContext, d: Delivery): Promise<{ status: number; json: Record<string, unknown> | null }> {
  const headers: Record<string, string> = { "content-type": "application/json", ...d.headers };
  if (d.signature !== undefined && d.signature !== null) headers["x-nylas-signature"] = d.signature;
  const res = await request.post("/api/webhooks/nylas", { headers, data: typeof d.body === "string" ? Buffer.from(d.body, "utf8") : d.body, maxRedirects: 0 });
  const text = await res.text();
  let json: Record<string, unknown> | null = null;
  try {
    json = JSON.parse(text) as Record<string, unknown>;
  } catch {
    json = null;
  }
  return { status: res.status(), json };
}

/** A booking.created for a guest of a seeded interviewer, on a configuration the app does not know. */
function validEnvelope(overrides: { id?: string; type?: string } = {}) {
  const start = Math.floor(Date.now() / 1000) - 90 * 86_400;
  const envelope = bookingEnvelope({
    type: "booking.created",
    time: start - 86_400,
    bookingId: randomUUID(),
    configurationId: randomUUID(),
    start,
    end: start + 1_800,
    participants: [
      { email: "sarah.kim@northwind.example", name: "Sarah Kim" },
      { email: `hostile.${randomUUID().slice(0, 8)}@example.org`, name: "Hostile Guest" },
    ],
  });
  return { ...envelope, ...overrides };
}

const bodyArbitrary = fc.oneof(
  fc.constant(null).map(() => JSON.stringify(validEnvelope())),
  notJsonObject,
  corrupt(validEnvelope(), ["id", "type", "time", "data", "data.object", "data.object.booking_info"]).map((v) => JSON.stringify(v)),
);

test("missing or wrong signatures are refused with 401 and store nothing", async ({ request }) => {
  const before = await countRows(TABLES);
  const signatureCase = fc.oneof(
    fc.constant({ kind: "missing" as const }),
    fc.constantFrom("", " ", "null", "sha256=", "0".repeat(64), "z".repeat(64), "0".repeat(63), "0".repeat(65), "\u00e9".repeat(64)).map((s) => ({ kind: "literal" as const, s })),
    fc.stringMatching(/^[0-9a-f]{64}$/).map((s) => ({ kind: "literal" as const, s })),
    // Printable ASCII only (a header cannot carry more), and short of Node's 16 KB header limit (431).
    hostileWellFormed.map((s) => ({ kind: "literal" as const, s: s.replace(/[^\x20-\x7e]/g, "").slice(0, 4_000) })),
    fc.string({ minLength: 1, maxLength: 40 }).map((other) => ({ kind: "other-secret" as const, other })),
    fc.nat().map((at) => ({ kind: "flipped-byte" as const, at })),
    fc.constant({ kind: "prefixed" as const }),
  );
  await checkProperty("webhook: bad signatures", fc.tuple(bodyArbitrary, signatureCase), 400, async ([body, sig]) => {
    let signature: string | null;
    let sent: string | Buffer = body;
    if (sig.kind === "missing") signature = null;
    else if (sig.kind === "literal") signature = sig.s;
    else if (sig.kind === "other-secret") signature = await signWebhookBody(body, sig.other === secret ? `${secret}x` : sig.other);
    else if (sig.kind === "prefixed") signature = `sha256=${await signWebhookBody(body, secret)}`;
    else {
      // Signed, then one byte changed in transit.
      signature = await signWebhookBody(body, secret);
      const bytes = Buffer.from(body, "utf8");
      if (!bytes.length) sent = "x";
      else {
        bytes[sig.at % bytes.length] = bytes[sig.at % bytes.length]! ^ 0x01;
        sent = bytes;
      }
    }
    const res = await deliver(request, { body: sent, signature });
    expect(res.status, `signature case ${sig.kind}`).toBe(401);
  });
  expect(await countRows(TABLES)).toEqual(before);
  await expectHealthy(request);
});

test("signed bodies that are not a notification are refused with 400 and store nothing", async ({ request }) => {
  const before = await countRows(TABLES);
  const valid = JSON.stringify(validEnvelope());
  const bodies = fc.oneof(
    truncated(valid),
    notJsonObject,
    // Valid JSON only when closed, and then too deep to store (lib/webhooks/envelope.ts MAX_WEBHOOK_JSON_DEPTH).
    deeplyNestedJson.map((nested) => `{"id":"${randomUUID()}","type":"booking.created","data":${nested}}`),
    // id or type missing, empty or of the wrong type
    fc
      .tuple(
        fc.oneof(
          wrongType.filter((v) => typeof v !== "string" || !v.trim()),
          fc.constant(undefined),
        ),
        fc.boolean(),
      )
      .map(([bad, inId]) => {
        const envelope: Record<string, unknown> = validEnvelope();
        if (bad === undefined) delete envelope[inId ? "id" : "type"];
        else envelope[inId ? "id" : "type"] = bad;
        return JSON.stringify(envelope);
      }),
  );
  await checkProperty("webhook: signed malformed JSON", bodies, 300, async (body) => {
    const res = await deliver(request, { body, signature: await signWebhookBody(body, secret) });
    expect(res.status, `body ${JSON.stringify(body.slice(0, 80))}`).toBe(400);
  });
  // Claims gzip but is not: verified over the raw bytes, then refused.
  await checkProperty("webhook: signed bad gzip", fc.oneof(hostileString, fc.constant(valid)), 50, async (text) => {
    const body = Buffer.concat([Buffer.from([0x1f, 0x8b]), Buffer.from(text, "utf8")]);
    const res = await deliver(request, { body, signature: await signWebhookBody(body, secret), headers: { "content-encoding": "gzip" } });
    expect(res.status).toBe(400);
  });
  expect(await countRows(TABLES)).toEqual(before);
  await expectHealthy(request);
});

test("oversized bodies and gzip bombs are refused with 413 and store nothing", async ({ request }) => {
  const before = await countRows(TABLES);
  const padded = (size: number) => {
    const base = JSON.stringify({ ...validEnvelope(), pad: "" });
    return base.replace('"pad":""', `"pad":"${"a".repeat(size - base.length)}"`);
  };
  const cases: Delivery[] = [];
  for (const size of [MAX_BYTES + 1, 2 * MAX_BYTES, 8 * MAX_BYTES]) {
    const body = padded(size);
    cases.push({ body }, { body, signature: await signWebhookBody(body, secret) });
  }
  // 1 KB on the wire, 16 MB once gunzipped; signed, so only the size can refuse it.
  const bomb = gzipSync(Buffer.from(padded(16 * MAX_BYTES)));
  cases.push({ body: bomb, signature: await signWebhookBody(bomb, secret), headers: { "content-encoding": "gzip" } });
  for (const c of cases) {
    const res = await deliver(request, c);
    expect(res.status, `${Buffer.byteLength(c.body)} bytes, signed: ${Boolean(c.signature)}`).toBe(413);
  }
  console.log(`[hostile] webhook: oversized: ${cases.length} cases passed`);
  expect(await countRows(TABLES)).toEqual(before);
  await expectHealthy(request);
});

test("unknown triggers with a valid signature are answered 200 and recorded as ignored", async ({ request }) => {
  const before = await countRows(TABLES);
  const unknownType = fc
    .oneof(hostileString, fc.constantFrom("booking.deleted", "grant.expired", "event.created", "BOOKING.CREATED", " booking.created", "booking.created ", "notetaker.*", "booking.created\u0000"))
    .filter((t) => t.trim().length > 0 && !HANDLED.includes(t));
  let sent = 0;
  await checkProperty("webhook: unknown triggers", fc.tuple(unknownType, fc.option(wrongType), fc.boolean()), 150, async ([type, data, gzip]) => {
    const envelope: Record<string, unknown> = { ...validEnvelope(), type, id: `hostile-${randomUUID()}` };
    if (data !== null) envelope.data = data;
    const text = JSON.stringify(envelope);
    const body = gzip ? gzipSync(Buffer.from(text)) : text;
    const res = await deliver(request, { body, signature: await signWebhookBody(body, secret), headers: gzip ? { "content-encoding": "gzip" } : {} });
    expect(res.status, `type ${JSON.stringify(type)}`).toBe(200);
    expect(res.json).toMatchObject({ received: true, ignored: true, duplicate: false });
    sent++;
  });
  const after = await countRows(TABLES);
  expect(after).toEqual({ ...before, webhook_events: before.webhook_events + sent });
  await expectHealthy(request);
});

test("replayed old notifications are answered 200 as duplicates and change nothing", async ({ request }) => {
  const original = validEnvelope({ id: `hostile-replay-${randomUUID()}` });
  const text = JSON.stringify(original);
  const first = await deliver(request, { body: text, signature: await signWebhookBody(text, secret) });
  expect(first.status).toBe(200);
  expect(first.json).toMatchObject({ duplicate: false, ignored: false });
  const before = await countRows(["webhook_events"]);
  // Nylas retries keep the id; a replay may also come days later, altered anywhere but the id.
  const replay = fc.oneof(
    fc.constant(original),
    fc.integer({ min: -5, max: 1_000_000 }).map((attempt) => ({ ...original, webhook_delivery_attempt: attempt })),
    fc.integer({ min: 0, max: 4_000_000_000 }).map((time) => ({ ...original, time })),
    // Same id and trigger (without a type it is no notification at all: 400), anything else altered.
    corrupt(original, ["time", "webhook_delivery_attempt", "source", "data", "data.object", "data.object.booking_id", "data.object.booking_info"]).map((v) => ({
      ...(v as object),
      id: original.id,
      type: original.type,
    })),
  );
  await checkProperty("webhook: replays", replay, 150, async (envelope) => {
    const body = JSON.stringify(envelope);
    const res = await deliver(request, { body, signature: await signWebhookBody(body, secret) });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ received: true, duplicate: true });
  });
  expect(await countRows(["webhook_events"])).toEqual(before);
  await expectHealthy(request);
});

test("known triggers with wrong types in every field are stored, never a 5xx", async ({ request }) => {
  // No seeded interviewer among the participants: whatever the job makes of a corrupted time, it
  // never lands on an interviewer's calendar week (the load specs count those).
  const base = validEnvelope();
  base.data.object.booking_info.participants = [
    { email: "hostile.host@example.org", name: "<script>hostile_xss(1)</script>" },
    { email: "hostile.guest@example.org", name: "Robert'); DROP TABLE candidates; --" },
  ];
  const paths = [
    "time",
    "webhook_delivery_attempt",
    "source",
    "specversion",
    "data",
    "data.application_id",
    "data.grant_id",
    "data.object",
    "data.object.booking_id",
    "data.object.configuration_id",
    "data.object.booking_ref",
    "data.object.object",
    "data.object.booking_info",
    "data.object.booking_info.start_time",
    "data.object.booking_info.end_time",
    "data.object.booking_info.participants",
    "data.object.booking_info.title",
    "data.object.booking_info.event_id",
    "data.object.booking_info.guest_timezone",
    "data.object.booking_info.additional_fields",
    "data.object.booking_info.location",
    "data.object.id",
    "data.object.state",
  ];
  const before = await countRows(TABLES);
  let sent = 0;
  await checkProperty("webhook: wrong types in known triggers", fc.tuple(fc.constantFrom(...HANDLED), corrupt(base, paths, 2)), 80, async ([type, envelope]) => {
    const body = JSON.stringify({ ...(envelope as object), type, id: `hostile-typed-${randomUUID()}` });
    const res = await deliver(request, { body, signature: await signWebhookBody(body, secret) });
    expectClientError(res.status, `${type} with wrong types`, [200]);
    expect(res.status).toBe(200);
    sent++;
  });
  expect((await countRows(["webhook_events"])).webhook_events).toBe(before.webhook_events + sent);
  await expectHealthy(request);
});
