import { describe, expect, it } from "vitest";
import { DEV_DEFAULTS, EnvError, parseEnv } from "@/lib/env";

const LIVE_OK = {
  NYLAS_MODE: "live",
  NEXTAUTH_SECRET: "a-long-random-production-secret-value",
  NYLAS_API_KEY: "nyk_live_key",
  NYLAS_GRANT_ID: "grant-123",
  NYLAS_WEBHOOK_SECRET: "whsec",
} as const;

/** The EnvError parseEnv throws (fails the test if it does not throw one). */
function envError(raw: Record<string, string | undefined>): EnvError {
  try {
    parseEnv(raw);
  } catch (error) {
    if (error instanceof EnvError) return error;
    throw error;
  }
  throw new Error("expected parseEnv to throw an EnvError");
}

describe("parseEnv", () => {
  it("defaults to sandbox mode in development without NYLAS_API_KEY, with the documented defaults", () => {
    const env = parseEnv({});
    expect(env).toMatchObject({
      NODE_ENV: "development",
      NYLAS_MODE: "sandbox",
      APP_URL: "http://localhost:3000",
      appOrigin: "http://localhost:3000",
      nylasApiUri: "http://localhost:3000",
      nylasApiKey: DEV_DEFAULTS.NYLAS_SANDBOX_API_KEY,
      NYLAS_SANDBOX_API_KEY: "nylas-sandbox-dev-api-key",
      NEXTAUTH_SECRET: DEV_DEFAULTS.NEXTAUTH_SECRET,
      SEED_PASSWORD: "password",
      SANDBOX_WEBHOOK_RETRY_BASE_MS: 60_000,
      LOGIN_MAX_FAILURES: 10,
      LOGIN_WINDOW_MINUTES: 15,
    });
  });

  it.each(["development", "test"])("defaults to sandbox under NODE_ENV=%s", (NODE_ENV) => {
    expect(parseEnv({ NODE_ENV }).NYLAS_MODE).toBe("sandbox");
  });

  it("infers live mode in development when NYLAS_API_KEY is set", () => {
    const env = parseEnv({ ...LIVE_OK, NYLAS_MODE: undefined });
    expect(env.NYLAS_MODE).toBe("live");
    expect(env.nylasApiKey).toBe("nyk_live_key");
  });

  it("refuses a production server without NYLAS_MODE, naming the variable", () => {
    const error = envError({ NODE_ENV: "production" });
    expect(error.problems).toHaveLength(1);
    expect(error.problems[0]).toContain("NYLAS_MODE");
    expect(error.message).toContain("NYLAS_MODE");
  });

  it("does not infer the mode from NYLAS_API_KEY in production", () => {
    expect(envError({ NODE_ENV: "production", NYLAS_API_KEY: "k" }).problems[0]).toContain("NYLAS_MODE");
  });

  it("allows sandbox mode on a production server when it is explicit (demos, tests)", () => {
    expect(parseEnv({ NODE_ENV: "production", NYLAS_MODE: "sandbox" }).NYLAS_MODE).toBe("sandbox");
  });

  it("lists every missing live secret at once, including the default NEXTAUTH_SECRET", () => {
    const error = envError({ NODE_ENV: "production", NYLAS_MODE: "live" });
    expect(error.problems).toHaveLength(4);
    expect(error.problems.join("\n")).toMatch(/NEXTAUTH_SECRET/);
    for (const key of ["NYLAS_API_KEY", "NYLAS_GRANT_ID", "NYLAS_WEBHOOK_SECRET"]) {
      expect(error.problems.some((p) => p.startsWith(`${key} is required`))).toBe(true);
      expect(error.message).toContain(key);
    }
  });

  it("refuses the literal development NEXTAUTH_SECRET in live mode even when everything else is set", () => {
    const error = envError({ ...LIVE_OK, NEXTAUTH_SECRET: DEV_DEFAULTS.NEXTAUTH_SECRET });
    expect(error.problems).toEqual([expect.stringContaining("NEXTAUTH_SECRET is the development default")]);
  });

  it.each(["NYLAS_API_KEY", "NYLAS_GRANT_ID", "NYLAS_WEBHOOK_SECRET"] as const)("refuses live mode without %s alone", (key) => {
    expect(envError({ ...LIVE_OK, [key]: undefined }).problems).toEqual([`${key} is required when NYLAS_MODE=live.`]);
  });

  it("accepts a complete live environment and targets Nylas with the live key", () => {
    const env = parseEnv({ ...LIVE_OK, NODE_ENV: "production", APP_URL: "https://jobs.example.com", NYLAS_API_URI: "https://api.eu.nylas.com/" });
    expect(env).toMatchObject({
      NYLAS_MODE: "live",
      nylasApiUri: "https://api.eu.nylas.com",
      nylasApiKey: "nyk_live_key",
      appOrigin: "https://jobs.example.com",
    });
  });

  it("targets api.us.nylas.com in live mode by default", () => {
    expect(parseEnv(LIVE_OK).nylasApiUri).toBe("https://api.us.nylas.com");
  });

  it("derives the sandbox API from APP_URL's origin and the sandbox key, ignoring NYLAS_API_URI", () => {
    const env = parseEnv({
      NYLAS_MODE: "sandbox",
      APP_URL: "http://127.0.0.1:4123/some/base/path/?q=1",
      NYLAS_API_URI: "https://api.eu.nylas.com",
      NYLAS_API_KEY: "nyk_live_key",
      NYLAS_SANDBOX_API_KEY: "my-sandbox-key",
    });
    expect(env).toMatchObject({ appOrigin: "http://127.0.0.1:4123", nylasApiUri: "http://127.0.0.1:4123", nylasApiKey: "my-sandbox-key" });
  });

  it("treats empty strings as unset", () => {
    const env = parseEnv({
      NODE_ENV: "",
      NYLAS_MODE: "",
      APP_URL: "",
      NEXTAUTH_SECRET: "",
      NYLAS_API_KEY: "",
      NYLAS_GRANT_ID: "",
      NYLAS_SANDBOX_API_KEY: "",
      SEED_PASSWORD: "",
      SANDBOX_WEBHOOK_RETRY_BASE_MS: "",
    });
    expect(env).toMatchObject({
      NODE_ENV: "development",
      NYLAS_MODE: "sandbox",
      APP_URL: "http://localhost:3000",
      NEXTAUTH_SECRET: DEV_DEFAULTS.NEXTAUTH_SECRET,
      nylasApiKey: DEV_DEFAULTS.NYLAS_SANDBOX_API_KEY,
      SEED_PASSWORD: "password",
      SANDBOX_WEBHOOK_RETRY_BASE_MS: 60_000,
    });
    expect(env.NYLAS_API_KEY).toBeUndefined();
    expect(env.NYLAS_GRANT_ID).toBeUndefined();
    // An empty NYLAS_MODE on a production server is as good as missing.
    expect(envError({ NODE_ENV: "production", NYLAS_MODE: "" }).problems[0]).toContain("NYLAS_MODE");
    // Empty live secrets count as missing.
    expect(envError({ ...LIVE_OK, NYLAS_GRANT_ID: "" }).problems).toEqual(["NYLAS_GRANT_ID is required when NYLAS_MODE=live."]);
  });

  it("parses numeric settings from strings", () => {
    expect(parseEnv({ SANDBOX_WEBHOOK_RETRY_BASE_MS: "50", LOGIN_MAX_FAILURES: "3" })).toMatchObject({ SANDBOX_WEBHOOK_RETRY_BASE_MS: 50, LOGIN_MAX_FAILURES: 3 });
  });

  it.each([
    { name: "an unknown NYLAS_MODE", raw: { NYLAS_MODE: "staging" }, key: "NYLAS_MODE" },
    { name: "an APP_URL that is not a URL", raw: { APP_URL: "localhost 3000" }, key: "APP_URL" },
    { name: "a negative retry base", raw: { SANDBOX_WEBHOOK_RETRY_BASE_MS: "-1" }, key: "SANDBOX_WEBHOOK_RETRY_BASE_MS" },
    { name: "a non-numeric login limit", raw: { LOGIN_MAX_FAILURES: "ten" }, key: "LOGIN_MAX_FAILURES" },
    { name: "a short NEXTAUTH_SECRET", raw: { NEXTAUTH_SECRET: "short" }, key: "NEXTAUTH_SECRET" },
    { name: "a short sandbox API key", raw: { NYLAS_SANDBOX_API_KEY: "abc" }, key: "NYLAS_SANDBOX_API_KEY" },
    { name: "an unknown MEDIA_STORAGE", raw: { MEDIA_STORAGE: "ftp" }, key: "MEDIA_STORAGE" },
    { name: "an S3_ENDPOINT that is not a URL", raw: { S3_ENDPOINT: "minio:9000" }, key: "S3_ENDPOINT" },
    { name: "a zero job lease", raw: { JOB_LEASE_SECONDS: "0" }, key: "JOB_LEASE_SECONDS" },
    { name: "zero feedback due hours", raw: { FEEDBACK_DUE_HOURS: "0" }, key: "FEEDBACK_DUE_HOURS" },
    { name: "fractional feedback due hours", raw: { FEEDBACK_DUE_HOURS: "1.5" }, key: "FEEDBACK_DUE_HOURS" },
    { name: "feedback due hours past 30 days", raw: { FEEDBACK_DUE_HOURS: "721" }, key: "FEEDBACK_DUE_HOURS" },
    { name: "non-numeric feedback due hours", raw: { FEEDBACK_DUE_HOURS: "a day" }, key: "FEEDBACK_DUE_HOURS" },
  ])("rejects $name with an EnvError naming the variable", ({ raw, key }) => {
    const error = envError(raw);
    expect(error.problems.some((p) => p.startsWith(`${key}:`))).toBe(true);
  });

  it("defaults media to the filesystem under .data/media, with Nylas's media URL lifetime and retention", () => {
    expect(parseEnv({})).toMatchObject({
      MEDIA_STORAGE: "fs",
      MEDIA_DIR: ".data/media",
      S3_REGION: "us-east-1",
      S3_FORCE_PATH_STYLE: "false",
      MEDIA_UPLOAD_MAX_MB: 1024,
      MEDIA_MISSING_AFTER_MINUTES: 60,
      SANDBOX_MEDIA_URL_TTL_S: 3600,
      SANDBOX_MEDIA_RETENTION_S: 14 * 24 * 3600,
      JOB_LEASE_SECONDS: 30,
    });
  });

  it("makes feedback due within 24 hours unless FEEDBACK_DUE_HOURS says otherwise", () => {
    expect(parseEnv({}).FEEDBACK_DUE_HOURS).toBe(24);
    expect(parseEnv({ FEEDBACK_DUE_HOURS: "" }).FEEDBACK_DUE_HOURS).toBe(24);
    expect(parseEnv({ FEEDBACK_DUE_HOURS: "48" }).FEEDBACK_DUE_HOURS).toBe(48);
  });

  it("accepts origins in CAREERS_FRAME_ANCESTORS and refuses anything else (it goes into a CSP header)", () => {
    expect(parseEnv({ CAREERS_FRAME_ANCESTORS: "https://www.northwind.example https://*.northwind.example" }).CAREERS_FRAME_ANCESTORS).toBe(
      "https://www.northwind.example https://*.northwind.example",
    );
    expect(envError({ CAREERS_FRAME_ANCESTORS: "https://ok.example; script-src *" }).problems).toEqual([
      "CAREERS_FRAME_ANCESTORS must list origins separated by spaces, like https://www.example.com; these are not: https://ok.example; script-src *",
    ]);
  });

  it("requires S3_BUCKET when MEDIA_STORAGE=s3", () => {
    expect(envError({ MEDIA_STORAGE: "s3" }).problems).toEqual(["S3_BUCKET is required when MEDIA_STORAGE=s3."]);
    expect(parseEnv({ MEDIA_STORAGE: "s3", S3_BUCKET: "interviews", S3_ENDPOINT: "http://127.0.0.1:9000", S3_FORCE_PATH_STYLE: "true" })).toMatchObject({
      MEDIA_STORAGE: "s3",
      S3_BUCKET: "interviews",
      S3_ENDPOINT: "http://127.0.0.1:9000",
      S3_FORCE_PATH_STYLE: "true",
    });
  });
});
