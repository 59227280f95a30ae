/**
 * The error codes the credentials provider reports through next-auth (`?error=` / signIn().error)
 * and the messages the login form shows for them. Pure and client-safe.
 */

/** next-auth's code when authorize() returns null. */
export const INVALID_CREDENTIALS_CODE = "CredentialsSignin";
const RATE_LIMITED_PREFIX = "RateLimited:";
/** The code authorize() throws for a correct password on a deactivated account. */
export const DEACTIVATED_CODE = "AccountDeactivated";
export const DEACTIVATED_MESSAGE = "This account has been deactivated. Ask an admin to reactivate it.";

export const INVALID_CREDENTIALS_MESSAGE = "Incorrect email or password.";
const GENERIC_MESSAGE = "Something went wrong while signing in. Try again.";

/** The code authorize() throws when the rate limiter refuses an attempt. */
export function rateLimitedErrorCode(retryAfterMinutes: number): string {
  return `${RATE_LIMITED_PREFIX}${Math.max(1, Math.ceil(retryAfterMinutes))}`;
}

export function rateLimitedMessage(retryAfterMinutes: number): string {
  const n = Math.max(1, Math.ceil(retryAfterMinutes));
  return `Too many sign-in attempts. Try again in ${n} ${n === 1 ? "minute" : "minutes"}.`;
}

/** The message to show for an error code from next-auth, or null when there is no error. */
export function describeSignInError(code: string | null | undefined): string | null {
  if (!code) return null;
  if (code === INVALID_CREDENTIALS_CODE) return INVALID_CREDENTIALS_MESSAGE;
  if (code === DEACTIVATED_CODE) return DEACTIVATED_MESSAGE;
  if (code.startsWith(RATE_LIMITED_PREFIX)) {
    const minutes = Number(code.slice(RATE_LIMITED_PREFIX.length));
    if (Number.isFinite(minutes) && minutes > 0) return rateLimitedMessage(minutes);
  }
  return GENERIC_MESSAGE;
}
