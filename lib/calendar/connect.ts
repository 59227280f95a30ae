/**
 * "Connect calendar" on /account: Nylas Hosted OAuth through the SDK.
 *
 * start: a fresh `state` (lib/auth/tokens.ts), stored as its hash for this user (10 minutes) and
 * handed back to be set as an httpOnly cookie, plus the SDK's auth URL (login_hint: the person's
 * email). complete (the callback): the state must equal the cookie's AND name an unused, unexpired
 * row of this user, claimed atomically; a provider error, a wrong or replayed state, a code Nylas
 * refuses, or a grant whose email is not the person's ends the attempt with nothing stored.
 * Otherwise, in one transaction: the CalendarConnection is upserted, the Interviewer with that
 * email is linked to the user, the roles whose panels include them get a configuration re-sync
 * (so they become bookable), and the change is audited.
 */
import "server-only";
import { hashToken, isTokenShape, issueToken, tokenMatches } from "@/lib/auth/tokens";
import type { SessionUser } from "@/lib/auth/users";
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { senderGrant } from "@/lib/email/sender";
import type { GrantMatch } from "@/lib/nylas/grants";
import { buildHostedAuthUrl, destroyGrant, exchangeHostedAuthCode, getGrantStatus } from "@/lib/nylas/hosted-auth";
import { requestConfigurationSync } from "@/lib/nylas/sync-configurations";
import { recordAudit } from "@/lib/settings/audit";
import { linkInterviewersByEmail } from "@/lib/team/link-interviewer";
import { normalizeEmail } from "@/lib/utils";
import { buildConnectUrlConfig, calendarCallbackUrl, CONNECT_STATE_TTL_MINUTES, isSameEmail, parseCallbackQuery, type CalendarConnectionView, type CalendarResult } from "./connect-rules";

type Person = Pick<SessionUser, "id" | "email" | "name">;

export type StartedConnect = { ok: true; url: string; state: string } | { ok: false; result: "unconfigured" };

/** Begins a connection: the state to bind to the browser and the URL to send it to. */
export async function startCalendarConnect(user: Person, now = new Date()): Promise<StartedConnect> {
  const env = getEnv();
  if (!env.nylasClientId) return { ok: false, result: "unconfigured" };
  const { token, hash } = issueToken();
  await db.calendarConnectState.create({ data: { userId: user.id, stateHash: hash, expiresAt: new Date(now.getTime() + CONNECT_STATE_TTL_MINUTES * 60_000) } });
  const url = buildHostedAuthUrl(buildConnectUrlConfig({ clientId: env.nylasClientId, appUrl: env.APP_URL, state: token, email: user.email }));
  return { ok: true, url, state: token };
}

/**
 * Claims the callback's state: it must be the browser's (cookie) and an unused, unexpired row of
 * this user. Marked used in the same statement that checks it, so a replay finds it used.
 */
async function claimState(user: Person, state: string | null, cookieState: string | null, now: Date): Promise<"ok" | "state" | "expired"> {
  if (!isTokenShape(state) || !isTokenShape(cookieState) || !tokenMatches(state, hashToken(cookieState))) return "state";
  const claimed = await db.calendarConnectState.updateMany({ where: { stateHash: hashToken(state), userId: user.id, usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } });
  if (claimed.count === 1) return "ok";
  const row = await db.calendarConnectState.findUnique({ where: { stateHash: hashToken(state) }, select: { userId: true, usedAt: true } });
  return row && row.userId === user.id && !row.usedAt ? "expired" : "state";
}

/** Finishes a connection from the callback's query; the result names the one line /account shows. */
export async function completeCalendarConnect(input: { user: Person; query: URLSearchParams; cookieState: string | null; now?: Date }): Promise<CalendarResult> {
  const { user, cookieState } = input;
  const now = input.now ?? new Date();
  const env = getEnv();
  const callback = parseCallbackQuery(input.query);
  if (callback.kind === "malformed") return "malformed";
  // A provider error still spends the state (when it is this browser's): the attempt is over.
  const claimed = await claimState(user, callback.state, cookieState, now);
  if (callback.kind === "provider_error") return claimed === "ok" ? (callback.error === "access_denied" ? "denied" : "provider_error") : claimed;
  if (claimed !== "ok") return claimed;
  if (!env.nylasClientId) return "unconfigured";

  const exchange = await exchangeHostedAuthCode({ clientId: env.nylasClientId, redirectUri: calendarCallbackUrl(env.APP_URL), code: callback.code });
  if (!exchange.ok) {
    console.warn(`[calendar] code exchange refused for user ${user.id}: ${exchange.error}: ${exchange.description}`);
    return "exchange";
  }
  if (!isSameEmail(exchange.email, user.email)) {
    await discardForeignGrant(exchange.grantId, exchange.email);
    return "mismatch";
  }

  const email = normalizeEmail(exchange.email);
  await db.$transaction(async (tx) => {
    const before = await tx.calendarConnection.findUnique({ where: { userId: user.id }, select: { grantId: true, grantStatus: true } });
    const fields = { apiUri: env.nylasApiUri, grantId: exchange.grantId, email, provider: exchange.provider, grantStatus: "valid", connectedAt: now, checkedAt: now };
    await tx.calendarConnection.upsert({ where: { userId: user.id }, create: { userId: user.id, ...fields }, update: fields });
    // The panel member with this email is this person (an existing link is never moved).
    await linkInterviewersByEmail(tx, email);
    const roles = await tx.role.findMany({ where: { panel: { members: { some: { interviewer: { email } } } } }, select: { id: true } });
    await requestConfigurationSync(
      tx,
      roles.map((r) => r.id),
    );
    await recordAudit(tx, user, {
      entityType: "user",
      entityId: user.id,
      entityLabel: user.name,
      action: "calendar_connected",
      changes: [
        { field: "grantId", label: "Grant", before: before?.grantId ?? null, after: exchange.grantId },
        { field: "grantStatus", label: "Calendar", before: before?.grantStatus ?? "not connected", after: "valid" },
      ],
    });
  });
  return "connected";
}

