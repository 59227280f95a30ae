/**
 * The sandbox's webhooks on real Postgres: subscription CRUD through the official `nylas` SDK,
 * signed CloudEvents deliveries of booking.* notifications to a local receiver, Nylas-style
 * retries, SKIP LOCKED dispatching, and the app's idempotent bootstrap (webhook subscription and
 * role configurations) against the sandbox.
 */
import { createHmac } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { NylasApiError, WebhookTriggers } from "nylas";
import { getEnv } from "@/lib/env";
import { getNylas } from "@/lib/nylas/client";
import { syncRoleConfigurations } from "@/lib/nylas/sync-configurations";
import { ensureWebhookSubscription, WEBHOOK_TRIGGERS } from "@/lib/nylas/webhook-subscription";
import { runDueJobs } from "@/lib/jobs";
import { webhookDeliveryJob, type DeliveryDeps } from "@/lib/sandbox/webhook-dispatcher";
import { SANDBOX_APPLICATION_ID } from "@/lib/sandbox/webhooks";
import { availability, createRecipeConfiguration, PRIYA, SARAH } from "../support/recipe";
import { startWebhookReceiver } from "../support/sandbox-server";
import { setupSeededSandbox } from "../support/seeded-sandbox";

const LENA = "lena.fischer@northwind.example";
const DANA = { name: "Dana Chen", email: "dana.chen@example.org" };
const BOOKING_TRIGGERS = [WebhookTriggers.BookingCreated, WebhookTriggers.BookingCancelled, WebhookTriggers.BookingRescheduled];

const { prisma, server } = setupSeededSandbox();
type Receiver = Awaited<ReturnType<typeof startWebhookReceiver>>;
const receivers: Receiver[] = [];

// ── helpers ──────────────

async function book(configurationId: string, slot: { startTime: number; endTime: number; emails: string[] }, guest = DANA, timezone?: string) {
  return getNylas().scheduler.bookings.create({
    queryParams: { configurationId },
    requestBody: { startTime: slot.startTime, endTime: slot.endTime, guest, participants: [{ email: slot.emails[0]! }], ...(timezone ? { timezone } : {}) },
  });
}

/** Books the first offered slot (max-fairness rotates the host each time). */
async function bookFirstSlot(configurationId: string, guest = DANA, timezone?: string) {
  const slot = (await availability(configurationId)).timeSlots[0]!;
  return { slot, booking: (await book(configurationId, slot, guest, timezone)).data };
}

async function receiver(statuses: number[] = []): Promise<Receiver> {
  const r = await startWebhookReceiver(statuses);
  receivers.push(r);
  return r;
}

/** A URL on which nothing listens: a receiver's port, closed again. */
async function deadUrl(): Promise<string> {
  const r = await startWebhookReceiver();
  await r.close();
  return r.url;
}

async function subscribe(url: string, triggerTypes: WebhookTriggers[] = BOOKING_TRIGGERS) {
  const created = (await getNylas().webhooks.create({ requestBody: { webhookUrl: url, triggerTypes, description: "test receiver" } })).data;
  return { id: created.id, secret: created.webhookSecret };
}

type Envelope = {
  specversion: string;
  type: string;
  source: string;
  id: string;
  time: number;
  webhook_delivery_attempt: number;
  data: { application_id: string; grant_id?: string; object: Record<string, any> };
};

/** The deliveries' jobs due now, run as a worker would; returns how many it took. */
const dispatchDueDeliveries = (opts: { deps?: DeliveryDeps; limit?: number } = {}) => runDueJobs(webhookDeliveryJob, opts);
const sign = (body: Buffer, secret: string) => createHmac("sha256", secret).update(body).digest("hex");
const envelope = (entry: { body: Buffer }) => JSON.parse(entry.body.toString("utf8")) as Envelope;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Sleeps until every pending delivery is due again (retry base is 50 ms in tests). */
async function waitUntilDue(): Promise<void> {
  const { _max } = await prisma.sandboxWebhookDelivery.aggregate({ where: { status: "pending" }, _max: { nextAttemptAt: true } });
  const due = _max.nextAttemptAt?.getTime() ?? 0;
  await sleep(Math.max(0, due - Date.now()) + 30);
}

