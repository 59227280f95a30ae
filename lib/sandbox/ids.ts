import { createHash, randomBytes } from "node:crypto";

/** Stable grant id per email, so a grant keeps its id across reseeding and reconnecting (v4-shaped UUID from a hash). */
export function sandboxGrantId(email: string): string {
  const h = createHash("sha256").update(`sandbox-grant:${email}`).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** Nylas event ids are opaque lowercase alphanumerics. */
export function newEventId(): string {
  return randomBytes(13).toString("hex").slice(0, 26);
}

/** Sent message ids: opaque lowercase alphanumerics, like Microsoft-style Nylas message ids. */
export function newMessageId(): string {
  const alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
  return Array.from(randomBytes(25), (b) => alphabet[b % alphabet.length]).join("");
}

/** Notification ids in webhook envelopes. */
export function newNotificationId(): string {
  return randomBytes(16).toString("hex");
}

const uuidBytes = (uuid: string) => Buffer.from(uuid.replace(/-/g, ""), "hex");
const bytesToUuid = (b: Buffer) => {
  const h = b.toString("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
};

/**
 * Booking references as `<NylasScheduling>` decodes them (nylas-contract §2.6):
 * base64url(configuration uuid bytes ‖ booking uuid bytes ‖ salt bytes), no padding.
 */
export function encodeBookingRef(configurationId: string, bookingId: string, saltB64url: string): string {
  return Buffer.concat([uuidBytes(configurationId), uuidBytes(bookingId), Buffer.from(saltB64url, "base64url")]).toString("base64url");
}

export function decodeBookingRef(ref: string): { configurationId: string; bookingId: string; salt: string } | null {
  let text: string;
  try {
    text = decodeURIComponent(ref);
  } catch {
    return null;
  }
  const bytes = Buffer.from(text, "base64url");
  if (bytes.length < 32) return null;
  return {
    configurationId: bytesToUuid(bytes.subarray(0, 16)),
    bookingId: bytesToUuid(bytes.subarray(16, 32)),
    salt: bytes.subarray(32).toString("base64url"),
  };
}

export function newSalt(): string {
  return randomBytes(16).toString("base64url");
}

/** A meeting code in the provider's usual shape, for the sandbox's conferencing links. */
export function newMeetingCode(provider: string): string {
  const letters = "abcdefghijkmnopqrstuvwxyz";
  const pick = (n: number) => Array.from(randomBytes(n), (b) => letters[b % letters.length]).join("");
  if (/zoom/i.test(provider)) return String(1_000_000_000 + (randomBytes(4).readUInt32BE() % 8_999_999_999));
  return `${pick(3)}-${pick(4)}-${pick(3)}`;
}