/**
 * After a refused (mismatched) connection: the exchange has already given the application a grant
 * for an account that is not the person's (their private calendar, say). It is deleted at Nylas,
 * unless the portal knows that account — a user, a panel member, a stored connection, a role's
 * configuration owner or the coordinator — since Nylas keeps one grant per email and the approval
 * may merely have re-authenticated someone else's. A failure is logged: the refusal stands anyway.
 */
async function discardForeignGrant(grantId: string, grantEmail: string): Promise<void> {
  const email = normalizeEmail(grantEmail);
  const env = getEnv();
  const coordinator = senderGrant(env);
  if (coordinator && (coordinator === grantId || coordinator.toLowerCase() === email)) return;
  const [users, interviewers, connections, configurations] = await Promise.all([
    db.user.count({ where: { email } }),
    db.interviewer.count({ where: { email } }),
    db.calendarConnection.count({ where: { OR: [{ grantId }, { email }] } }),
    db.roleConfiguration.count({ where: { grantId } }),
  ]);
  if (users + interviewers + connections + configurations > 0) return;
  try {
    await destroyGrant(grantId);
  } catch (error) {
    console.warn(`[calendar] could not delete the mismatched grant ${grantId}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/**
 * The person's connection as /account shows it, its grant status refreshed from Nylas (the stored
 * status is kept when Nylas cannot be asked). A grant Nylas no longer has counts as invalid:
 * "Reconnect" makes a new one.
 */
export async function getCalendarConnectionView(userId: string, now = new Date()): Promise<CalendarConnectionView> {
  const row = await db.calendarConnection.findUnique({ where: { userId } });
  if (!row || row.apiUri !== getEnv().nylasApiUri) return { status: "none" };
  let status = row.grantStatus === "valid" ? ("valid" as const) : ("invalid" as const);
  try {
    const fresh = await getGrantStatus(row.grantId);
    status = fresh === "valid" ? "valid" : "invalid";
    await db.calendarConnection.update({ where: { userId }, data: { grantStatus: status, checkedAt: now } });
  } catch (error) {
    console.warn(`[calendar] could not refresh grant ${row.grantId}: ${error instanceof Error ? error.message : String(error)}`);
  }
  return { status, email: row.email, provider: row.provider, connectedAt: row.connectedAt };
}

/**
 * Records what a grant lookup by email found (the health check calls it for every panel member):
 * the stored connections of that email follow Nylas's status, and a valid grant connected outside
 * the portal (in the Nylas Dashboard, or before "Connect calendar" existed) is recorded for the
 * person with that email, so the team page and /account show it.
 */
export async function recordGrantLookup(email: string, grant: GrantMatch | null, now = new Date()): Promise<void> {
  const normalized = normalizeEmail(email);
  const apiUri = getEnv().nylasApiUri;
  const grantStatus = grant?.status === "valid" ? "valid" : "invalid";
  const updated = await db.calendarConnection.updateMany({ where: { email: normalized, apiUri }, data: { grantStatus, checkedAt: now } });
  if (updated.count > 0 || !grant || grantStatus !== "valid") return;
  const user = await db.user.findUnique({ where: { email: normalized }, select: { id: true, calendarConnection: { select: { apiUri: true } } } });
  // A connection at this environment under another email is the person's own choice: kept.
  if (!user || user.calendarConnection?.apiUri === apiUri) return;
  const fields = { apiUri, grantId: grant.id, email: normalized, provider: grant.provider, grantStatus, connectedAt: now, checkedAt: now };
  await db.calendarConnection.upsert({ where: { userId: user.id }, create: { userId: user.id, ...fields }, update: fields });
}
