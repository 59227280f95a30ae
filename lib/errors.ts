/**
 * The app's own errors (not the sandbox's: /v3 speaks Nylas's envelope) and the one mapper that
 * turns anything thrown in a route handler into a JSON response `{"error": {"code", "message"}}`.
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
export const payloadTooLarge = (message: string) => new AppError(413, "payload_too_large", message);
export const notFoundError = (message = "Not found.") => new AppError(404, "not_found", message);
export const serviceUnavailable = (message: string) => new AppError(503, "service_unavailable", message);

export function errorJson(status: number, code: string, message: string, headers: Record<string, string> = {}): Response {
  return Response.json({ error: { code, message } }, { status, headers: { "cache-control": "no-store", ...headers } });
}

/** Expected errors keep their status and message; anything else is logged and hidden (500). */
export function toErrorResponse(error: unknown): Response {
  if (error instanceof AppError) return errorJson(error.status, error.code, error.message);
  if (error instanceof ZodError) {
    return Response.json(
      { error: { code: "invalid_input", message: "Invalid input.", fields: error.issues.map((i) => ({ path: i.path.join("."), message: i.message })) } },
      { status: 422 },
    );
  }
  console.error("[api] unexpected error", error);
  return errorJson(500, "internal_error", "Something went wrong. Try again.");
}
