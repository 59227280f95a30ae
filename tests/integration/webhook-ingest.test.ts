/**
 * POST /api/webhooks/nylas on real Postgres: the route handler called directly with Nylas-shaped,
 * signed notifications. Verifies the order of checks (size → signature → gzip → JSON/id/type →
 * one idempotent insert) and that nothing is written unless the answer is 200, and never 200
 * before the row is stored (an inbox outage is a 503 so Nylas retries).
 */
import { randomUUID } from "node:crypto";
import { gzipSync } from "node:zlib";
import { beforeEach, describe, expect, it } from "vitest";
import { GET, POST } from "@/app/api/webhooks/nylas/route";
import { createPrisma } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { AppError, toErrorResponse } from "@/lib/errors";
import { MAX_WEBHOOK_BYTES } from "@/lib/webhooks/envelope";
import { ingestNylasWebhook, postgresInbox, type InboxStore } from "@/lib/webhooks/ingest";
import { forgetWebhookSecrets } from "@/lib/webhooks/secrets";
import { signNylasBody } from "@/lib/webhooks/signature";
import { openTestDatabase } from "../support/database";
import { bookingEnvelope, redelivery, signedWebhookRequest, WEBHOOK_URL, type BookingEnvelope } from "../support/nylas-webhook-fixtures";
import { setupWebhookSecret } from "../support/seeded-sandbox";

const SECRET = "test-webhook-secret-9f3a1c7e5b2d4f6a8c0e";
const prisma = openTestDatabase({ resetBeforeEach: true });

const SARAH = { email: "sarah.kim@northwind.example", name: "Sarah Kim" };
const DANA = { email: "dana.chen@example.org", name: "Dana Chen" };
const NOW = () => Math.floor(Date.now() / 1000);

function created(overrides: Partial<Parameters<typeof bookingEnvelope>[0]> = {}): BookingEnvelope {
  const start = NOW() + 2 * 86_400;
  return bookingEnvelope({
    type: "booking.created",
    time: NOW(),
    bookingId: randomUUID(),
    configurationId: randomUUID(),
    start,
    end: start + 45 * 60,
    participants: [SARAH, DANA],
    ...overrides,
  });
}

const bodyOf = (value: unknown) => JSON.stringify(value);
const post = (request: Request) => POST(request);
const count = () => prisma.webhookEvent.count();

async function expectError(response: Response, status: number, code: string) {
  expect(response.status).toBe(status);
  const json = (await response.json()) as { error: { code: string; message: string } };
  expect(json.error.code).toBe(code);
  expect(json.error.message.length).toBeGreaterThan(0);
  return json.error.message;
}

/** What the route answers for an ingest with a given store (the route itself always uses Postgres). */
async function ingestVia(store: InboxStore, request: Request): Promise<Response> {
  try {
    const result = await ingestNylasWebhook(request, store);
    return Response.json({ received: true, duplicate: result.duplicate, ignored: result.ignored });
  } catch (error) {
    return toErrorResponse(error);
  }
}

setupWebhookSecret(SECRET);
beforeEach(() => {
  forgetWebhookSecrets();
});

describe("GET /api/webhooks/nylas (verification handshake)", () => {
  it("echoes the challenge as plain text", async () => {
    const res = GET(new Request(`${WEBHOOK_URL}?challenge=abc`));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/plain/);
    expect(await res.text()).toBe("abc");
  });

  it("echoes a random challenge exactly (no JSON, no quotes)", async () => {
    const challenge = randomUUID().replace(/-/g, "");
    const res = GET(new Request(`${WEBHOOK_URL}?challenge=${challenge}`));
    expect(res.status).toBe(200);
    expect(await res.text()).toBe(challenge);
  });

  it.each([WEBHOOK_URL, `${WEBHOOK_URL}?challenge=`, `${WEBHOOK_URL}?other=abc`])("answers 400 without a challenge (%s)", async (url) => {
    const res = GET(new Request(url));
    expect(res.status).toBe(400);
  });
});

