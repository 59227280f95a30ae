/**
 * Nylas Hosted OAuth, as the sandbox plays it (nylas-contract: `GET /v3/connect/auth` →
 * the app's redirect_uri with `code` and `state` → `POST /v3/connect/token`).
 *
 * - GET /v3/connect/auth serves the hosted sign-in page: it checks client_id (the sandbox's
 *   SANDBOX_CLIENT_ID), redirect_uri (an allowed callback: the app's own origin, as a Nylas
 *   application's registered callback URIs would be) and response_type=code, then offers a
 *   provider (Google or Microsoft), the email (prefilled from login_hint) and "Approve" / "Deny".
 *   No script: the form works with a plain POST.
 * - POST /v3/connect/auth (that form) approves — the email's grant is made or re-authenticated
 *   with a primary calendar (connectSandboxGrant), a one-time code is stored as its SHA-256, valid
 *   10 minutes, and the browser is sent (303) to redirect_uri?code=…&state=… — or denies:
 *   redirect_uri?error=access_denied&error_description=…&state=….
 * - POST /v3/connect/token exchanges the code as Nylas does: JSON or form body, client_secret =
 *   the API key, grant_type=authorization_code, the redirect_uri the code was issued for, single use
 *   (claimed atomically), PKCE code_verifier when the auth URL had a code_challenge. Success is the
 *   flat token response (`grant_id`, `email`, `provider`…), failure Nylas's OAuth error shape
 *   `{request_id, error, error_code, error_description, error_uri}` — what the SDK's NylasOAuthError reads.
 */
import "server-only";
import { createHash, randomBytes, randomUUID, timingSafeEqual } from "node:crypto";
import { db } from "@/lib/db";
import { getEnv, SANDBOX_CLIENT_ID } from "@/lib/env";
import { connectSandboxGrant } from "./grants";
import { CORS_HEADERS, newRequestId } from "./http";
import type { SandboxContext } from "./router";

/** How long a code may wait for its exchange (Nylas: 10 minutes). */
export const OAUTH_CODE_TTL_MS = 10 * 60_000;
const PROVIDERS = { google: "Google", microsoft: "Microsoft" } as const;
type HostedProvider = keyof typeof PROVIDERS;
const EMAIL_RE = /^[^\s@]{1,64}@[^\s@]{1,255}$/;

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const sha256Hex = (value: string) => createHash("sha256").update(value, "utf8").digest("hex");

function isProvider(value: unknown): value is HostedProvider {
  return typeof value === "string" && Object.hasOwn(PROVIDERS, value);
}

/** The OAuth request the page was opened with; what both the page and its form post must carry. */
type AuthRequest = { clientId: string; redirectUri: string; state: string; codeChallenge: string | null };

/** Why the request cannot go on (shown on the page, never redirected: the redirect_uri is not trusted yet), or null. */
function authRequestProblem(clientId: unknown, redirectUri: unknown): string | null {
  if (clientId !== SANDBOX_CLIENT_ID) return `Unknown client_id. The sandbox's client id is "${SANDBOX_CLIENT_ID}".`;
  if (typeof redirectUri !== "string" || !redirectUri) return "redirect_uri is required.";
  let url: URL;
  try {
    url = new URL(redirectUri);
  } catch {
    return "redirect_uri is not a URL.";
  }
  if (url.origin !== getEnv().appOrigin) return `redirect_uri is not an allowed callback URI: it must be on ${getEnv().appOrigin}.`;
  return null;
}

function str(value: unknown, max = 2000): string {
  return typeof value === "string" ? value.slice(0, max) : "";
}

