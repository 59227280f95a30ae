/**
 * The admin "Webhook deliveries" page's data on real Postgres: filtering, counts and pagination of
 * the inbox (lib/webhooks/queries.ts), payloads capped in the query, and the lib call behind the
 * "Retry" action (retryWebhookEvent) bringing a dead-lettered row back to the queue.
 */
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { WebhookEventStatus } from "@/lib/generated/prisma/enums";
import { getWebhookEventPayload, listWebhookEvents } from "@/lib/webhooks/queries";
import { retryWebhookEvent } from "@/lib/webhooks/jobs";
import { openTestDatabase } from "../support/database";

const prisma = openTestDatabase({ resetBeforeEach: true });
const BASE = Date.parse("2026-03-02T09:00:00.000Z");

type Seed = { type: string; status: WebhookEventStatus; minutesAgo: number; attempts?: number; lastError?: string; payload?: unknown };

/** Inserts inbox rows; notification ids are `n<index>`, received `minutesAgo` before BASE. */
async function seed(rows: Seed[]): Promise<string[]> {
  const ids = rows.map(() => randomUUID());
  await prisma.webhookEvent.createMany({
    data: rows.map((row, index) => ({
      id: ids[index]!,
      notificationId: `n${index}`,
      type: row.type,
      status: row.status,
      attempts: row.attempts ?? 1,
      lastError: row.lastError ?? null,
      payload: (row.payload ?? { id: `n${index}`, type: row.type, data: { object: {} } }) as object,
      receivedAt: new Date(BASE - row.minutesAgo * 60_000),
      nextAttemptAt: new Date(BASE - row.minutesAgo * 60_000),
    })),
  });
  return ids;
}

describe("listWebhookEvents", () => {
  it("returns an empty first page with zero counts when nothing was received", async () => {
    const list = await listWebhookEvents({ page: 3 });
    expect(list).toMatchObject({ rows: [], total: 0, page: 1, pageCount: 1, types: [] });
    expect(list.counts).toEqual({ all: 0, PENDING: 0, PROCESSED: 0, IGNORED: 0, DEAD: 0 });
  });

  it("lists newest first with the columns the page shows, and counts every status", async () => {
    await seed([
      { type: "booking.created", status: "PROCESSED", minutesAgo: 30 },
      { type: "booking.cancelled", status: "DEAD", minutesAgo: 10, attempts: 6, lastError: "boom" },
      { type: "notetaker.media", status: "IGNORED", minutesAgo: 20 },
      { type: "booking.created", status: "PENDING", minutesAgo: 5, attempts: 0 },
    ]);
    const list = await listWebhookEvents({ page: 1 });
    expect(list.rows.map((row) => row.notificationId)).toEqual(["n3", "n1", "n2", "n0"]);
    expect(list.counts).toEqual({ all: 4, PENDING: 1, PROCESSED: 1, IGNORED: 1, DEAD: 1 });
    expect(list.types).toEqual(["booking.cancelled", "booking.created", "notetaker.media"]);
    expect(list.rows[1]).toEqual({
      id: expect.any(String),
      notificationId: "n1",
      type: "booking.cancelled",
      status: "DEAD",
      attempts: 6,
      lastError: "boom",
      receivedAt: new Date(BASE - 10 * 60_000),
      processedAt: null,
      nextAttemptAt: new Date(BASE - 10 * 60_000),
      bookingId: null,
    });
    expect(list.rows[0]).not.toHaveProperty("payload");
  });

  it("filters by status and by type; the counts follow the type filter only", async () => {
    await seed([
      { type: "booking.created", status: "PROCESSED", minutesAgo: 4 },
      { type: "booking.created", status: "DEAD", minutesAgo: 3 },
      { type: "booking.cancelled", status: "DEAD", minutesAgo: 2 },
      { type: "notetaker.media", status: "IGNORED", minutesAgo: 1 },
    ]);

    const dead = await listWebhookEvents({ status: "DEAD", page: 1 });
    expect(dead.rows.map((row) => row.notificationId)).toEqual(["n2", "n1"]);
    expect(dead.total).toBe(2);
    expect(dead.counts.all).toBe(4);

    const created = await listWebhookEvents({ type: "booking.created", page: 1 });
    expect(created.rows.map((row) => row.notificationId)).toEqual(["n1", "n0"]);
    expect(created.counts).toEqual({ all: 2, PENDING: 0, PROCESSED: 1, IGNORED: 0, DEAD: 1 });
    // The type list is never narrowed by the filter, so another type can still be chosen.
    expect(created.types).toHaveLength(3);

    const both = await listWebhookEvents({ status: "DEAD", type: "booking.created", page: 1 });
    expect(both.rows.map((row) => row.notificationId)).toEqual(["n1"]);
    expect(both.total).toBe(1);

    const none = await listWebhookEvents({ status: "PENDING", type: "booking.created", page: 1 });
    expect(none).toMatchObject({ rows: [], total: 0, page: 1, pageCount: 1 });
  });

  it("pages through the filtered rows and clamps a page past the end", async () => {
    // 7 processed rows (n0 newest … n6 oldest) and one dead row in between that the filter skips.
    await seed([
      ...Array.from({ length: 7 }, (_, index): Seed => ({ type: "booking.created", status: "PROCESSED", minutesAgo: index * 10 })),
      { type: "booking.created", status: "DEAD", minutesAgo: 15 },
    ]);

    const first = await listWebhookEvents({ status: "PROCESSED", page: 1, pageSize: 3 });
    expect(first).toMatchObject({ total: 7, page: 1, pageSize: 3, pageCount: 3 });
    expect(first.rows.map((row) => row.notificationId)).toEqual(["n0", "n1", "n2"]);

    const second = await listWebhookEvents({ status: "PROCESSED", page: 2, pageSize: 3 });
    expect(second.rows.map((row) => row.notificationId)).toEqual(["n3", "n4", "n5"]);

    const last = await listWebhookEvents({ status: "PROCESSED", page: 3, pageSize: 3 });
    expect(last.rows.map((row) => row.notificationId)).toEqual(["n6"]);

    const beyond = await listWebhookEvents({ status: "PROCESSED", page: 40, pageSize: 3 });
    expect(beyond.page).toBe(3);
    expect(beyond.rows.map((row) => row.notificationId)).toEqual(["n6"]);

    const all = await listWebhookEvents({ page: 1 });
    expect(all).toMatchObject({ total: 8, pageSize: 25, pageCount: 1 });
  });

  it("keeps pages stable when notifications share a received time", async () => {
    await seed(Array.from({ length: 5 }, (): Seed => ({ type: "booking.created", status: "PROCESSED", minutesAgo: 0 })));
    const seen = new Set<string>();
    for (const page of [1, 2, 3]) {
      for (const row of (await listWebhookEvents({ page, pageSize: 2 })).rows) seen.add(row.id);
    }
    expect(seen.size).toBe(5);
  });
});

