/**
 * Password hashing with Node's built-in scrypt (no native build step).
 *
 * Stored format: `scrypt$<N>$<r>$<p>$<saltB64>$<hashB64>`. The parameters travel with the hash,
 * so they can be raised later without invalidating existing passwords.
 *
 * No "server-only" marker: scripts (user:create, the seed) import this under tsx.
 */
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from "node:crypto";

const PREFIX = "scrypt";
// N = 2^14, r = 8, p = 1: OWASP's scrypt minimum; ~16 MiB and tens of ms per hash.
const COST = 16_384;
const BLOCK_SIZE = 8;
const PARALLELISM = 1;
const SALT_BYTES = 16;
const KEY_BYTES = 64;

// Bounds for parameters read back from a stored hash, so that a tampered row cannot make one
// sign-in allocate gigabytes.
const MAX_COST = 65_536;
const MAX_BLOCK_SIZE = 16;
const MAX_PARALLELISM = 4;

type ScryptParams = { N: number; r: number; p: number };

function deriveKey(plain: string, salt: Buffer, keyLength: number, params: ScryptParams): Promise<Buffer> {
  const options: ScryptOptions = { ...params, maxmem: 256 * params.N * params.r + 1024 * 1024 };
  return new Promise((resolve, reject) => {
    // NFKC so that the same password typed on different keyboards/OSes hashes the same.
    scrypt(plain.normalize("NFKC"), salt, keyLength, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

function decodeBase64Strict(value: string): Buffer | null {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(value)) return null;
  const buffer = Buffer.from(value, "base64");
  return buffer.toString("base64") === value ? buffer : null;
}

function parseInteger(value: string | undefined, min: number, max: number): number | null {
  if (value === undefined || !/^[1-9][0-9]*$/.test(value)) return null;
  const n = Number(value);
  return n >= min && n <= max ? n : null;
}

function parseStoredHash(stored: string): (ScryptParams & { salt: Buffer; hash: Buffer }) | null {
  const parts = stored.split("$");
  if (parts.length !== 6 || parts[0] !== PREFIX) return null;
  const N = parseInteger(parts[1], 2, MAX_COST);
  const r = parseInteger(parts[2], 1, MAX_BLOCK_SIZE);
  const p = parseInteger(parts[3], 1, MAX_PARALLELISM);
  if (N === null || r === null || p === null || (N & (N - 1)) !== 0) return null;
  const salt = decodeBase64Strict(parts[4] ?? "");
  const hash = decodeBase64Strict(parts[5] ?? "");
  if (!salt || salt.length < 8 || !hash || hash.length < 16 || hash.length > 128) return null;
  return { N, r, p, salt, hash };
}

/** Hashes a password for storage: `scrypt$N$r$p$salt$hash` with a fresh random salt. */
export async function hashPassword(plain: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const params = { N: COST, r: BLOCK_SIZE, p: PARALLELISM };
  const key = await deriveKey(plain, salt, KEY_BYTES, params);
  return [PREFIX, params.N, params.r, params.p, salt.toString("base64"), key.toString("base64")].join("$");
}

/** True when `plain` matches `stored`; false for a wrong password or a malformed/tampered hash. Constant-time compare. */
export async function verifyPassword(plain: string, stored: string): Promise<boolean> {
  const parsed = parseStoredHash(stored);
  if (!parsed) return false;
  const key = await deriveKey(plain, parsed.salt, parsed.hash.length, parsed);
  return key.length === parsed.hash.length && timingSafeEqual(key, parsed.hash);
}