/**
 * Runs one dispatch and returns the window it ran in: a retry it schedules is due `delay` after the
 * moment the attempt failed, so between `before + delay` and `after + delay` whatever the machine's
 * load (the failure's write may land well after that moment, so its updatedAt is no reference).
 */
async function dispatchTimed(): Promise<{ dispatched: number; before: number; after: number }> {
  const before = Date.now();
  const dispatched = await dispatchDueDeliveries();
  return { dispatched, before, after: Date.now() };
}

function expectRetryAfter(row: { nextAttemptAt: Date }, window: { before: number; after: number }, delayMs: number): void {
  expect(row.nextAttemptAt.getTime()).toBeGreaterThanOrEqual(window.before + delayMs);
  expect(row.nextAttemptAt.getTime()).toBeLessThanOrEqual(window.after + delayMs);
}

const deliveriesOf = (webhookId: string) => prisma.sandboxWebhookDelivery.findMany({ where: { webhookId }, orderBy: { createdAt: "asc" } });

const uuidHex = (uuid: string) => uuid.replace(/-/g, "");

async function rawWebhookPost(path: string, body: string, auth = true) {
  const res = await fetch(`${server.origin}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(auth ? { authorization: `Bearer ${getEnv().NYLAS_SANDBOX_API_KEY}` } : {}) },
    body,
  });
  return { status: res.status, body: (await res.json()) as Record<string, any> };
}

afterEach(async () => {
  await Promise.all(receivers.splice(0).map((r) => r.close()));
});

// ── subscription CRUD ───────────────────────────────────────────────────────────────────────────

describe("webhook subscriptions", () => {
  it("creates an active subscription and returns its secret only on create", async () => {
    const nylas = getNylas();
    const created = (await nylas.webhooks.create({ requestBody: { webhookUrl: "https://example.com/hook", triggerTypes: BOOKING_TRIGGERS, description: "Portal" } })).data;
    expect(created.webhookSecret).toMatch(/^[0-9a-f]{64}$/);
    expect(created).toMatchObject({ status: "active", webhookUrl: "https://example.com/hook", triggerTypes: BOOKING_TRIGGERS, description: "Portal" });
    expect(created.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);

    const listed = (await nylas.webhooks.list()).data;
    expect(listed.map((w) => w.id)).toEqual([created.id]);
    expect("webhookSecret" in listed[0]!).toBe(false);
    const found = (await nylas.webhooks.find({ webhookId: created.id })).data;
    expect(found).toMatchObject({ id: created.id, status: "active", triggerTypes: BOOKING_TRIGGERS });
    expect("webhookSecret" in found).toBe(false);

    // Nor on the wire, under any name.
    const auth = { authorization: `Bearer ${getEnv().NYLAS_SANDBOX_API_KEY}` };
    const rawList = await (await fetch(`${server.origin}/v3/webhooks`, { headers: auth })).text();
    const rawFind = await (await fetch(`${server.origin}/v3/webhooks/${created.id}`, { headers: auth })).text();
    for (const text of [rawList, rawFind]) {
      expect(text).not.toContain(created.webhookSecret);
      expect(text).not.toContain("webhook_secret");
    }
  });

  it("updates the trigger types", async () => {
    const nylas = getNylas();
    const { id } = await subscribe("https://example.com/hook");
    const updated = (await nylas.webhooks.update({ webhookId: id, requestBody: { triggerTypes: [WebhookTriggers.NotetakerMedia] } })).data;
    expect(updated.triggerTypes).toEqual(["notetaker.media"]);
    expect("webhookSecret" in updated).toBe(false);
    expect((await nylas.webhooks.find({ webhookId: id })).data.triggerTypes).toEqual(["notetaker.media"]);
    expect((await prisma.sandboxWebhook.findUniqueOrThrow({ where: { id } })).triggerTypes).toEqual(["notetaker.media"]);
  });

  it("rotates the secret: a new one is returned and used from then on", async () => {
    const { id, secret } = await subscribe("https://example.com/hook");
    const rotated = (await getNylas().webhooks.rotateSecret({ webhookId: id })).data;
    expect(rotated.id).toBe(id);
    expect(rotated.webhookSecret).toMatch(/^[0-9a-f]{64}$/);
    expect(rotated.webhookSecret).not.toBe(secret);
    expect((await prisma.sandboxWebhook.findUniqueOrThrow({ where: { id } })).secret).toBe(rotated.webhookSecret);
  });

  it("destroys a subscription: find then answers 404", async () => {
    const nylas = getNylas();
    const { id } = await subscribe("https://example.com/hook");
    const destroyed = await nylas.webhooks.destroy({ webhookId: id });
    expect(destroyed.data).toEqual({ status: "success" });
    const err = await nylas.webhooks.find({ webhookId: id }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NylasApiError);
    expect((err as NylasApiError).statusCode).toBe(404);
    expect((err as NylasApiError).type).toBe("not_found_error");
    expect(await prisma.sandboxWebhook.count()).toBe(0);
  });

  it("accepts POST /v3/webhooks/ with a trailing slash", async () => {
    const res = await rawWebhookPost("/v3/webhooks/", JSON.stringify({ trigger_types: ["booking.created"], webhook_url: "https://example.com/hook" }));
    expect(res.status).toBe(200);
    expect(typeof res.body.request_id).toBe("string");
    expect(res.body.data).toMatchObject({ status: "active", trigger_types: ["booking.created"], webhook_url: "https://example.com/hook", compressed_delivery: false });
    expect(res.body.data.webhook_secret).toMatch(/^[0-9a-f]{64}$/);
    expect(await prisma.sandboxWebhook.count()).toBe(1);
  });

  it.each([
    { name: "an unknown trigger type", body: JSON.stringify({ trigger_types: ["booking.exploded"], webhook_url: "https://example.com/hook" }) },
    { name: "no webhook_url", body: JSON.stringify({ trigger_types: ["booking.created"] }) },
    { name: "a webhook_url that is not a URL", body: JSON.stringify({ trigger_types: ["booking.created"], webhook_url: "example dot com" }) },
    { name: "no trigger types", body: JSON.stringify({ trigger_types: [], webhook_url: "https://example.com/hook" }) },
    { name: "a JSON array", body: JSON.stringify([{ trigger_types: ["booking.created"], webhook_url: "https://example.com/hook" }]) },
    { name: "malformed JSON", body: '{"trigger_types": [' },
  ])("rejects $name with 400 invalid_request_error and stores nothing", async ({ body }) => {
    const res = await rawWebhookPost("/v3/webhooks", body);
    expect(res.status).toBe(400);
    expect(res.body.error.type).toBe("invalid_request_error");
    expect(typeof res.body.error.message).toBe("string");
    expect(await prisma.sandboxWebhook.count()).toBe(0);
  });

  it("rejects an invalid trigger through the SDK as a NylasApiError 400", async () => {
    const err = await getNylas()
      .webhooks.create({ requestBody: { webhookUrl: "https://example.com/hook", triggerTypes: ["booking.exploded" as WebhookTriggers] } })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NylasApiError);
    expect((err as NylasApiError).statusCode).toBe(400);
    expect(await prisma.sandboxWebhook.count()).toBe(0);
  });

  it("refuses to create a subscription without the API key", async () => {
    const res = await rawWebhookPost("/v3/webhooks", JSON.stringify({ trigger_types: ["booking.created"], webhook_url: "https://example.com/hook" }), false);
    expect(res.status).toBe(401);
    expect(res.body.error.type).toBe("unauthorized");
    expect(await prisma.sandboxWebhook.count()).toBe(0);
  });
});

// ── deliveries ──────────────────────────────────────────────────────────────────────────────────

describe("booking notifications", () => {
  it("delivers booking.created once, signed over the exact body, in the CloudEvents envelope", async () => {
    const r = await receiver();
    const { id: webhookId, secret } = await subscribe(r.url);
    const configurationId = await createRecipeConfiguration();
    const { slot, booking } = await bookFirstSlot(configurationId, DANA, "Europe/Paris");
    expect(r.received).toHaveLength(0); // queued, not sent, until a dispatcher runs

    expect(await dispatchDueDeliveries()).toBe(1);
    expect(r.received).toHaveLength(1);
    const [entry] = r.received;
    expect(entry!.headers["content-type"]).toBe("application/json");
    expect(entry!.headers["x-nylas-signature"]).toBe(sign(entry!.body, secret));

    const body = envelope(entry!);
    const grant = await prisma.sandboxGrant.findUniqueOrThrow({ where: { email: SARAH } });
    const [row] = await deliveriesOf(webhookId);
    expect(body).toMatchObject({
      specversion: "1.0",
      type: "booking.created",
      source: "/nylas/passthru",
      id: row!.notificationId,
      webhook_delivery_attempt: 1,
      data: { application_id: SANDBOX_APPLICATION_ID, grant_id: grant.id },
    });
    expect(Number.isInteger(body.time)).toBe(true);
    expect(Math.abs(body.time - Date.now() / 1000)).toBeLessThan(120);

    const object = body.data.object;
    expect(object).toMatchObject({ booking_id: booking.bookingId, configuration_id: configurationId, object: "booking" });
    const info = object.booking_info;
    expect(info).toMatchObject({
      event_id: booking.eventId,
      start_time: slot.startTime,
      end_time: slot.endTime,
      title: "Interview with Dana Chen",
      duration: 45,
      guest_timezone: "Europe/Paris",
    });
    expect(info.participants).toHaveLength(2);
    expect(info.participants).toEqual(
      expect.arrayContaining([
        { email: SARAH, name: "Sarah Kim" },
        { email: DANA.email, name: DANA.name },
      ]),
    );
    expect(info.location.startsWith(`${getEnv().appOrigin}/v3/sandbox/meet/google-meet/`)).toBe(true);
    const event = await prisma.sandboxEvent.findUniqueOrThrow({ where: { id: booking.eventId } });
    expect(info.location).toBe(event.location);
    expect("cancellation_reason" in info).toBe(false);
    expect("old_start_time" in info).toBe(false);

    // booking_ref = base64url(configuration uuid ‖ booking uuid ‖ salt)
    const ref = Buffer.from(object.booking_ref as string, "base64url");
    expect(ref.length).toBeGreaterThanOrEqual(32);
    expect(ref.subarray(0, 16).toString("hex")).toBe(uuidHex(configurationId));
    expect(ref.subarray(16, 32).toString("hex")).toBe(uuidHex(booking.bookingId));

    expect(row).toMatchObject({ status: "delivered", attempts: 1, lastStatusCode: 200, lastError: null, triggerType: "booking.created" });
    expect(row!.deliveredAt).toBeInstanceOf(Date);
    // Nothing left to send.
    expect(await dispatchDueDeliveries()).toBe(0);
    expect(r.received).toHaveLength(1);
  });

  it("sends booking.cancelled with the cancellation reason and no booking_ref", async () => {
    const r = await receiver();
    const { secret } = await subscribe(r.url);
    const configurationId = await createRecipeConfiguration();
    const { booking } = await bookFirstSlot(configurationId);
    await getNylas().scheduler.bookings.destroy({ bookingId: booking.bookingId, queryParams: { configurationId }, requestBody: { cancellationReason: "Found another job" } });

    expect(await dispatchDueDeliveries()).toBe(2);
    const bodies = r.received.map(envelope);
    expect(bodies.map((b) => b.type).sort()).toEqual(["booking.cancelled", "booking.created"]);
    for (const entry of r.received) expect(entry.headers["x-nylas-signature"]).toBe(sign(entry.body, secret));
    const cancelled = bodies.find((b) => b.type === "booking.cancelled")!;
    expect(cancelled.data.object).toMatchObject({ booking_id: booking.bookingId, configuration_id: configurationId, object: "booking" });
    expect("booking_ref" in cancelled.data.object).toBe(false);
    expect(cancelled.data.object.booking_info).toMatchObject({ event_id: booking.eventId, cancellation_reason: "Found another job" });
    expect(cancelled.id).not.toBe(bodies.find((b) => b.type === "booking.created")!.id);
  });

  it("sends booking.rescheduled with the old and new times", async () => {
    const r = await receiver();
    await subscribe(r.url);
    const configurationId = await createRecipeConfiguration();
    const { slot, booking } = await bookFirstSlot(configurationId);
    const options = (
      await getNylas().scheduler.availability.get({
        queryParams: { startTime: slot.startTime, endTime: slot.startTime + 14 * 86400, configurationId, bookingId: booking.bookingId },
      })
    ).data;
    const target = options.timeSlots.find((s) => s.startTime >= slot.startTime + 86400)!;
    await getNylas().scheduler.bookings.reschedule({ bookingId: booking.bookingId, queryParams: { configurationId }, requestBody: { startTime: target.startTime, endTime: target.endTime } });

    expect(await dispatchDueDeliveries()).toBe(2);
    const rescheduled = r.received.map(envelope).find((b) => b.type === "booking.rescheduled")!;
    expect(rescheduled.data.object).toMatchObject({ booking_id: booking.bookingId, configuration_id: configurationId });
    expect(typeof rescheduled.data.object.booking_ref).toBe("string");
    expect(rescheduled.data.object.booking_info).toMatchObject({
      event_id: booking.eventId,
      start_time: target.startTime,
      end_time: target.endTime,
      old_start_time: slot.startTime,
      old_end_time: slot.endTime,
    });
  });

  it("sends only the triggers a subscription asked for", async () => {
    const createdOnly = await receiver();
    const cancelledOnly = await receiver();
    await subscribe(createdOnly.url, [WebhookTriggers.BookingCreated]);
    await subscribe(cancelledOnly.url, [WebhookTriggers.BookingCancelled]);
    const configurationId = await createRecipeConfiguration();
    const { booking } = await bookFirstSlot(configurationId);
    await getNylas().scheduler.bookings.destroy({ bookingId: booking.bookingId, queryParams: { configurationId }, requestBody: { cancellationReason: "" } });
    await dispatchDueDeliveries();
    expect(createdOnly.received.map((e) => envelope(e).type)).toEqual(["booking.created"]);
    expect(cancelledOnly.received.map((e) => envelope(e).type)).toEqual(["booking.cancelled"]);
    expect(envelope(cancelledOnly.received[0]!).data.object.booking_info.cancellation_reason).toBe("");
  });

  it("enqueues nothing for a paused subscription", async () => {
    const active = await receiver();
    const paused = await receiver();
    const { id: activeId } = await subscribe(active.url);
    const { id: pausedId } = await subscribe(paused.url);
    const updated = (await getNylas().webhooks.update({ webhookId: pausedId, requestBody: { status: "pause" } as never })).data;
    expect(updated.status).toBe("pause");
    expect((await getNylas().webhooks.find({ webhookId: pausedId })).data.status).toBe("pause");

    const configurationId = await createRecipeConfiguration();
    await bookFirstSlot(configurationId);
    expect(await deliveriesOf(pausedId)).toHaveLength(0);
    expect(await deliveriesOf(activeId)).toHaveLength(1);
    expect(await dispatchDueDeliveries()).toBe(1);
    expect(active.received).toHaveLength(1);
    expect(paused.received).toHaveLength(0);
  });
});

describe("delivery retries", () => {
  it("retries a 503 and delivers the second attempt, marked webhook_delivery_attempt 2", async () => {
    const r = await receiver([503, 200]);
    const { id: webhookId, secret } = await subscribe(r.url);
    const configurationId = await createRecipeConfiguration();
    await bookFirstSlot(configurationId);

    const attempt1 = await dispatchTimed();
    expect(attempt1.dispatched).toBe(1);
    let [row] = await deliveriesOf(webhookId);
    expect(row).toMatchObject({ status: "pending", attempts: 1, lastStatusCode: 503, lastError: "HTTP 503" });
    // Next attempt after the retry base (SANDBOX_WEBHOOK_RETRY_BASE_MS=50 in tests).
    expectRetryAfter(row!, attempt1, 50);

    await waitUntilDue();
    expect(await dispatchDueDeliveries()).toBe(1);
    [row] = await deliveriesOf(webhookId);
    expect(row).toMatchObject({ status: "delivered", attempts: 2, lastStatusCode: 200, lastError: null });

    expect(r.received).toHaveLength(2);
    const [first, second] = r.received.map(envelope);
    expect(first!.webhook_delivery_attempt).toBe(1);
    expect(second!.webhook_delivery_attempt).toBe(2);
    expect(second!.id).toBe(first!.id); // same notification: receivers dedupe on id
    expect(second!.time).toBe(first!.time);
    expect(r.received[1]!.headers["x-nylas-signature"]).toBe(sign(r.received[1]!.body, secret));
  });

  it("fails after three attempts that all answer 503", async () => {
    const r = await receiver([503, 503, 503, 200]);
    const { id: webhookId } = await subscribe(r.url);
    const configurationId = await createRecipeConfiguration();
    await bookFirstSlot(configurationId);

    // Backoff base × 5^(n-1): 50 ms, then 250 ms, then no more.
    const expectedDelays = [50, 250];
    for (let attempt = 1; attempt <= 3; attempt++) {
      await waitUntilDue();
      const window = await dispatchTimed();
      expect(window.dispatched).toBe(1);
      const [row] = await deliveriesOf(webhookId);
      if (attempt < 3) {
        expect(row!.status).toBe("pending");
        expectRetryAfter(row!, window, expectedDelays[attempt - 1]!);
      }
    }
    const [row] = await deliveriesOf(webhookId);
    expect(row).toMatchObject({ status: "failed", attempts: 3, lastStatusCode: 503, lastError: "HTTP 503 after 3 attempts" });
    expect(r.received.map((e) => envelope(e).webhook_delivery_attempt)).toEqual([1, 2, 3]);
    // A failed delivery is never picked up again.
    await sleep(100);
    expect(await dispatchDueDeliveries()).toBe(0);
    expect(r.received).toHaveLength(3);
  });

  it("fails a 400 at once, without retrying", async () => {
    const r = await receiver([400]);
    const { id: webhookId } = await subscribe(r.url);
    const configurationId = await createRecipeConfiguration();
    await bookFirstSlot(configurationId);

    expect(await dispatchDueDeliveries()).toBe(1);
    const [row] = await deliveriesOf(webhookId);
    expect(row).toMatchObject({ status: "failed", attempts: 1, lastStatusCode: 400, lastError: "HTTP 400 (not retried)" });
    await sleep(100);
    expect(await dispatchDueDeliveries()).toBe(0);
    expect(r.received).toHaveLength(1);
  });

  it("retries when the receiver is down (network error), up to three attempts", async () => {
    const { id: webhookId } = await subscribe(await deadUrl());
    const configurationId = await createRecipeConfiguration();
    await bookFirstSlot(configurationId);

    expect(await dispatchDueDeliveries()).toBe(1);
    let [row] = await deliveriesOf(webhookId);
    expect(row).toMatchObject({ status: "pending", attempts: 1, lastStatusCode: null });
    expect(row!.lastError).toBeTruthy();

    for (let attempt = 2; attempt <= 3; attempt++) {
      await waitUntilDue();
      expect(await dispatchDueDeliveries()).toBe(1);
    }
    [row] = await deliveriesOf(webhookId);
    expect(row).toMatchObject({ status: "failed", attempts: 3, lastStatusCode: null });
    expect(row!.lastError).toMatch(/after 3 attempts$/);
  });

  it("keeps retrying a network error until the receiver comes back, then delivers", async () => {
    const { id: webhookId } = await subscribe(await deadUrl());
    const configurationId = await createRecipeConfiguration();
    await bookFirstSlot(configurationId);
    expect(await dispatchDueDeliveries()).toBe(1);

    // The receiver comes back (on a new port): point the subscription at it.
    const r = await receiver();
    await getNylas().webhooks.update({ webhookId, requestBody: { webhookUrl: r.url } });
    await waitUntilDue();
    expect(await dispatchDueDeliveries()).toBe(1);
    expect(r.received.map((e) => envelope(e).webhook_delivery_attempt)).toEqual([2]);
    expect((await deliveriesOf(webhookId))[0]).toMatchObject({ status: "delivered", attempts: 2, lastStatusCode: 200 });
  });
});

describe("concurrent dispatchers", () => {
  it("never deliver the same row twice (each delivery is one job, claimed once)", async () => {
    const a = await receiver();
    const b = await receiver();
    const { id: webhookA } = await subscribe(a.url, [WebhookTriggers.BookingCreated]);
    const { id: webhookB } = await subscribe(b.url, [WebhookTriggers.BookingCreated]);
    const configurationId = await createRecipeConfiguration();
    for (let i = 0; i < 5; i++) await bookFirstSlot(configurationId, { name: `Candidate ${i}`, email: `c${i}@example.org` });
    expect(await prisma.sandboxWebhookDelivery.count({ where: { status: "pending" } })).toBe(10);

    // Two dispatchers drain the outbox in small batches, in parallel.
    const drain = async () => {
      let sent = 0;
      for (let n = await dispatchDueDeliveries({ limit: 2 }); n > 0; n = await dispatchDueDeliveries({ limit: 2 })) sent += n;
      return sent;
    };
    const [first, second] = await Promise.all([drain(), drain()]);
    expect(first + second).toBe(10);

    const notificationIds = new Set((await prisma.sandboxWebhookDelivery.findMany({ select: { notificationId: true } })).map((d) => d.notificationId));
    expect(notificationIds.size).toBe(5);
    for (const r of [a, b]) {
      const ids = r.received.map((e) => envelope(e).id);
      expect(ids).toHaveLength(5);
      expect(new Set(ids)).toEqual(notificationIds);
      expect(r.received.every((e) => envelope(e).webhook_delivery_attempt === 1)).toBe(true);
    }
    const rows = await prisma.sandboxWebhookDelivery.findMany({ where: { webhookId: { in: [webhookA, webhookB] } } });
    expect(rows.map((d) => [d.status, d.attempts])).toEqual(Array.from({ length: 10 }, () => ["delivered", 1]));
  });
});

// ── the app's bootstrap against the sandbox ───────────────────────────────────────────────────────

describe("ensureWebhookSubscription", () => {
  const appWebhookUrl = () => `${server.origin}/api/webhooks/nylas`;

  it("creates one subscription for APP_URL/api/webhooks/nylas and stores its secret; a second call is unchanged", async () => {
    const first = await ensureWebhookSubscription();
    expect(first).toMatchObject({ action: "created", url: appWebhookUrl() });
    const second = await ensureWebhookSubscription();
    expect(second).toEqual({ webhookId: first.webhookId, action: "unchanged", url: appWebhookUrl() });

    const sandboxWebhooks = await prisma.sandboxWebhook.findMany();
    expect(sandboxWebhooks).toHaveLength(1);
    expect(sandboxWebhooks[0]).toMatchObject({ id: first.webhookId, webhookUrl: appWebhookUrl(), status: "active" });
    expect([...sandboxWebhooks[0]!.triggerTypes].sort()).toEqual([...WEBHOOK_TRIGGERS].sort());

    const stored = await prisma.webhookSubscription.findMany();
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ apiUri: server.origin, webhookId: first.webhookId, webhookUrl: appWebhookUrl(), secret: sandboxWebhooks[0]!.secret, active: true });
    expect(stored[0]!.secret).toMatch(/^[0-9a-f]{64}$/);
  });

  it("rotates and stores a fresh secret when the app lost its stored one, without a second subscription", async () => {
    const first = await ensureWebhookSubscription();
    const oldSecret = (await prisma.webhookSubscription.findFirstOrThrow()).secret;
    await prisma.webhookSubscription.deleteMany();

    const again = await ensureWebhookSubscription();
    expect(again).toEqual({ webhookId: first.webhookId, action: "updated", url: appWebhookUrl() });
    const sandboxWebhooks = await prisma.sandboxWebhook.findMany();
    expect(sandboxWebhooks).toHaveLength(1);
    const stored = await prisma.webhookSubscription.findMany();
    expect(stored).toHaveLength(1);
    expect(stored[0]!.secret).not.toBe(oldSecret);
    expect(stored[0]!.secret).toBe(sandboxWebhooks[0]!.secret);
    expect((await ensureWebhookSubscription()).action).toBe("unchanged");
  });

  it("adds missing trigger types to an existing subscription", async () => {
    const first = await ensureWebhookSubscription();
    await getNylas().webhooks.update({ webhookId: first.webhookId, requestBody: { triggerTypes: [WebhookTriggers.BookingCreated] } });
    expect((await ensureWebhookSubscription()).action).toBe("updated");
    const [webhook] = await prisma.sandboxWebhook.findMany();
    expect([...webhook!.triggerTypes].sort()).toEqual([...WEBHOOK_TRIGGERS].sort());
  });

  it("subscribes the app to booking notifications the sandbox then signs with the stored secret", async () => {
    await ensureWebhookSubscription();
    const [row] = await prisma.webhookSubscription.findMany();
    const configurationId = await createRecipeConfiguration();
    await bookFirstSlot(configurationId);
    // The recipe's configuration has the Notetaker on, so the booking also emits notetaker.created.
    const deliveries = await prisma.sandboxWebhookDelivery.findMany({ orderBy: { triggerType: "asc" } });
    expect(deliveries.map((d) => d.triggerType)).toEqual(["booking.created", "notetaker.created"]);
    expect(deliveries[0]).toMatchObject({ webhookId: row!.webhookId, status: "pending" });

    // Capture the request instead of posting to the (absent) Next.js route.
    const sent: { url: string; headers: Headers; body: Buffer }[] = [];
    const fetchImpl = (async (input: string | URL | Request, init?: RequestInit) => {
      sent.push({ url: String(input), headers: new Headers(init?.headers), body: Buffer.from(init?.body as Uint8Array) });
      return new Response(null, { status: 204 });
    }) as typeof fetch;
    expect(await dispatchDueDeliveries({ deps: { fetchImpl } })).toBe(2);
    expect(sent).toHaveLength(2);
    for (const request of sent) {
      expect(request.url).toBe(appWebhookUrl());
      expect(request.headers.get("x-nylas-signature")).toBe(sign(request.body, row!.secret));
    }
    expect(sent.map((request) => envelope(request).type).sort()).toEqual(["booking.created", "notetaker.created"]);
    expect((await prisma.sandboxWebhookDelivery.findMany()).map((d) => d.status)).toEqual(["delivered", "delivered"]);
  });
});

describe("syncRoleConfigurations", () => {
  const SLUGS = ["backend-engineer", "frontend-engineer", "product-designer", "senior-product-manager"];

  it("creates one configuration per role, then updates the same ones (idempotent)", async () => {
    const first = await syncRoleConfigurations();
    expect(first.map((o) => [o.roleSlug, o.action])).toEqual(SLUGS.map((s) => [s, "created"]));
    const ids = first.map((o) => o.configurationId!);
    expect(new Set(ids).size).toBe(4);
    expect(await prisma.sandboxConfiguration.count()).toBe(4);

    const stored = await prisma.roleConfiguration.findMany({ include: { role: { select: { slug: true } } } });
    expect(stored).toHaveLength(4);
    for (const row of stored) {
      expect(row.apiUri).toBe(server.origin);
      expect(row.configurationId).toBe(ids[SLUGS.indexOf(row.role.slug)]);
      expect(row.lastSyncError).toBeNull();
    }

    // What the sandbox stored is the panel's configuration.
    const designer = await prisma.sandboxConfiguration.findUniqueOrThrow({ where: { id: ids[2]! } });
    const data = designer.data as Record<string, any>;
    expect(data.participants.map((p: { email: string }) => p.email)).toEqual([PRIYA, LENA]);
    expect(data.availability.availability_rules.availability_method).toBe("max-availability");
    expect(data.event_booking.title).toBe("Interview with ${invitee}");

    const second = await syncRoleConfigurations();
    expect(second.map((o) => [o.roleSlug, o.action, o.configurationId])).toEqual(SLUGS.map((s, i) => [s, "updated", ids[i]]));
    expect(await prisma.sandboxConfiguration.count()).toBe(4);
    expect(await prisma.roleConfiguration.count()).toBe(4);
  });

  it("creates a new configuration when the sandbox's was deleted", async () => {
    const first = await syncRoleConfigurations();
    const backend = await prisma.roleConfiguration.findFirstOrThrow({ where: { role: { slug: "backend-engineer" } } });
    await getNylas().scheduler.configurations.destroy({ identifier: backend.grantId!, configurationId: backend.configurationId! });
    expect(await prisma.sandboxConfiguration.count()).toBe(3);

    const again = await syncRoleConfigurations();
    expect(again.map((o) => [o.roleSlug, o.action])).toEqual([
      ["backend-engineer", "created"],
      ["frontend-engineer", "updated"],
      ["product-designer", "updated"],
      ["senior-product-manager", "updated"],
    ]);
    const newId = again[0]!.configurationId!;
    expect(newId).not.toBe(first[0]!.configurationId);
    expect(again.slice(1).map((o) => o.configurationId)).toEqual(first.slice(1).map((o) => o.configurationId));
    expect(await prisma.sandboxConfiguration.count()).toBe(4);
    expect((await prisma.roleConfiguration.findFirstOrThrow({ where: { role: { slug: "backend-engineer" } } })).configurationId).toBe(newId);
  });
});
