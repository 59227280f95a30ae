import "server-only";
import { randomUUID } from "node:crypto";
import { gunzipSync } from "node:zlib";
import { dbPool } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { announceJobs, insertJobsSql } from "@/lib/jobs";
import { AppError, badRequest, payloadTooLarge, serviceUnavailable, unauthorizedError } from "@/lib/errors";
import { HANDLED_TRIGGERS, MAX_WEBHOOK_BYTES, parseEnvelope, replaceUnstorableEscapes, type ParsedEnvelope } from "./envelope";
import { loadWebhookSecrets } from "./secrets";
import { verifyNylasSignature } from "./signature";
import { webhookProcessingJob } from "./jobs";
import { webhookSubjectKey, webhookSubjectOf } from "./subject";

export type IngestResult = { stored: boolean; duplicate: boolean; ignored: boolean; notificationId: string };

/** Where verified notifications go; the route uses Postgres, tests may pass a failing one. */
export type InboxStore = { insert: (envelope: ParsedEnvelope, text: string, status: "PENDING" | "IGNORED") => Promise<boolean> };

export const postgresInbox: InboxStore = {
  // One statement: the inbox row and its subject's job (lib/webhooks/jobs.ts) are stored together;
  // a duplicate notification id, or one about an erased candidate's booking or notetaker, is a no-op. The workers are told once it has committed.
  async insert(envelope, text, status) {
    const rowId = randomUUID();
    const subject = webhookSubjectOf({ type: envelope.type, bookingId: envelope.bookingId, notetakerId: envelope.notetakerId, rowId });
    const key = webhookSubjectKey(subject);
    const statement = Prisma.sql`
      WITH ev AS (
        INSERT INTO webhook_events (id, notification_id, type, source, booking_id, notetaker_id, event_time, delivery_attempt, payload, status, updated_at)
        SELECT ${rowId}::uuid, ${envelope.id}::text, ${envelope.type}::text, ${envelope.source}::text, ${envelope.bookingId}::text, ${envelope.notetakerId}::text,
               ${envelope.time}::timestamptz, ${envelope.deliveryAttempt}::int, ${text}::jsonb, ${status}::"WebhookEventStatus", now()
        -- Nothing is kept about an erased candidate's bookings and notetakers (lib/privacy/erasure.ts).
        WHERE NOT EXISTS (SELECT 1 FROM erased_nylas_objects e WHERE e.id IN (${envelope.bookingId}::text, ${envelope.notetakerId}::text))
        ON CONFLICT (notification_id) DO NOTHING
        RETURNING status),
      job AS (${insertJobsSql(webhookProcessingJob, Prisma.sql`SELECT ${JSON.stringify(subject)}::jsonb, ${key}::text, ${key}::text FROM ev WHERE ev.status = 'PENDING'`)})
      SELECT (SELECT count(*) FROM ev)::int AS stored, (SELECT count(*) FROM job)::int AS queued`;
    // On the pool directly: this runs once per delivery, and Prisma's query path costs more than the statement.
    const { rows } = await dbPool().query<{ stored: number; queued: number }>(statement.text, statement.values);
    const row = rows[0];
    if ((row?.queued ?? 0) > 0) announceJobs(webhookProcessingJob);
    return (row?.stored ?? 0) === 1;
  },
};

async function readLimitedBody(request: Request): Promise<Buffer> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > MAX_WEBHOOK_BYTES) throw payloadTooLarge(`Body exceeds ${MAX_WEBHOOK_BYTES} bytes.`);
  if (!request.body) return Buffer.alloc(0);
  // Stop reading past the cap, whatever content-length says (a chunked body has none): never buffer an oversized body.
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (let next = await reader.read(); !next.done; next = await reader.read()) {
    size += next.value.byteLength;
    if (size > MAX_WEBHOOK_BYTES) {
      await reader.cancel().catch(() => undefined);
      throw payloadTooLarge(`Body exceeds ${MAX_WEBHOOK_BYTES} bytes.`);
    }
    chunks.push(next.value);
  }
  return Buffer.concat(chunks, size);
}

async function verify(raw: Buffer, signature: string | null): Promise<void> {
  if (!signature) throw unauthorizedError("Missing x-nylas-signature.");
  let secrets: string[];
  try {
    secrets = await loadWebhookSecrets();
    if (!verifyNylasSignature(raw, signature, secrets)) {
      // Perhaps signed with a subscription secret stored since the cache was filled.
      secrets = await loadWebhookSecrets({ refresh: true });
    }
  } catch (error) {
    console.error("[webhooks] could not load signing secrets", error);
    throw serviceUnavailable("Temporarily unable to verify webhooks.");
  }
  if (!verifyNylasSignature(raw, signature, secrets)) throw unauthorizedError("Invalid webhook signature.");
}

/**
 * POST /api/webhooks/nylas, in order: cap the size, verify the HMAC over the exact raw bytes,
 * gunzip if compressed, check JSON + id + type, store in the inbox with its job (one statement,
 * idempotent). Never answers 200 before the event is durably stored; a database failure is a 503
 * so Nylas retries.
 */
export async function ingestNylasWebhook(request: Request, store: InboxStore = postgresInbox): Promise<IngestResult> {
  const raw = await readLimitedBody(request);
  await verify(raw, request.headers.get("x-nylas-signature"));

  let text: string;
  if ((request.headers.get("content-encoding") ?? "").toLowerCase().includes("gzip")) {
    try {
      text = gunzipSync(raw, { maxOutputLength: MAX_WEBHOOK_BYTES }).toString("utf8");
    } catch (error) {
      const tooLarge = (error as { code?: string }).code === "ERR_BUFFER_TOO_LARGE";
      throw tooLarge ? payloadTooLarge("Decompressed body is too large.") : badRequest("Body is not valid gzip.");
    }
  } else {
    text = raw.toString("utf8");
  }

  text = replaceUnstorableEscapes(text);
  const parsed = parseEnvelope(text);
  if (!parsed.ok) throw badRequest(parsed.message);
  const { envelope } = parsed;
  const ignored = !HANDLED_TRIGGERS.has(envelope.type);
  let stored: boolean;
  try {
    stored = await store.insert(envelope, text, ignored ? "IGNORED" : "PENDING");
  } catch (error) {
    if (error instanceof AppError) throw error;
    console.error("[webhooks] could not store notification", error);
    throw serviceUnavailable("Temporarily unable to store the notification.");
  }
  return { stored, duplicate: !stored, ignored, notificationId: envelope.id };
}
