import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { signNylasBody, verifyNylasSignature } from "@/lib/webhooks/signature";

const SECRET = "b6f1c0f4e2d94a1e8c7b5a3d2e1f0a9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f";
const OTHER = "another-subscription-secret-0123456789";

/** A booking payload with non-ASCII names, as Nylas would send it (compact JSON, UTF-8). */
const payload = {
  specversion: "1.0",
  type: "booking.created",
  source: "/nylas/passthru",
  id: "notif-unicode-1",
  time: 1725895310,
  webhook_delivery_attempt: 1,
  data: {
    application_id: "app-1",
    grant_id: "grant-1",
    object: {
      booking_id: "0e9b4a55-3f1c-4c9e-9d55-7b1e2f3a4b5c",
      configuration_id: "cfg-1",
      object: "booking",
      booking_info: {
        title: "Interview with Zoë Ångström 李雷",
        participants: [
          { email: "sarah.kim@northwind.example", name: "Sarah Kim" },
          { email: "zoe@example.org", name: "Zoë Ångström 李雷" },
        ],
      },
    },
  },
};
const text = JSON.stringify(payload);
const raw = Buffer.from(text, "utf8");
const hmacHex = (bytes: Uint8Array | string, secret: string) => createHmac("sha256", secret).update(bytes).digest("hex");

describe("signNylasBody", () => {
  it("is the lowercase hex HMAC-SHA256 of the raw bytes", () => {
    const sig = signNylasBody(raw, SECRET);
    expect(sig).toMatch(/^[0-9a-f]{64}$/);
    expect(sig).toBe(hmacHex(raw, SECRET));
    // A string is signed as its UTF-8 bytes.
    expect(signNylasBody(text, SECRET)).toBe(sig);
  });
});

describe("verifyNylasSignature", () => {
  it("verifies a unicode body signed over its UTF-8 bytes", () => {
    expect(raw.length).toBeGreaterThan(text.length); // multi-byte characters really are in there
    expect(verifyNylasSignature(raw, hmacHex(raw, SECRET), [SECRET])).toBe(true);
  });

  it("accepts any Uint8Array view of the same bytes", () => {
    const view = new Uint8Array(raw.buffer.slice(raw.byteOffset, raw.byteOffset + raw.byteLength));
    expect(verifyNylasSignature(view, hmacHex(raw, SECRET), [SECRET])).toBe(true);
  });

  it.each([
    { name: "pretty-printed", reserialise: (v: unknown) => JSON.stringify(v, null, 2) },
    { name: "with a space after separators", reserialise: (v: unknown) => JSON.stringify(v).replace(/":/g, '": ') },
    {
      name: "with keys in another order",
      reserialise: (v: unknown) => {
        const { data, ...rest } = v as Record<string, unknown>;
        return JSON.stringify({ data, ...Object.fromEntries(Object.entries(rest).reverse()) });
      },
    },
    { name: "with unicode escaped as \\uXXXX", reserialise: (v: unknown) => JSON.stringify(v).replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`) },
  ])("fails for the same payload re-serialised $name", ({ reserialise }) => {
    const signature = hmacHex(raw, SECRET);
    const again = reserialise(JSON.parse(text));
    expect(JSON.parse(again)).toEqual(payload); // same data…
    expect(again).not.toBe(text); // …different bytes
    expect(verifyNylasSignature(Buffer.from(again, "utf8"), signature, [SECRET])).toBe(false);
  });

  it("fails when the body is the same text in another encoding (latin1 instead of UTF-8)", () => {
    expect(verifyNylasSignature(Buffer.from(text, "latin1"), hmacHex(raw, SECRET), [SECRET])).toBe(false);
  });

  it("fails for a one-byte change and for a wrong secret", () => {
    const signature = hmacHex(raw, SECRET);
    const tampered = Buffer.from(raw);
    tampered[tampered.length - 2] = tampered[tampered.length - 2]! ^ 1;
    expect(verifyNylasSignature(tampered, signature, [SECRET])).toBe(false);
    expect(verifyNylasSignature(raw, signature, [OTHER])).toBe(false);
  });

  it("accepts an uppercase hex header and surrounding whitespace", () => {
    const signature = hmacHex(raw, SECRET);
    expect(verifyNylasSignature(raw, signature.toUpperCase(), [SECRET])).toBe(true);
    expect(verifyNylasSignature(raw, ` ${signature}\t`, [SECRET])).toBe(true);
  });

  it.each([
    { name: "null", header: null },
    { name: "empty", header: "" },
    { name: "63 hex chars", header: "a".repeat(63) },
    { name: "65 hex chars", header: "a".repeat(65) },
    { name: "the right signature truncated", header: hmacHex(raw, SECRET).slice(0, 32) },
    { name: "the right signature with a suffix", header: `${hmacHex(raw, SECRET)}00` },
    { name: "non-hex of the right length", header: "z".repeat(64) },
    { name: "a 'sha256=' prefixed value", header: `sha256=${hmacHex(raw, SECRET)}` },
    { name: "base64 of the right digest", header: createHmac("sha256", SECRET).update(raw).digest("base64") },
    { name: "garbage", header: "not a signature" },
  ])("rejects a header that is $name (and does not throw)", ({ header }) => {
    expect(() => verifyNylasSignature(raw, header, [SECRET])).not.toThrow();
    expect(verifyNylasSignature(raw, header, [SECRET])).toBe(false);
  });

  it("accepts a signature made with any of several secrets", () => {
    const secrets = ["first-secret-aaaaaaaaaaaaaaaa", SECRET, OTHER];
    for (const s of secrets) expect(verifyNylasSignature(raw, hmacHex(raw, s), secrets)).toBe(true);
    expect(verifyNylasSignature(raw, hmacHex(raw, "not-listed-secret"), secrets)).toBe(false);
  });

  it("ignores an empty secret: a body 'signed' with the empty key never verifies", () => {
    const emptyKeySignature = hmacHex(raw, "");
    expect(verifyNylasSignature(raw, emptyKeySignature, [""])).toBe(false);
    expect(verifyNylasSignature(raw, emptyKeySignature, ["", SECRET])).toBe(false);
    // …while the real secret next to it still works.
    expect(verifyNylasSignature(raw, hmacHex(raw, SECRET), ["", SECRET])).toBe(true);
  });

  it("rejects everything when no secret is configured", () => {
    expect(verifyNylasSignature(raw, hmacHex(raw, SECRET), [])).toBe(false);
  });

  it("verifies an empty body like any other", () => {
    const empty = new Uint8Array(0);
    expect(verifyNylasSignature(empty, hmacHex(empty, SECRET), [SECRET])).toBe(true);
  });
});