describe("POST /api/webhooks/nylas: refusals write nothing", () => {
  it("401 without a signature", async () => {
    const res = await post(signedWebhookRequest(bodyOf(created())));
    await expectError(res, 401, "unauthorized");
    expect(await count()).toBe(0);
  });

  it.each([
    { name: "signed with another secret", signature: (raw: Buffer) => signNylasBody(raw, "some-other-secret-abcdef") },
    { name: "an empty header", signature: () => "" },
    { name: "garbage", signature: () => "definitely-not-hex" },
    { name: "the right length but wrong", signature: () => "0".repeat(64) },
    { name: "signed over other bytes (re-serialised JSON)", signature: (raw: Buffer) => signNylasBody(JSON.stringify(JSON.parse(raw.toString()), null, 2), SECRET) },
  ])("401 for a signature that is $name", async ({ signature }) => {
    const raw = Buffer.from(bodyOf(created()));
    const res = await post(signedWebhookRequest(raw, { signature: signature(raw) }));
    await expectError(res, 401, "unauthorized");
    expect(await count()).toBe(0);
  });

  it("401 for a correctly signed body that was re-serialised in transit", async () => {
    const original = bodyOf(created());
    const signature = signNylasBody(original, SECRET);
    const reserialised = JSON.stringify(JSON.parse(original), null, 1);
    const res = await post(signedWebhookRequest(reserialised, { signature }));
    await expectError(res, 401, "unauthorized");
    expect(await count()).toBe(0);
  });

  it("400 for a signed body that is not JSON", async () => {
    const res = await post(signedWebhookRequest("this is not json", { secret: SECRET }));
    expect(await expectError(res, 400, "bad_request")).toMatch(/JSON/);
    expect(await count()).toBe(0);
  });

  it.each([
    { name: "no id", body: { specversion: "1.0", type: "booking.created", source: "/nylas/passthru", time: 1725895310, data: {} }, message: /id/ },
    { name: "no type", body: { specversion: "1.0", id: "n-1", source: "/nylas/passthru", time: 1725895310, data: {} }, message: /type/ },
    { name: "an empty id", body: { id: "", type: "booking.created" }, message: /id/ },
    { name: "a JSON array", body: [{ id: "n-1", type: "booking.created" }], message: /object/ },
  ])("400 for signed JSON with $name", async ({ body, message }) => {
    const res = await post(signedWebhookRequest(bodyOf(body), { secret: SECRET }));
    expect(await expectError(res, 400, "bad_request")).toMatch(message);
    expect(await count()).toBe(0);
  });

  it("400 for an empty signed body", async () => {
    const res = await post(signedWebhookRequest("", { secret: SECRET }));
    await expectError(res, 400, "bad_request");
    expect(await count()).toBe(0);
  });

  describe("size cap (1,048,576 bytes)", () => {
    /** A valid, signed notification padded to `bytes` bytes. */
    function paddedBody(bytes: number): Buffer {
      const base = bodyOf({ ...created(), padding: "" });
      const body = base.replace('"padding":""', `"padding":"${"x".repeat(bytes - base.length)}"`);
      expect(Buffer.byteLength(body)).toBe(bytes);
      return Buffer.from(body);
    }

    it("413 for a real oversized body (one byte over), nothing written", async () => {
      const res = await post(signedWebhookRequest(paddedBody(MAX_WEBHOOK_BYTES + 1), { secret: SECRET }));
      await expectError(res, 413, "payload_too_large");
      expect(await count()).toBe(0);
    });

    it("413 for an oversized body whose content-length lies small", async () => {
      const raw = paddedBody(MAX_WEBHOOK_BYTES + 4096);
      const res = await post(signedWebhookRequest(raw, { secret: SECRET, headers: { "content-length": "512" } }));
      await expectError(res, 413, "payload_too_large");
      expect(await count()).toBe(0);
    });

    it("413 early for a declared content-length over the cap", async () => {
      const raw = Buffer.from(bodyOf(created()));
      const res = await post(signedWebhookRequest(raw, { secret: SECRET, headers: { "content-length": String(MAX_WEBHOOK_BYTES + 1) } }));
      await expectError(res, 413, "payload_too_large");
      expect(await count()).toBe(0);
    });

    it("413 for an endless chunked body (no content-length), reading little more than the cap", async () => {
      let pulled = 0;
      const chunk = new Uint8Array(64 * 1024).fill(0x20);
      const endless = new ReadableStream<Uint8Array>({
        pull(controller) {
          pulled += chunk.length;
          if (pulled > 256 * 1024 * 1024)
            controller.close(); // safety stop for a broken reader
          else controller.enqueue(chunk);
        },
      });
      const request = new Request(WEBHOOK_URL, {
        method: "POST",
        body: endless,
        duplex: "half",
        headers: { "content-type": "application/json", "x-nylas-signature": "a".repeat(64) },
      } as RequestInit);
      expect(request.headers.get("content-length")).toBeNull();
      await expectError(await post(request), 413, "payload_too_large");
      expect(pulled).toBeLessThan(MAX_WEBHOOK_BYTES + 1024 * 1024);
      expect(await count()).toBe(0);
    });

    it("reassembles a chunked body split inside multi-byte characters", async () => {
      const envelope = created({ participants: [SARAH, { email: "zoe@example.org", name: "Zoë Ångström 李雷" }] });
      const raw = Buffer.from(bodyOf(envelope));
      const signature = signNylasBody(raw, SECRET);
      const stream = new ReadableStream<Uint8Array>({
        start(controller) {
          for (let i = 0; i < raw.length; i += 7) controller.enqueue(new Uint8Array(raw.subarray(i, i + 7)));
          controller.close();
        },
      });
      const request = new Request(WEBHOOK_URL, {
        method: "POST",
        body: stream,
        duplex: "half",
        headers: { "content-type": "application/json", "x-nylas-signature": signature },
      } as RequestInit);
      expect((await post(request)).status).toBe(200);
      expect((await prisma.webhookEvent.findUniqueOrThrow({ where: { notificationId: envelope.id } })).payload).toEqual(envelope);
    });

    it("accepts a body of exactly the cap", async () => {
      const res = await post(signedWebhookRequest(paddedBody(MAX_WEBHOOK_BYTES), { secret: SECRET }));
      expect(res.status).toBe(200);
      expect(await count()).toBe(1);
    });
  });
});

