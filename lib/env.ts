/**
 * The only reader of process.env for application code. Parsed lazily and cached, so that
 * `next build` needs no secrets; the server validates it at start-up (instrumentation.ts ->
 * assertServerEnv) and refuses to start with a clear message.
 */
import { z } from "zod";
import { DEFAULT_FEEDBACK_DUE_HOURS } from "@/lib/feedback/due";
import { parseFrameAncestors } from "@/lib/http/security-headers";

/** Literal development defaults: documented in README and .env.example; refused in live mode. */
export const DEV_DEFAULTS = {
  NEXTAUTH_SECRET: "dev-only-nextauth-secret-do-not-use-in-production",
  NYLAS_SANDBOX_API_KEY: "nylas-sandbox-dev-api-key",
  SEED_PASSWORD: "password",
} as const;

/** The sandbox's Nylas application client id (its hosted sign-in page accepts only this one). */
export const SANDBOX_CLIENT_ID = "sandbox-client-id";

const emptyAsUndefined = (value: unknown) => (value === "" ? undefined : value);
const optionalString = z.preprocess(emptyAsUndefined, z.string().min(1).optional());
const intFromString = (fallback: number) => z.preprocess(emptyAsUndefined, z.coerce.number().int().nonnegative().default(fallback));

const ZRawEnv = z.object({
  NODE_ENV: z.preprocess(emptyAsUndefined, z.enum(["development", "production", "test"]).default("development")),
  NYLAS_MODE: z.preprocess(emptyAsUndefined, z.enum(["sandbox", "live"]).optional()),
  APP_URL: z.preprocess(emptyAsUndefined, z.url().default("http://localhost:3000")),
  DATABASE_URL: optionalString,
  NEXTAUTH_SECRET: z.preprocess(emptyAsUndefined, z.string().min(16).default(DEV_DEFAULTS.NEXTAUTH_SECRET)),
  NYLAS_API_KEY: optionalString,
  NYLAS_API_URI: z.preprocess(emptyAsUndefined, z.url().default("https://api.us.nylas.com")),
  NYLAS_GRANT_ID: optionalString,
  NYLAS_WEBHOOK_SECRET: optionalString,
  // The Nylas application's client id: Hosted OAuth ("Connect calendar") and hosted booking pages
  // need it in live mode; the sandbox has its own (SANDBOX_CLIENT_ID).
  NYLAS_CLIENT_ID: optionalString,
  // Origins allowed to embed the careers pages in a frame, space-separated (CSP frame-ancestors),
  // e.g. "https://www.example.com"; unset: none (signed-in pages never can be framed).
  CAREERS_FRAME_ANCESTORS: optionalString,
  NYLAS_SANDBOX_API_KEY: z.preprocess(emptyAsUndefined, z.string().min(8).default(DEV_DEFAULTS.NYLAS_SANDBOX_API_KEY)),
  SEED_PASSWORD: z.preprocess(emptyAsUndefined, z.string().min(1).default(DEV_DEFAULTS.SEED_PASSWORD)),
  // First retry delay of the sandbox's webhook deliveries; later ones grow x5 (Nylas: ~10-20 min in all).
  SANDBOX_WEBHOOK_RETRY_BASE_MS: intFromString(60_000),
  LOGIN_MAX_FAILURES: intFromString(10),
  // "off" keeps background workers out of the web process (run `npm run worker` separately).
  RUN_WORKERS: z.preprocess(emptyAsUndefined, z.enum(["on", "off"]).default("on")),
  // Benchmark only: enables /api/bench/webhook-baseline (verify + parse, no storage).
  BENCH_BASELINE_ROUTE: z.preprocess(emptyAsUndefined, z.enum(["on", "off"]).default("off")),
  // Benchmark only: enables /bench/scheduler/<configuration id>, a page holding nothing but the
  // booking scheduler (`npm run bench -- careers`: the component's own floor).
  BENCH_PAGES: z.preprocess(emptyAsUndefined, z.enum(["on", "off"]).default("off")),
  LOGIN_WINDOW_MINUTES: intFromString(15),
  // How long a claimed job stays leased to its worker (lib/jobs); live workers renew it every third
  // of it, and a worker that dies mid-job has its job taken over once the lease has passed.
  JOB_LEASE_SECONDS: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).default(30)),
  // Overrides of periodic jobs' schedules (UTC cron, lib/jobs/schedule.ts): "kind=cron;kind=cron".
  JOB_SCHEDULES: optionalString,
  // The job kinds this process's workers run, comma-separated (default: all), e.g. a pool of
  // machines for media downloads only.
  JOB_KINDS: optionalString,
  // ── Media storage (recordings, transcripts, summaries, action items) ──
  // "fs" (default): files under MEDIA_DIR; "s3": any S3-compatible store (credentials from the AWS SDK's default chain).
  MEDIA_STORAGE: z.preprocess(emptyAsUndefined, z.enum(["fs", "s3"]).default("fs")),
  MEDIA_DIR: z.preprocess(emptyAsUndefined, z.string().min(1).default(".data/media")),
  S3_BUCKET: optionalString,
  S3_ENDPOINT: z.preprocess(emptyAsUndefined, z.url({ protocol: /^https?$/ }).optional()),
  S3_REGION: z.preprocess(emptyAsUndefined, z.string().min(1).default("us-east-1")),
  S3_FORCE_PATH_STYLE: z.preprocess(emptyAsUndefined, z.enum(["true", "false"]).default("false")),
  // Largest file a recruiter may upload by hand (the Notetaker fallback), in MiB.
  MEDIA_UPLOAD_MAX_MB: intFromString(1024),
  // After an interview ends, how long Notetaker media may take before the recruiter is alerted.
  MEDIA_MISSING_AFTER_MINUTES: intFromString(60),
  // First retry delay of a failed media download; later ones grow x4 (6 attempts in all).
  MEDIA_RETRY_BASE_MS: intFromString(10_000),
  // ── Feedback ──
  // A completed interview without its interviewer's feedback is "Feedback due" from its end, and
  // "Feedback overdue" this many hours after it (lib/feedback/due.ts); 1 hour to 30 days.
  FEEDBACK_DUE_HOURS: z.preprocess(
    emptyAsUndefined,
    z.coerce
      .number({ error: "Must be a whole number of hours." })
      .int("Must be a whole number of hours.")
      .min(1, "Must be at least 1 hour.")
      .max(720, "Must be at most 720 hours (30 days).")
      .default(DEFAULT_FEEDBACK_DUE_HOURS),
  ),
  // ── Sandbox Notetaker ──
  // Lifetime of a signed sandbox media URL (Nylas: 3600 s), and how long files are kept (Nylas: 14 days).
  SANDBOX_MEDIA_URL_TTL_S: intFromString(3600),
  SANDBOX_MEDIA_RETENTION_S: intFromString(14 * 24 * 3600),
});

