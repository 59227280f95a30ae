import { describe, expect, it } from "vitest";
import { decodeBookingRef, encodeBookingRef, newEventId, newNotificationId, newSalt } from "@/lib/sandbox/ids";

const CFG = "3f2c1b8e-9a4d-4e6f-8b1a-2c3d4e5f6a7b";
const BOOKING = "a1b2c3d4-e5f6-4a7b-9c8d-0e1f2a3b4c5d";
const SALT_BYTES = Buffer.from("00112233445566778899aabbccddeeff", "hex");
const SALT = SALT_BYTES.toString("base64url");
const hex = (uuid: string) => uuid.replace(/-/g, "");

describe("encodeBookingRef", () => {
  it("lays out configuration bytes ‖ booking bytes ‖ salt bytes as unpadded base64url", () => {
    const ref = encodeBookingRef(CFG, BOOKING, SALT);
    expect(ref).toMatch(/^[A-Za-z0-9_-]+$/);
    const bytes = Buffer.from(ref, "base64url");
    expect(bytes).toHaveLength(48);
    expect(bytes.subarray(0, 16).toString("hex")).toBe(hex(CFG));
    expect(bytes.subarray(16, 32).toString("hex")).toBe(hex(BOOKING));
    expect(bytes.subarray(32).equals(SALT_BYTES)).toBe(true);
  });

  it("is deterministic for the same ids and salt, and differs per salt", () => {
    expect(encodeBookingRef(CFG, BOOKING, SALT)).toBe(encodeBookingRef(CFG, BOOKING, SALT));
    expect(encodeBookingRef(CFG, BOOKING, newSalt())).not.toBe(encodeBookingRef(CFG, BOOKING, SALT));
  });

  it("accepts upper-case UUIDs (hex is case-insensitive)", () => {
    expect(encodeBookingRef(CFG.toUpperCase(), BOOKING.toUpperCase(), SALT)).toBe(encodeBookingRef(CFG, BOOKING, SALT));
  });
});

describe("decodeBookingRef", () => {
  it("round-trips what encodeBookingRef produced", () => {
    expect(decodeBookingRef(encodeBookingRef(CFG, BOOKING, SALT))).toEqual({ configurationId: CFG, bookingId: BOOKING, salt: SALT });
  });

  it("round-trips freshly generated salts", () => {
    for (let i = 0; i < 20; i++) {
      const salt = newSalt();
      expect(decodeBookingRef(encodeBookingRef(CFG, BOOKING, salt))?.salt).toBe(salt);
    }
  });

  it("returns canonical lower-case UUIDs", () => {
    expect(decodeBookingRef(encodeBookingRef(CFG.toUpperCase(), BOOKING.toUpperCase(), SALT))).toMatchObject({ configurationId: CFG, bookingId: BOOKING });
  });

  it("decodes a ref without a salt (32 bytes) with an empty salt", () => {
    const ref = Buffer.from(hex(CFG) + hex(BOOKING), "hex").toString("base64url");
    expect(decodeBookingRef(ref)).toEqual({ configurationId: CFG, bookingId: BOOKING, salt: "" });
  });

  it("URL-decodes the ref first (as the scheduler component does)", () => {
    const ref = encodeBookingRef(CFG, BOOKING, SALT);
    const percentEncoded = [...ref].map((c) => `%${c.charCodeAt(0).toString(16).padStart(2, "0").toUpperCase()}`).join("");
    expect(decodeBookingRef(percentEncoded)).toEqual({ configurationId: CFG, bookingId: BOOKING, salt: SALT });
    // Padding that was URL-encoded on the way through a query string is tolerated too.
    const padded = Buffer.from(hex(CFG) + hex(BOOKING), "hex")
      .toString("base64")
      .replace(/\+/g, "-")
      .replace(/\//g, "_");
    expect(padded.endsWith("=")).toBe(true);
    expect(decodeBookingRef(encodeURIComponent(padded))).toMatchObject({ configurationId: CFG, bookingId: BOOKING });
  });

  it.each([
    { name: "an empty string", ref: "" },
    { name: "31 bytes", ref: Buffer.alloc(31, 7).toString("base64url") },
    { name: "a UUID-sized prefix only", ref: Buffer.from(hex(CFG), "hex").toString("base64url") },
  ])("returns null for a ref shorter than two UUIDs: $name", ({ ref }) => {
    expect(decodeBookingRef(ref)).toBeNull();
  });
});

describe("newSalt", () => {
  it("is 16 random bytes as unpadded base64url", () => {
    const salt = newSalt();
    expect(salt).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(Buffer.from(salt, "base64url")).toHaveLength(16);
    expect(newSalt()).not.toBe(salt);
  });
});

describe("newEventId and newNotificationId", () => {
  it("produce opaque lower-case ids of fixed length", () => {
    expect(newEventId()).toMatch(/^[0-9a-f]{26}$/);
    expect(newNotificationId()).toMatch(/^[0-9a-f]{32}$/);
    expect(newNotificationId()).not.toBe(newNotificationId());
  });
});