describe("POST /api/webhooks/nylas: storing", () => {
  it("stores a signed booking.created as PENDING with the envelope's fields, answering 200", async () => {
    const envelope = created({ attempt: 1, participants: [SARAH, { email: "zoe@example.org", name: "Zoë Ångström 李雷" }], title: "Interview with Zoë Ångström 李雷" });
    const res = await post(signedWebhookRequest(bodyOf(envelope), { secret: SECRET }));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ received: true, duplicate: false, ignored: false });

    const rows = await prisma.webhookEvent.findMany();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      notificationId: envelope.id,
      type: "booking.created",
      source: "/nylas/passthru",
      bookingId: envelope.data.object.booking_id,
      eventTime: new Date(envelope.time * 1000),
      deliveryAttempt: 1,
      status: "PENDING",
      attempts: 0,
      lastError: null,
      processedAt: null,
    });
    // The payload is stored as received (unicode intact), for the job to validate.
    expect(rows[0]!.payload).toEqual(envelope);
  });

  it("accepts a signature in uppercase hex", async () => {
    const raw = Buffer.from(bodyOf(created()));
    const res = await post(signedWebhookRequest(raw, { signature: signNylasBody(raw, SECRET).toUpperCase() }));
    expect(res.status).toBe(200);
    expect(await count()).toBe(1);
  });

  it("stores a gzip delivery (signature over the COMPRESSED bytes), decompressed", async () => {
    const envelope = created();
    const compressed = gzipSync(bodyOf(envelope));
    const res = await post(signedWebhookRequest(compressed, { secret: SECRET, headers: { "content-encoding": "gzip" } }));
    expect(res.status).toBe(200);
    const row = await prisma.webhookEvent.findUniqueOrThrow({ where: { notificationId: envelope.id } });
    expect(row.payload).toEqual(envelope);
    expect(row.status).toBe("PENDING");
  });

  it("401 for a gzip delivery signed over the uncompressed JSON", async () => {
    const text = bodyOf(created());
    const res = await post(signedWebhookRequest(gzipSync(text), { signature: signNylasBody(text, SECRET), headers: { "content-encoding": "gzip" } }));
    await expectError(res, 401, "unauthorized");
    expect(await count()).toBe(0);
  });

  it("400 for signed bytes that claim gzip but are not", async () => {
    const res = await post(signedWebhookRequest(bodyOf(created()), { secret: SECRET, headers: { "content-encoding": "gzip" } }));
    expect(await expectError(res, 400, "bad_request")).toMatch(/gzip/);
    expect(await count()).toBe(0);
  });

  it("413 for a small gzip body that inflates past the cap (gzip bomb), nothing written", async () => {
    const huge = bodyOf({ ...created(), padding: "x".repeat(MAX_WEBHOOK_BYTES + 10) });
    const compressed = gzipSync(huge);
    expect(compressed.length).toBeLessThan(20_000);
    const res = await post(signedWebhookRequest(compressed, { secret: SECRET, headers: { "content-encoding": "gzip" } }));
    await expectError(res, 413, "payload_too_large");
    expect(await count()).toBe(0);
  });

  it("stores an unknown type (calendar.created) as IGNORED and answers 200", async () => {
    const body = {
      specversion: "1.0",
      type: "calendar.created",
      source: "/google/calendars",
      id: randomUUID(),
      time: NOW(),
      webhook_delivery_attempt: 1,
      data: { application_id: "app", object: { id: "cal-1", grant_id: "grant-1", object: "calendar", name: "Team" } },
    };
    const res = await post(signedWebhookRequest(bodyOf(body), { secret: SECRET }));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ received: true, duplicate: false, ignored: true });
    const row = await prisma.webhookEvent.findUniqueOrThrow({ where: { notificationId: body.id } });
    expect(row).toMatchObject({ type: "calendar.created", status: "IGNORED", bookingId: null });
  });

  it("stores the same notification once: both deliveries 200, the second a duplicate", async () => {
    const envelope = created();
    const raw = Buffer.from(bodyOf(envelope));
    const first = await post(signedWebhookRequest(raw, { secret: SECRET }));
    const second = await post(signedWebhookRequest(raw, { secret: SECRET }));
    expect(first.status).toBe(200);
    expect(second.status).toBe(200);
    expect(await first.json()).toMatchObject({ duplicate: false });
    expect(await second.json()).toMatchObject({ duplicate: true });
    expect(await count()).toBe(1);
  });

  it("treats a Nylas retry (same id, webhook_delivery_attempt 2, different bytes) as a duplicate", async () => {
    const envelope = created();
    expect((await post(signedWebhookRequest(bodyOf(envelope), { secret: SECRET }))).status).toBe(200);
    const res = await post(signedWebhookRequest(bodyOf(redelivery(envelope)), { secret: SECRET }));
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ duplicate: true });
    const rows = await prisma.webhookEvent.findMany();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.deliveryAttempt).toBe(1);
  });

  it("stores every one of 20 concurrent deliveries of one notification exactly once", async () => {
    const raw = Buffer.from(bodyOf(created()));
    const responses = await Promise.all(Array.from({ length: 20 }, () => post(signedWebhookRequest(raw, { secret: SECRET }))));
    expect(responses.map((r) => r.status)).toEqual(Array(20).fill(200));
    const bodies = (await Promise.all(responses.map((r) => r.json()))) as { duplicate: boolean }[];
    expect(bodies.filter((b) => !b.duplicate)).toHaveLength(1);
    expect(await count()).toBe(1);
  });
});

