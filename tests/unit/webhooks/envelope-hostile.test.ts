import { describe, expect, it } from "vitest";
import { MAX_WEBHOOK_JSON_DEPTH, parseEnvelope, replaceUnstorableEscapes } from "@/lib/webhooks/envelope";

// Found by tests/e2e/hostile-webhook.spec.ts: a signed notification with "\u0000" or a lone
// surrogate ("\ud800") in it could never be stored (Postgres text and jsonb refuse both), so every
// delivery answered 503.
describe("replaceUnstorableEscapes", () => {
  it("replaces an escaped NUL with U+FFFD, wherever it is", () => {
    const out = replaceUnstorableEscapes(String.raw`{"id":"a\u0000","type":"x\u0000\u0000"}`);
    expect(JSON.parse(out)).toEqual({ id: "a\ufffd", type: "x\ufffd\ufffd" });
  });

  it("replaces a lone surrogate escape, and keeps a surrogate pair", () => {
    const out = replaceUnstorableEscapes(String.raw`{"a":"x\ud800","b":"\udc00y","c":"\ud83d\ude00","d":"\ud83d\ud83d\ude00"}`);
    expect(JSON.parse(out)).toEqual({ a: "x\ufffd", b: "\ufffdy", c: "\u{1f600}", d: "\ufffd\u{1f600}" });
  });

  it("leaves the text \\u0000 (an escaped backslash before u0000) alone", () => {
    const text = String.raw`{"a":"x\\u0000y"}`;
    expect(replaceUnstorableEscapes(text)).toBe(text);
    expect(replaceUnstorableEscapes(String.raw`{"a":"\\\u0000"}`)).toBe(String.raw`{"a":"\\\ufffd"}`);
  });

  it("keeps the envelope parseable", () => {
    const parsed = parseEnvelope(replaceUnstorableEscapes(String.raw`{"id":"n1","type":"booking.created\u0000"}`));
    expect(parsed).toMatchObject({ ok: true, envelope: { id: "n1", type: "booking.created\ufffd" } });
  });
});

// Found by tests/e2e/hostile-webhook.spec.ts: Postgres's jsonb parser fails ("stack depth limit
// exceeded") near 10,000 levels, so a deeply nested notification answered 503 on every delivery.
describe("parseEnvelope nesting limit", () => {
  const nested = (depth: number) => `{"id":"n1","type":"x","data":${"[".repeat(depth)}"]}["${"]".repeat(depth)}}`;

  it("accepts the nesting a real payload has", () => {
    expect(parseEnvelope(nested(200)).ok).toBe(true);
  });

  it("refuses JSON nested deeper than the limit, with a clear message", () => {
    expect(parseEnvelope(nested(20_000))).toEqual({ ok: false, message: `Body nests deeper than ${MAX_WEBHOOK_JSON_DEPTH} levels.` });
  });
});