function htmlPage(status: number, title: string, body: string): Response {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>body{font-family:system-ui,sans-serif;background:#f1f5f9;color:#0f172a;display:grid;place-items:center;min-height:100vh;margin:0}
main{max-width:28rem;width:100%;background:#fff;border:1px solid #cbd5e1;border-radius:.75rem;padding:2rem;box-sizing:border-box}
h1{font-size:1.35rem;margin:0 0 .5rem}p{color:#334155;line-height:1.5}fieldset{border:1px solid #cbd5e1;border-radius:.5rem;margin:1rem 0;padding:.75rem 1rem}
legend{font-weight:600;padding:0 .25rem}label{display:block;margin:.35rem 0}input[type=email]{width:100%;box-sizing:border-box;padding:.5rem;border:1px solid #64748b;border-radius:.375rem;font:inherit}
.actions{display:flex;gap:.75rem;margin-top:1.25rem}button{font:inherit;padding:.55rem 1.1rem;border-radius:.375rem;border:1px solid #1e3a8a;cursor:pointer}
button.approve{background:#1d4ed8;color:#fff}button.deny{background:#fff;color:#1e3a8a}button:focus-visible,input:focus-visible{outline:3px solid #f59e0b;outline-offset:2px}
.error{color:#991b1b}</style></head><body><main>${body}</main></body></html>`;
  return new Response(html, { status, headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" } });
}

function errorPage(message: string): Response {
  return htmlPage(400, "Sign-in request refused", `<h1>This sign-in request cannot continue</h1><p class="error" role="alert">${escapeHtml(message)}</p>`);
}

function signInPage(request: AuthRequest, loginHint: string, provider: HostedProvider | null, problem?: string): Response {
  const hidden = [["client_id", request.clientId], ["redirect_uri", request.redirectUri], ["state", request.state], ...(request.codeChallenge ? [["code_challenge", request.codeChallenge]] : [])]
    .map(([name, value]) => `<input type="hidden" name="${name}" value="${escapeHtml(value!)}">`)
    .join("");
  const choices = (Object.entries(PROVIDERS) as [HostedProvider, string][])
    .map(([value, label]) => `<label><input type="radio" name="provider" value="${value}"${(provider ?? "google") === value ? " checked" : ""}> ${label}</label>`)
    .join("");
  const origin = escapeHtml(new URL(request.redirectUri).origin);
  return htmlPage(
    problem ? 400 : 200,
    "Connect your calendar · Nylas sandbox",
    `<h1>Connect your calendar</h1>
<p>The sandbox's stand-in for Nylas's hosted sign-in: choosing a provider and approving gives ${origin} access to this account's calendar, as signing in with Google or Microsoft would.</p>
${problem ? `<p class="error" role="alert">${escapeHtml(problem)}</p>` : ""}
<form method="post" action="/v3/connect/auth">${hidden}
<fieldset><legend>Provider</legend>${choices}</fieldset>
<label for="email">Email</label><input id="email" type="email" name="email" required autocomplete="email" value="${escapeHtml(loginHint)}">
<div class="actions"><button class="approve" type="submit" name="decision" value="approve">Approve</button><button class="deny" type="submit" name="decision" value="deny" formnovalidate>Deny</button></div>
</form>`,
  );
}

// GET /v3/connect/auth?client_id&redirect_uri&response_type=code[&state&login_hint&provider&access_type&scope&prompt&code_challenge]
export async function renderHostedSignIn(ctx: SandboxContext): Promise<Response> {
  const q = ctx.query;
  const problem = authRequestProblem(q.get("client_id"), q.get("redirect_uri"));
  if (problem) return errorPage(problem);
  if (q.get("response_type") !== "code") return errorPage('response_type must be "code".');
  const provider = q.get("provider");
  const request: AuthRequest = { clientId: SANDBOX_CLIENT_ID, redirectUri: q.get("redirect_uri")!, state: str(q.get("state")), codeChallenge: q.get("code_challenge") || null };
  return signInPage(request, str(q.get("login_hint"), 320), isProvider(provider) ? provider : null);
}

function redirectTo(redirectUri: string, params: Record<string, string>): Response {
  const url = new URL(redirectUri);
  for (const [k, v] of Object.entries(params)) if (v) url.searchParams.set(k, v);
  return new Response(null, { status: 303, headers: { location: url.toString(), "cache-control": "no-store" } });
}

// POST /v3/connect/auth — the sign-in page's form: approve (a code) or deny (access_denied)
export async function submitHostedSignIn(ctx: SandboxContext): Promise<Response> {
  const origin = ctx.headers.get("origin");
  // A form posted from another site (a forged approval) is refused; browsers send Origin with a POST
  // ("null" from a sandboxed frame or an opaque origin: refused too).
  if (origin && origin !== getEnv().appOrigin) return errorPage("This form can only be sent from the sign-in page itself.");
  const body = ctx.body && typeof ctx.body === "object" && !Array.isArray(ctx.body) ? (ctx.body as Record<string, unknown>) : {};
  const problem = authRequestProblem(body.client_id, body.redirect_uri);
  if (problem) return errorPage(problem);
  const request: AuthRequest = { clientId: SANDBOX_CLIENT_ID, redirectUri: str(body.redirect_uri), state: str(body.state), codeChallenge: str(body.code_challenge) || null };
  if (body.decision === "deny") {
    return redirectTo(request.redirectUri, { error: "access_denied", error_description: "The user denied access to their account.", state: request.state });
  }
  if (body.decision !== "approve") return errorPage('decision must be "approve" or "deny".');
  const email = str(body.email, 400).trim().toLowerCase();
  if (!isProvider(body.provider)) return signInPage(request, email, null, "Choose Google or Microsoft.");
  if (!EMAIL_RE.test(email)) return signInPage(request, email, body.provider, "Enter the email address of the account to connect.");

  const grant = await connectSandboxGrant({ email, provider: body.provider });
  const code = randomBytes(32).toString("base64url");
  await db.sandboxOAuthCode.create({
    data: {
      id: randomUUID(),
      codeHash: sha256Hex(code),
      clientId: request.clientId,
      redirectUri: request.redirectUri,
      email: grant.email,
      provider: body.provider,
      grantId: grant.id,
      codeChallenge: request.codeChallenge,
      expiresAt: new Date(ctx.now.getTime() + OAUTH_CODE_TTL_MS),
    },
  });
  return redirectTo(request.redirectUri, { code, state: request.state });
}

type OAuthErrorCode = "invalid_request" | "invalid_client" | "invalid_grant" | "unsupported_grant_type";

/** Nylas's OAuth error: the body NylasOAuthError reads (error, error_code, error_description, error_uri). */
function oauthError(status: number, error: OAuthErrorCode, description: string): Response {
  const requestId = newRequestId();
  return new Response(JSON.stringify({ request_id: requestId, error, error_code: status, error_description: description, error_uri: "https://developer.nylas.com/docs/api/errors/" }), {
    status,
    headers: { "content-type": "application/json", "x-request-id": requestId, "cache-control": "no-store", ...CORS_HEADERS },
  });
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The SDK's PKCE challenge for a verifier: base64 of the hex SHA-256, without padding (Auth.hashPKCESecret). */
export function pkceChallenge(verifier: string): string {
  return Buffer.from(sha256Hex(verifier)).toString("base64").replace(/=+$/, "");
}

// POST /v3/connect/token {client_id, client_secret, grant_type: "authorization_code", code, redirect_uri[, code_verifier]}
export async function exchangeOAuthToken(ctx: SandboxContext): Promise<Response> {
  if (!ctx.body || typeof ctx.body !== "object" || Array.isArray(ctx.body)) return oauthError(400, "invalid_request", "Request body must be a JSON object or a form.");
  const body = ctx.body as Record<string, unknown>;
  if (body.grant_type !== "authorization_code") return oauthError(400, "unsupported_grant_type", 'The sandbox exchanges grant_type "authorization_code" only.');
  if (body.client_id !== SANDBOX_CLIENT_ID) return oauthError(401, "invalid_client", "Unknown client_id.");
  if (typeof body.client_secret !== "string" || !sameSecret(body.client_secret, getEnv().NYLAS_SANDBOX_API_KEY)) {
    return oauthError(401, "invalid_client", "client_secret must be the application's API key.");
  }
  const code = str(body.code, 200);
  if (!code) return oauthError(400, "invalid_request", "code is required.");
  if (typeof body.redirect_uri !== "string" || !body.redirect_uri) return oauthError(400, "invalid_request", "redirect_uri is required.");

  const row = await db.sandboxOAuthCode.findUnique({ where: { codeHash: sha256Hex(code) } });
  if (!row || row.clientId !== body.client_id) return oauthError(400, "invalid_grant", "The authorization code is invalid.");
  if (row.usedAt) return oauthError(400, "invalid_grant", "The authorization code has already been used. Start the sign-in again.");
  if (row.expiresAt.getTime() <= ctx.now.getTime()) return oauthError(400, "invalid_grant", "The authorization code has expired. Start the sign-in again.");
  if (row.redirectUri !== body.redirect_uri) return oauthError(400, "invalid_grant", "redirect_uri does not match the one the code was issued for.");
  if (row.codeChallenge && (typeof body.code_verifier !== "string" || pkceChallenge(body.code_verifier) !== row.codeChallenge)) {
    return oauthError(400, "invalid_grant", "code_verifier does not match the code_challenge.");
  }
  // Single use under concurrency: only one exchange claims the code.
  const claimed = await db.sandboxOAuthCode.updateMany({ where: { id: row.id, usedAt: null }, data: { usedAt: ctx.now } });
  if (claimed.count !== 1) return oauthError(400, "invalid_grant", "The authorization code has already been used. Start the sign-in again.");

  const requestId = newRequestId();
  const payload = {
    request_id: requestId,
    access_token: randomBytes(32).toString("base64url"),
    token_type: "Bearer",
    expires_in: 3600,
    scope: "https://www.googleapis.com/auth/calendar",
    grant_id: row.grantId,
    email: row.email,
    provider: row.provider,
  };
  return new Response(JSON.stringify(payload), {
    status: 200,
    headers: { "content-type": "application/json", "x-request-id": requestId, "cache-control": "no-store", ...CORS_HEADERS },
  });
}
