/**
 * One-time link tokens (invitations, password resets, OAuth `state`): 256 random bits, base64url,
 * handed to the person once and stored only as their SHA-256, so a database leak reveals no usable
 * link. Lookups go by the hash (a unique index); tokenMatches compares in constant time where a
 * stored hash is checked against a presented token directly.
 *
 * Pure apart from the random source; no "server-only" so unit tests import it.
 */
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

/** Bytes of randomness in a token (256 bits; the issue asks for at least 128). */
export const TOKEN_BYTES = 32;

/** A token's shape: base64url of TOKEN_BYTES bytes (43 characters, no padding). */
const TOKEN_RE = /^[A-Za-z0-9_-]{43}$/;

export type IssuedToken = { token: string; hash: string };

/** A fresh token and the hash to store. */
export function issueToken(): IssuedToken {
  const token = randomBytes(TOKEN_BYTES).toString("base64url");
  return { token, hash: hashToken(token) };
}

/** The stored form of a token: SHA-256, hex. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** True when `value` could be a token we issued (checked before any query: junk never reaches the database). */
export function isTokenShape(value: unknown): value is string {
  return typeof value === "string" && TOKEN_RE.test(value);
}

/** Constant-time: does `token` hash to `storedHash`? */
export function tokenMatches(token: string, storedHash: string): boolean {
  const presented = Buffer.from(hashToken(token), "hex");
  const stored = Buffer.from(storedHash, "hex");
  return presented.length === stored.length && timingSafeEqual(presented, stored);
}

export type TokenState = "valid" | "expired" | "used" | "revoked";

/** Where a stored one-time token stands at `now` (used and revoked win over expiry: they are final). */
export function tokenState(row: { expiresAt: Date; usedAt?: Date | null; revokedAt?: Date | null }, now: Date): TokenState {
  if (row.revokedAt) return "revoked";
  if (row.usedAt) return "used";
  if (row.expiresAt.getTime() <= now.getTime()) return "expired";
  return "valid";
}