describe("POST /api/webhooks/nylas: signing secrets", () => {
  it("accepts a stored active subscription secret, also one stored after the cache was filled", async () => {
    // Fill the cache with the env secret only.
    expect((await post(signedWebhookRequest(bodyOf(created()), { secret: SECRET }))).status).toBe(200);
    const subscriptionSecret = "0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9";
    await prisma.webhookSubscription.create({ data: { apiUri: getEnv().nylasApiUri, webhookId: randomUUID(), webhookUrl: WEBHOOK_URL, secret: subscriptionSecret } });
    const res = await post(signedWebhookRequest(bodyOf(created()), { secret: subscriptionSecret }));
    expect(res.status).toBe(200);
    expect(await count()).toBe(2);
  });

  it("refuses a secret whose subscription is inactive", async () => {
    const inactiveSecret = "ffeeddccbbaa99887766554433221100ffeeddccbbaa99887766554433221100";
    await prisma.webhookSubscription.create({ data: { apiUri: getEnv().nylasApiUri, webhookId: randomUUID(), webhookUrl: WEBHOOK_URL, secret: inactiveSecret, active: false } });
    const res = await post(signedWebhookRequest(bodyOf(created()), { secret: inactiveSecret }));
    await expectError(res, 401, "unauthorized");
    expect(await count()).toBe(0);
  });
});