export type NylasMode = "sandbox" | "live";

export type Env = z.infer<typeof ZRawEnv> & {
  NYLAS_MODE: NylasMode;
  /** The Nylas API the server talks to: the app itself in sandbox mode. */
  nylasApiUri: string;
  /** The API key sent to nylasApiUri. */
  nylasApiKey: string;
  /** The Nylas application's client id (Hosted OAuth); null in live mode without NYLAS_CLIENT_ID. */
  nylasClientId: string | null;
  /** Same origin as APP_URL, without a trailing slash. */
  appOrigin: string;
};

export class EnvError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Invalid environment:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "EnvError";
  }
}

/** Pure: validates a raw environment and derives the mode-dependent settings. */
export function parseEnv(raw: Record<string, string | undefined>): Env {
  const parsed = ZRawEnv.safeParse(raw);
  if (!parsed.success) {
    throw new EnvError(parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`));
  }
  const env = parsed.data;
  const problems: string[] = [];

  let mode: NylasMode;
  if (env.NYLAS_MODE) mode = env.NYLAS_MODE;
  else if (env.NODE_ENV === "production") {
    problems.push("NYLAS_MODE must be set (sandbox or live) for a production server (npm start).");
    mode = "sandbox";
  } else mode = env.NYLAS_API_KEY ? "live" : "sandbox";

  if (mode === "live") {
    if (env.NEXTAUTH_SECRET === DEV_DEFAULTS.NEXTAUTH_SECRET) problems.push("NEXTAUTH_SECRET is the development default; set a long random value (openssl rand -base64 32).");
    for (const key of ["NYLAS_API_KEY", "NYLAS_GRANT_ID", "NYLAS_WEBHOOK_SECRET"] as const) {
      if (!env[key]) problems.push(`${key} is required when NYLAS_MODE=live.`);
    }
  }
  if (env.MEDIA_STORAGE === "s3" && !env.S3_BUCKET) problems.push("S3_BUCKET is required when MEDIA_STORAGE=s3.");
  const badAncestors = parseFrameAncestors(env.CAREERS_FRAME_ANCESTORS).invalid;
  if (badAncestors.length) problems.push(`CAREERS_FRAME_ANCESTORS must list origins separated by spaces, like https://www.example.com; these are not: ${badAncestors.join(" ")}`);
  if (problems.length) throw new EnvError(problems);

  const appOrigin = new URL(env.APP_URL).origin;
  return {
    ...env,
    NYLAS_MODE: mode,
    appOrigin,
    nylasApiUri: mode === "sandbox" ? appOrigin : env.NYLAS_API_URI.replace(/\/+$/, ""),
    nylasApiKey: mode === "sandbox" ? env.NYLAS_SANDBOX_API_KEY : (env.NYLAS_API_KEY ?? ""),
    nylasClientId: mode === "sandbox" ? SANDBOX_CLIENT_ID : (env.NYLAS_CLIENT_ID ?? null),
  };
}

let cached: Env | undefined;

export function getEnv(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** Called once when the server starts; throws EnvError with every problem listed. */
export function assertServerEnv(): Env {
  cached = undefined;
  return getEnv();
}
