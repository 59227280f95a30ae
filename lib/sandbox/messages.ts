/**
 * The sandbox's Messages API, as far as sending goes (DESIGN "Outgoing email"): `messages/send`
 * stores what a real grant would send, `GET messages` lists what was sent, newest first, and the
 * /sandbox console's Outbox shows it. Nothing leaves the machine.
 *
 * - Idempotency-Key (Nylas's send header): a repeat of a send within 1 hour, per grant, answers the
 *   first answer again with `Idempotent-Response: true` and sends nothing; the same key with another
 *   body is refused (409). The sandbox keeps the answers of sends that went out; a refused send
 *   (validation, an injected failure) is not kept, so retrying it with the same key sends it.
 * - Test knobs per grant (POST /v3/sandbox/grants/{grant_id}/message-faults): refuse the next sends
 *   with a status, or send and then lose the answer (a 504 after the message went out).
 */
import "server-only";
import { createHash } from "node:crypto";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { invalidRequest, SandboxApiError } from "./errors";
import { resolveGrant, type GrantRow } from "./grants";
import { data, list, nextCursor, parsePaging, type SandboxResult } from "./http";
import { newMessageId } from "./ids";
import {
  IDEMPOTENCY_WINDOW_MS,
  MAX_IDEMPOTENCY_KEY_LENGTH,
  plainTextToHtml,
  serializeMessage,
  takeMessageFault,
  toEmailNames,
  ZMessageFaults,
  ZMessageSend,
  type MessageFaults,
  type StoredMessage,
} from "./message-rules";
import { assertObjectBody, type SandboxContext } from "./router";
import { describeIssues } from "./schemas";

const REPLAYED = { "idempotent-response": "true" };

function idempotencyKeyOf(headers: Headers): string | null {
  const key = headers.get("idempotency-key");
  if (key === null) return null;
  if (key.length === 0 || key.length > MAX_IDEMPOTENCY_KEY_LENGTH) {
    throw new SandboxApiError(400, "api.invalid_idempotency_key", `The Idempotency-Key header must be 1 to ${MAX_IDEMPOTENCY_KEY_LENGTH} characters long.`);
  }
  return key;
}

/** The send a key already made within Nylas's window, or null. */
async function findKeyedSend(grantId: string, key: string, now: Date): Promise<(StoredMessage & { requestHash: string | null }) | null> {
  return db.sandboxMessage.findFirst({ where: { grantId, idempotencyKey: key, date: { gt: new Date(now.getTime() - IDEMPOTENCY_WINDOW_MS) } } });
}

function replay(previous: StoredMessage & { requestHash: string | null }, requestHash: string): SandboxResult {
  if (previous.requestHash !== requestHash) {
    throw new SandboxApiError(409, "api.invalid_idempotent_request", "This Idempotency-Key was already used with a different request body. Use a new key for a different message.");
  }
  return { ...data(serializeMessage(previous)), headers: REPLAYED };
}

/** Takes (and uses up) the grant's fault for this send, atomically across instances. */
async function takeFault(grantId: string) {
  return db.$transaction(async (tx) => {
    const [row] = await tx.$queryRaw<{ faults: MessageFaults }[]>`SELECT message_faults AS faults FROM sandbox_grants WHERE id = ${grantId}::uuid FOR UPDATE`;
    const { fault, rest } = takeMessageFault(row?.faults ?? {});
    if (fault) await tx.sandboxGrant.update({ where: { id: grantId }, data: { messageFaults: rest as Prisma.InputJsonValue } });
    return fault;
  });
}

function faultError(status: number): SandboxApiError {
  const message = `Sandbox fault: the send failed with HTTP ${status}; nothing was sent.`;
  if (status === 429) return new SandboxApiError(status, "rate_limit_error", message);
  if (status === 401) return new SandboxApiError(status, "unauthorized", message);
  if (status === 404) return new SandboxApiError(status, "not_found_error", message);
  if (status === 504) return new SandboxApiError(status, "provider_error", message);
  return new SandboxApiError(status, status < 500 ? "invalid_request_error" : "internal_error", message);
}

const isUniqueViolation = (error: unknown) => error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";