describe("POST /api/webhooks/nylas: inbox outage", () => {
  const failingStore: InboxStore = {
    insert: async () => {
      throw new Error("connect ECONNREFUSED 127.0.0.1:5432 (simulated: the inbox database is down)");
    },
  };

  it("answers 503 when the store throws, writes nothing, and the retried delivery is then stored once", async () => {
    const envelope = created();
    const outage = await ingestVia(failingStore, signedWebhookRequest(bodyOf(envelope), { secret: SECRET }));
    expect(await expectError(outage, 503, "service_unavailable")).not.toMatch(/ECONNREFUSED/); // no internals leaked
    expect(await count()).toBe(0);

    // The raw error is an AppError 503, not a generic 500.
    const thrown = await ingestNylasWebhook(signedWebhookRequest(bodyOf(envelope), { secret: SECRET }), failingStore).catch((e: unknown) => e);
    expect(thrown).toBeInstanceOf(AppError);
    expect((thrown as AppError).status).toBe(503);

    // Nylas retries (webhook_delivery_attempt 2): now the database is back.
    const retry = await post(signedWebhookRequest(bodyOf(redelivery(envelope)), { secret: SECRET }));
    expect(retry.status).toBe(200);
    expect(await retry.json()).toEqual({ received: true, duplicate: false, ignored: false });
    // …and a third attempt is a duplicate.
    expect(await (await post(signedWebhookRequest(bodyOf(redelivery(envelope, 3)), { secret: SECRET }))).json()).toMatchObject({ duplicate: true });
    const rows = await prisma.webhookEvent.findMany();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ notificationId: envelope.id, deliveryAttempt: 2, status: "PENDING" });
  });

  it("keeps the status and message of an AppError thrown by the store", async () => {
    const appErrorStore: InboxStore = {
      insert: async () => {
        throw new AppError(503, "service_unavailable", "Inbox is read-only.");
      },
    };
    const res = await ingestVia(appErrorStore, signedWebhookRequest(bodyOf(created()), { secret: SECRET }));
    expect(await expectError(res, 503, "service_unavailable")).toBe("Inbox is read-only.");
    expect(await count()).toBe(0);
  });

  it("answers 503 on a real database failure of the Postgres inbox (table unavailable), then stores the retry", async () => {
    const envelope = created();
    // A real failure of the real INSERT: the inbox table is briefly unavailable.
    await prisma.$executeRawUnsafe(`ALTER TABLE webhook_events RENAME TO webhook_events_offline`);
    let outage: Response;
    try {
      outage = await ingestVia(postgresInbox, signedWebhookRequest(bodyOf(envelope), { secret: SECRET }));
    } finally {
      await prisma.$executeRawUnsafe(`ALTER TABLE webhook_events_offline RENAME TO webhook_events`);
    }
    await expectError(outage, 503, "service_unavailable");
    expect(await count()).toBe(0);

    const retry = await post(signedWebhookRequest(bodyOf(redelivery(envelope)), { secret: SECRET }));
    expect(retry.status).toBe(200);
    expect(await count()).toBe(1);
  });

  it("answers 503 when the inbox database cannot be reached at all", async () => {
    const unreachable = createPrisma("postgresql://portal:portal@127.0.0.1:1/portal?connect_timeout=2");
    const store: InboxStore = {
      insert: async (envelope, text, status) => {
        const n = await unreachable.$executeRaw`INSERT INTO webhook_events (id, notification_id, type, payload, status, updated_at)
          VALUES (${randomUUID()}::uuid, ${envelope.id}, ${envelope.type}, ${text}::jsonb, ${status}::"WebhookEventStatus", now())
          ON CONFLICT (notification_id) DO NOTHING`;
        return n === 1;
      },
    };
    try {
      const res = await ingestVia(store, signedWebhookRequest(bodyOf(created()), { secret: SECRET }));
      await expectError(res, 503, "service_unavailable");
    } finally {
      await unreachable.$disconnect().catch(() => undefined);
    }
    expect(await count()).toBe(0);
  });
});
