/**
 * Errors of the Nylas-compatible sandbox, rendered in Nylas's error envelope:
 * `{"request_id": "...", "error": {"type": "...", "message": "..."}}`.
 */
type NylasErrorType =
  | "invalid_request_error"
  | "unauthorized"
  | "insufficient_scopes"
  | "not_found_error"
  | "rate_limit_error"
  | "internal_error"
  | "provider_error"
  // messages/send with an Idempotency-Key (nylas-contract §0)
  | "api.invalid_idempotency_key"
  | "api.invalid_idempotent_request";

export class SandboxApiError extends Error {
  constructor(
    public readonly status: number,
    public readonly type: NylasErrorType,
    message: string,
  ) {
    super(message);
    this.name = "SandboxApiError";
  }
}

export const invalidRequest = (message: string) => new SandboxApiError(400, "invalid_request_error", message);
export const notFound = (message: string) => new SandboxApiError(404, "not_found_error", message);
export const unauthorized = (message = "Unauthorized") => new SandboxApiError(401, "unauthorized", message);

/**
 * The exact prefix `<NylasScheduling>` looks for to try the next round-robin host
 * (nylas-contract §2.5 R3), so every slot conflict must start with it.
 */
const TIMESLOT_UNAVAILABLE = "The selected timeslot is unavailable";
export const timeslotUnavailable = (detail = "Please choose another time.") => new SandboxApiError(409, "invalid_request_error", `${TIMESLOT_UNAVAILABLE}. ${detail}`);
