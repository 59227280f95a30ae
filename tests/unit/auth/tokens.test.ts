import { describe, expect, it } from "vitest";
import { hashToken, isTokenShape, issueToken, TOKEN_BYTES, tokenMatches, tokenState } from "@/lib/auth/tokens";

describe("one-time tokens", () => {
  it("issues 256-bit base64url tokens, each different, stored as their SHA-256", () => {
    const a = issueToken();
    const b = issueToken();
    expect(a.token).not.toBe(b.token);
    expect(Buffer.from(a.token, "base64url")).toHaveLength(TOKEN_BYTES);
    expect(TOKEN_BYTES * 8).toBeGreaterThanOrEqual(128);
    expect(a.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(a.hash).toBe(hashToken(a.token));
    expect(a.hash).not.toContain(a.token);
  });

  it("recognises only the shape it issues", () => {
    expect(isTokenShape(issueToken().token)).toBe(true);
    for (const junk of ["", "abc", "x".repeat(44), "a".repeat(42) + "=", "../../etc/passwd", 42, null]) expect(isTokenShape(junk)).toBe(false);
  });

  it("matches a token against its stored hash only", () => {
    const { token, hash } = issueToken();
    expect(tokenMatches(token, hash)).toBe(true);
    expect(tokenMatches(issueToken().token, hash)).toBe(false);
    expect(tokenMatches(token, "00")).toBe(false);
  });

  it("is valid until it expires, and used or revoked for good", () => {
    const now = new Date("2026-12-06T12:00:00Z");
    const later = new Date("2026-12-06T13:00:00Z");
    expect(tokenState({ expiresAt: later }, now)).toBe("valid");
    expect(tokenState({ expiresAt: now }, now)).toBe("expired");
    expect(tokenState({ expiresAt: later, usedAt: now }, now)).toBe("used");
    expect(tokenState({ expiresAt: now, revokedAt: now, usedAt: null }, now)).toBe("revoked");
  });
});
