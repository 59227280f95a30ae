/**
 * The app's own errors (not the sandbox's: /v3 speaks Nylas's envelope) and the one mapper that
 * turns anything thrown in a route handler into a JSON response `{"error": {"code", "message"}}`.
 * withAuth (lib/auth.ts) runs every handler through it; server actions map the same errors into
 * an action state instead (lib/actions/define-action.ts).
 */
import { ZodError } from "zod";

export class AppError extends Error {
  constructor(
    public readonly status: number,
    public readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "AppError";
  }
}

/** A job saved what it could and must run again later (e.g. a notification whose booking is not known yet). */
export class RetryLaterError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "RetryLaterError";
  }
}

export const badRequest = (message: string) => new AppError(400, "bad_request", message);
export const unauthorizedError = (message = "Sign in required.") => new AppError(401, "unauthorized", message);
export const forbiddenError = (message = "You do not have permission to do this.") => new AppError(403, "forbidden", message);
export const notFoundError = (message = "Not found.") => new AppError(404, "not_found", message);
export const payloadTooLarge = (message: string) => new AppError(413, "payload_too_large", message);
export const serviceUnavailable = (message: string) => new AppError(503, "service_unavailable", message);

/**
 * A Prisma "known request" error with this code (P2002: a unique constraint; P2025: the record
 * to update or delete does not exist). Read by shape, so this module stays free of the generated
 * client (client components import the error classes).
 */
export function isPrismaError(error: unknown, code: "P2002" | "P2025"): boolean {
  return error instanceof Error && (error as { code?: unknown }).code === code;
}

function errorJson(status: number, code: string, message: string): Response {
  return Response.json({ error: { code, message } }, { status, headers: { "cache-control": "no-store" } });
}

/**
 * Expected errors keep their status and message: ours, zod's (422 with field paths), Prisma's
 * unique (409) and not-found (404). Anything else is logged and hidden (500).
 */
export function toErrorResponse(error: unknown): Response {
  if (error instanceof AppError) return errorJson(error.status, error.code, error.message);
  if (error instanceof ZodError) {
    return Response.json(
      { error: { code: "invalid_input", message: "Invalid input.", fields: error.issues.map((i) => ({ path: i.path.join("."), message: i.message })) } },
      { status: 422, headers: { "cache-control": "no-store" } },
    );
  }
  if (isPrismaError(error, "P2002")) return errorJson(409, "conflict", "That already exists.");
  if (isPrismaError(error, "P2025")) return errorJson(404, "not_found", "Not found.");
  console.error("[api] unexpected error", error);
  return errorJson(500, "internal_error", "Something went wrong. Try again.");
}
