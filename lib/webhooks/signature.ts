/**
 * Pure: Nylas's webhook signature — lowercase hex HMAC-SHA256 of the exact raw body bytes (the
 * compressed bytes for gzip deliveries), keyed with the subscription's secret — compared in
 * constant time against every accepted secret.
 */
import { createHmac, timingSafeEqual } from "node:crypto";

export function signNylasBody(raw: Uint8Array | string, secret: string): string {
  return createHmac("sha256", secret).update(raw).digest("hex");
}

const HEX_SHA256 = /^[0-9a-f]{64}$/i;

export function verifyNylasSignature(raw: Uint8Array, header: string | null, secrets: readonly string[]): boolean {
  if (!header) return false;
  const given = header.trim().toLowerCase();
  if (!HEX_SHA256.test(given)) return false;
  const givenBytes = Buffer.from(given, "hex");
  let ok = false;
  // Check every secret (no early exit), so timing does not reveal which one matched.
  for (const secret of secrets) {
    if (!secret) continue;
    const expected = createHmac("sha256", secret).update(raw).digest();
    ok = timingSafeEqual(expected, givenBytes) || ok;
  }
  return ok;
}
