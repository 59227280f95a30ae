import { describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "@/lib/auth/password";

describe("hashPassword", () => {
  it("produces scrypt$N$r$p$salt$hash with base64 salt and hash", async () => {
    const stored = await hashPassword("correct horse battery staple");
    expect(stored).toMatch(/^scrypt\$16384\$8\$1\$[A-Za-z0-9+/]+={0,2}\$[A-Za-z0-9+/]+={0,2}$/);
    const [, , , , salt, hash] = stored.split("$");
    expect(Buffer.from(salt!, "base64")).toHaveLength(16);
    expect(Buffer.from(hash!, "base64")).toHaveLength(64);
  });

  it("uses a fresh salt each time", async () => {
    const [a, b] = await Promise.all([hashPassword("same password"), hashPassword("same password")]);
    expect(a).not.toBe(b);
  });
});

describe("verifyPassword", () => {
  it("accepts the right password", async () => {
    const stored = await hashPassword("s3cret-Passw0rd");
    expect(await verifyPassword("s3cret-Passw0rd", stored)).toBe(true);
  });

  it("rejects a wrong password", async () => {
    const stored = await hashPassword("s3cret-Passw0rd");
    expect(await verifyPassword("s3cret-passw0rd", stored)).toBe(false);
    expect(await verifyPassword("", stored)).toBe(false);
  });

  it("treats canonically equivalent Unicode the same (NFKC)", async () => {
    const stored = await hashPassword("caf\u00e9-password");
    expect(await verifyPassword("cafe\u0301-password", stored)).toBe(true);
  });

  it("rejects a hash whose stored key was tampered with", async () => {
    const stored = await hashPassword("s3cret-Passw0rd");
    const parts = stored.split("$");
    const key = Buffer.from(parts[5]!, "base64");
    key[0] = key[0]! ^ 0xff;
    parts[5] = key.toString("base64");
    expect(await verifyPassword("s3cret-Passw0rd", parts.join("$"))).toBe(false);
  });

  it("rejects a hash whose salt or parameters were tampered with", async () => {
    const stored = await hashPassword("s3cret-Passw0rd");
    const parts = stored.split("$");
    const otherSalt = [...parts];
    otherSalt[4] = Buffer.alloc(16, 7).toString("base64");
    expect(await verifyPassword("s3cret-Passw0rd", otherSalt.join("$"))).toBe(false);
    const otherCost = [...parts];
    otherCost[1] = "8192";
    expect(await verifyPassword("s3cret-Passw0rd", otherCost.join("$"))).toBe(false);
  });

  it("rejects malformed stored values without throwing", async () => {
    const stored = await hashPassword("pw-12345678");
    const [, , , , salt, hash] = stored.split("$");
    const malformed = [
      "",
      "plain-text-password",
      "bcrypt$10$abc",
      stored.replace("scrypt$", "scrypt2$"),
      `scrypt$16384$8$1$${salt}`, // missing hash
      `scrypt$16383$8$1$${salt}$${hash}`, // N not a power of two
      `scrypt$1048576$8$1$${salt}$${hash}`, // N above the allowed maximum
      `scrypt$16384$0$1$${salt}$${hash}`,
      `scrypt$16384$8$1$not base64!$${hash}`,
      `scrypt$16384$8$1$${salt}$${hash}$extra`,
    ];
    for (const value of malformed) {
      await expect(verifyPassword("pw-12345678", value), value).resolves.toBe(false);
    }
  });
});