/**
 * POST /v3/grants/{grant_id}/messages/send — to (required), cc, bcc, reply_to, from (default: the
 * grant), subject, body (HTML; a plain-text body with is_plaintext), optional Idempotency-Key.
 * 400 invalid_request_error on a bad body, 404 on an unknown grant, 401 on an invalid one.
 */
export async function sendMessage(ctx: SandboxContext): Promise<SandboxResult> {
  const grant = await resolveGrant(ctx.params.grant!);
  const key = idempotencyKeyOf(ctx.headers);
  const parsed = ZMessageSend.safeParse(assertObjectBody(ctx.body));
  if (!parsed.success) throw invalidRequest(`Invalid message: ${describeIssues(parsed.error)}`);
  const requestHash = createHash("sha256").update(JSON.stringify(ctx.body)).digest("hex");
  if (key) {
    const previous = await findKeyedSend(grant.id, key, ctx.now);
    if (previous) return replay(previous, requestHash);
  }

  const fault = await takeFault(grant.id);
  if (fault?.kind === "fail") throw faultError(fault.status);
  const message = parsed.data;
  const row = {
    id: newMessageId(),
    grantId: grant.id,
    to: toEmailNames(message.to),
    cc: toEmailNames(message.cc),
    bcc: toEmailNames(message.bcc),
    replyTo: toEmailNames(message.reply_to),
    from: message.from?.length ? toEmailNames(message.from) : [{ name: grant.name, email: grant.email }],
    subject: message.subject ?? "",
    body: message.is_plaintext ? plainTextToHtml(message.body ?? "") : (message.body ?? ""),
    date: ctx.now,
    idempotencyKey: key,
    requestHash: key ? requestHash : null,
  };
  const stored = await storeMessage(grant, row, key, ctx.now);
  if ("replayed" in stored) return replay(stored.replayed, requestHash);
  if (fault?.kind === "lose_answer") throw new SandboxApiError(504, "provider_error", "Sandbox fault: the message was sent, but the provider's answer was lost.");
  return data(serializeMessage(stored));
}

/** Stores the sent message; a concurrent send with the same key that got there first is answered instead. */
async function storeMessage(grant: GrantRow, row: StoredMessage & { idempotencyKey: string | null; requestHash: string | null }, key: string | null, now: Date) {
  const json = (value: unknown) => value as Prisma.InputJsonValue;
  try {
    return await db.$transaction(async (tx) => {
      // A key older than Nylas's window is free again.
      if (key)
        await tx.sandboxMessage.updateMany({ where: { grantId: grant.id, idempotencyKey: key, date: { lte: new Date(now.getTime() - IDEMPOTENCY_WINDOW_MS) } }, data: { idempotencyKey: null } });
      return tx.sandboxMessage.create({ data: { ...row, to: json(row.to), cc: json(row.cc), bcc: json(row.bcc), replyTo: json(row.replyTo), from: json(row.from) } });
    });
  } catch (error) {
    if (!key || !isUniqueViolation(error)) throw error;
    const previous = await findKeyedSend(grant.id, key, now);
    if (!previous) throw error;
    return { replayed: previous };
  }
}

// GET /v3/grants/{grant_id}/messages[?limit&page_token] — what the grant sent, newest first.
export async function listMessages(ctx: SandboxContext): Promise<SandboxResult> {
  const grant = await resolveGrant(ctx.params.grant!);
  const { limit, offset } = parsePaging(ctx.query);
  const rows = await db.sandboxMessage.findMany({ where: { grantId: grant.id }, orderBy: [{ date: "desc" }, { id: "desc" }], skip: offset, take: limit });
  return list(rows.map(serializeMessage), nextCursor(offset, limit, rows.length));
}

// POST /v3/sandbox/grants/{grant_id}/message-faults — sandbox control (not Nylas): replaces the grant's send faults.
export async function setMessageFaults(ctx: SandboxContext): Promise<SandboxResult> {
  const grant = await resolveGrant(ctx.params.grant!);
  const parsed = ZMessageFaults.safeParse(ctx.body ?? {});
  if (!parsed.success) throw invalidRequest(`Invalid faults: ${describeIssues(parsed.error)}`);
  await db.sandboxGrant.update({ where: { id: grant.id }, data: { messageFaults: parsed.data as Prisma.InputJsonValue } });
  return data({ grant_id: grant.id, faults: parsed.data });
}