describe("getWebhookEventPayload", () => {
  it("returns the payload pretty-printed", async () => {
    const [id] = await seed([{ type: "booking.created", status: "PROCESSED", minutesAgo: 1, payload: { id: "n0", data: { object: { booking_id: "b-1" } } } }]);
    const payload = await getWebhookEventPayload(id!);
    expect(payload?.isTruncated).toBe(false);
    expect(JSON.parse(payload!.text)).toEqual({ id: "n0", data: { object: { booking_id: "b-1" } } });
    expect(payload!.text).toContain("\n");
    expect(payload!.totalChars).toBe(payload!.text.length);
  });

  it("cuts a large payload off in the query and says so", async () => {
    const [id] = await seed([{ type: "notetaker.media", status: "IGNORED", minutesAgo: 1, payload: { id: "n0", blob: "x".repeat(200_000) } }]);
    const payload = await getWebhookEventPayload(id!, { maxChars: 1_000 });
    expect(payload?.text).toHaveLength(1_000);
    expect(payload?.isTruncated).toBe(true);
    expect(payload?.totalChars).toBeGreaterThan(200_000);
  });

  it("returns null for an unknown or malformed id", async () => {
    expect(await getWebhookEventPayload(randomUUID())).toBeNull();
    expect(await getWebhookEventPayload("not-a-uuid")).toBeNull();
  });
});

describe("retryWebhookEvent (the Retry action's lib call)", () => {
  it("puts a dead row back in the queue: PENDING, 0 attempts, due now, no error", async () => {
    const [id] = await seed([{ type: "booking.created", status: "DEAD", minutesAgo: 60, attempts: 6, lastError: "Booking not found" }]);
    const before = Date.now();
    expect(await retryWebhookEvent(id!)).toBe(true);

    const row = await prisma.webhookEvent.findUniqueOrThrow({ where: { id: id! } });
    expect(row).toMatchObject({ status: "PENDING", attempts: 0, lastError: null });
    expect(row.nextAttemptAt.getTime()).toBeGreaterThanOrEqual(before - 1_000);
    expect(row.nextAttemptAt.getTime()).toBeLessThanOrEqual(Date.now() + 1_000);

    const list = await listWebhookEvents({ status: "DEAD", page: 1 });
    expect(list.total).toBe(0);
    expect(list.counts).toMatchObject({ PENDING: 1, DEAD: 0 });
    // A fresh job for its booking, due now, with no attempt made yet.
    const [job] = await prisma.job.findMany();
    expect(job).toMatchObject({ kind: "webhooks.process", state: "QUEUED", attempts: 0 });
    expect(job!.runAt.getTime()).toBeLessThanOrEqual(Date.now() + 1_000);
  });

  it("reprocesses a processed row and reports an unknown id", async () => {
    const [id] = await seed([{ type: "booking.created", status: "PROCESSED", minutesAgo: 5 }]);
    expect(await retryWebhookEvent(id!)).toBe(true);
    expect(await prisma.webhookEvent.findUniqueOrThrow({ where: { id: id! } })).toMatchObject({ status: "PENDING", attempts: 0 });
    expect(await retryWebhookEvent(randomUUID())).toBe(false);
  });
});
