/**
 * Hostile input for the hostile-*.spec.ts files (issue 8, item 4): fast-check arbitraries for
 * wrong types, unicode and control characters, markup and SQL, truncated and deeply nested JSON,
 * plus the checks every target shares (never a 5xx, the server still answers /api/health, nothing
 * rendered unescaped).
 *
 * Reproducible by default: every property runs with a fixed seed (HOSTILE_SEED overrides it, e.g.
 * `HOSTILE_SEED=123 npm test -- e2e hostile --no-build`), printed with the number of cases.
 */
import { expect, type APIRequestContext, type Page } from "@playwright/test";
import fc from "fast-check";

export const HOSTILE_SEED = Number(process.env.HOSTILE_SEED ?? 20261129);

/**
 * Runs `property` over `numRuns` generated cases with a seed derived from HOSTILE_SEED and
 * `label` (so properties do not share their streams), printing the seed and the count.
 */
export async function checkProperty<T>(label: string, arbitrary: fc.Arbitrary<T>, numRuns: number, property: (value: T) => Promise<void>): Promise<number> {
  const seed = (HOSTILE_SEED + [...label].reduce((sum, c) => (sum * 31 + c.charCodeAt(0)) | 0, 0)) | 0;
  let cases = 0;
  const started = Date.now();
  await fc.assert(
    fc.asyncProperty(arbitrary, async (value) => {
      cases++;
      await property(value);
    }),
    // Each shrink step is an HTTP round trip: a bounded number keeps a failing run short.
    { seed, numRuns, endOnFailure: false, maxSkipsPerRun: 0, markInterruptAsFailure: true, interruptAfterTimeLimit: 120_000 },
  );
  console.log(`[hostile] ${label}: ${numRuns} cases passed (fast-check seed ${seed}, HOSTILE_SEED=${HOSTILE_SEED}) in ${Date.now() - started} ms`);
  return cases;
}

// ───────────────────────────── Strings ─────────────────────────────

/** Markup that would run if rendered unescaped; each names `hostile_` so a page can be searched for it. */
export const XSS_PAYLOADS = [
  "<script>hostile_xss(1)</script>",
  "<img src=x onerror=hostile_xss(2)>",
  '"><script>hostile_xss(3)</script>',
  "<svg onload=hostile_xss(4)>",
  "</textarea><script>hostile_xss(5)</script>",
  "javascript:hostile_xss(6)",
  '<iframe srcdoc="<script>hostile_xss(7)</script>"></iframe>',
  "{{constructor.constructor('hostile_xss(8)')()}}",
] as const;

/** What must never appear literally in an HTML response: the executable forms of XSS_PAYLOADS. */
export const UNESCAPED_MARKERS = ["<script>hostile_xss", "<img src=x onerror=hostile_xss", "<svg onload=hostile_xss", "<iframe srcdoc="];

export const SQL_PAYLOADS = [
  "'; DROP TABLE candidates; --",
  '" OR 1=1 --',
  "1' UNION SELECT password_hash FROM users --",
  "Robert'); DELETE FROM interviews WHERE ('1'='1",
  "$1; TRUNCATE webhook_events",
  "%' OR '%'='",
] as const;

const ODD_UNICODE = [
  "\u0000",
  "\u0001",
  "\u0007",
  "\b",
  "\u001b[31m",
  "\u007f",
  "\r\n",
  "\u2028",
  "\u2029",
  "\u200b",
  "\u200e\u202e",
  "\ufeff",
  "\ud800",
  "\udfff",
  "👩🏽‍💻",
  "Z̷̢̛a̸l̶g̵o",
  "𝕳𝖔𝖘𝖙𝖎𝖑𝖊",
  "ﷺ",
  "İı",
  "ß",
  "\u0130",
  "名前",
  "مرحبا",
  "%00",
  "%2e%2e%2f",
  "../../etc/passwd",
  "${7*7}",
  "\\",
  "%",
  "&amp;",
  "&#x3C;",
];

/** One hostile fragment: markup, SQL, odd unicode or control characters, or arbitrary text. */
export const hostileFragment: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...XSS_PAYLOADS),
  fc.constantFrom(...SQL_PAYLOADS),
  fc.constantFrom(...ODD_UNICODE),
  fc.string({ unit: "grapheme", maxLength: 30 }),
  fc.string({ unit: "binary", maxLength: 30 }),
  fc.string({ unit: fc.constantFrom("\u0000", "\t", "\n", "\u001f", "<", ">", "'", '"', "&", "%", "\\"), maxLength: 12 }),
);

/** Hostile text: a few fragments joined, sometimes long. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 8, arbitrary: fc.array(hostileFragment, { minLength: 1, maxLength: 4 }).map((parts) => parts.join("")) },
  { weight: 1, arbitrary: fc.tuple(hostileFragment, fc.integer({ min: 1_000, max: 20_000 })).map(([s, n]) => (s || "x").repeat(Math.ceil(n / Math.max(1, s.length))).slice(0, n)) },
);

/** Text that is also safe as a header or URL component (no lone surrogates). */
export const hostileWellFormed: fc.Arbitrary<string> = hostileString.map((s) => s.toWellFormed());

// ───────────────────────────── Values and JSON ─────────────────────────────

/** A value of some JSON type, usually the wrong one for whatever field it lands in. */
export const wrongType: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.constantFrom(-1, 0, 1e308, -1e308, 2 ** 53 + 1, 1.5, -0),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  hostileString,
  fc.constant(""),
  fc.array(fc.oneof(fc.integer(), hostileFragment), { maxLength: 3 }),
  fc.dictionary(hostileFragment, fc.oneof(fc.integer(), hostileFragment, fc.constant(null)), { maxKeys: 3 }),
  fc.constant(null).map(() => JSON.parse('{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}') as unknown),
  fc.constant(null).map(() => [[[[[]]]]]),
);

/** 300 to 20,000 levels of nested arrays or objects, closed or not, as JSON text. */
export const deeplyNestedJson: fc.Arbitrary<string> = fc.tuple(fc.integer({ min: 300, max: 20_000 }), fc.constantFrom("[", '{"a":'), fc.boolean()).map(([depth, open, closed]) => {
  const close = open === "[" ? "]" : "}";
  return open.repeat(depth) + "1" + (closed ? close.repeat(depth) : "");
});

/** Valid JSON text cut short somewhere inside. */
export function truncated(json: string): fc.Arbitrary<string> {
  return fc.integer({ min: 0, max: Math.max(0, json.length - 1) }).map((n) => json.slice(0, n));
}

/** Bodies that are not a JSON object at all. */
export const notJsonObject: fc.Arbitrary<string> = fc.oneof(
  hostileWellFormed,
  fc
    .jsonValue()
    .filter((v) => v === null || typeof v !== "object" || Array.isArray(v))
    .map((v) => JSON.stringify(v)),
  fc.constantFrom("", " ", "null", "[]", "{", "}", '{"id":', "\u0000", "NaN", "undefined", "{'id': 'single'}", '{"id":"a",}'),
  deeplyNestedJson,
);

/** Replaces the value at each of some of `paths` (dot paths) in a deep copy of `base` with a wrong-typed one. */
export function corrupt(base: unknown, paths: readonly string[], minCorrupted = 1): fc.Arbitrary<unknown> {
  return fc
    .tuple(fc.subarray([...paths], { minLength: Math.min(minCorrupted, paths.length) }), fc.array(wrongType, { minLength: paths.length, maxLength: paths.length }), fc.boolean())
    .map(([chosen, values, deleteInstead]) => {
      const copy = structuredClone(base) as Record<string, unknown>;
      chosen.forEach((p, i) => {
        const keys = p.split(".");
        let node: Record<string, unknown> = copy;
        for (const key of keys.slice(0, -1)) {
          if (!node[key] || typeof node[key] !== "object") node[key] = {};
          node = node[key] as Record<string, unknown>;
        }
        const last = keys.at(-1)!;
        if (deleteInstead && i % 2 === 0) delete node[last];
        // A copy: fast-check hands out the same instance for equal values (a later path would write into it).
        else node[last] = structuredClone(values[i]);
      });
      return copy;
    });
}

/** Hostile text that React's reply decoder reads as text (server action arguments): a leading "$" marks a reference in its protocol. */
export const actionText: fc.Arbitrary<string> = hostileWellFormed.map((s) => (s.startsWith("$") ? `_${s}` : s));
/** wrongType, with the same "$" rule applied to every string in it. */
export const actionValue: fc.Arbitrary<unknown> = wrongType.map(function strip(v: unknown): unknown {
  if (typeof v === "string") return v.startsWith("$") ? `_${v}` : v;
  if (Array.isArray(v)) return v.map(strip);
  if (v && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, strip(x)]));
  return v;
});

// ───────────────────────────── Shared checks ─────────────────────────────

/** The server is up and its database answers. */
export async function expectHealthy(request: APIRequestContext): Promise<void> {
  const res = await request.get("/api/health");
  expect(res.status(), "GET /api/health after a batch of hostile input").toBe(200);
}

/** A clear refusal: a 4xx, never a 5xx (nor a 2xx/3xx when `allowed` does not list it). */
export function expectClientError(status: number, what: string, allowed: readonly number[] = []): void {
  expect(status < 500, `${what}: answered ${status} (a 5xx) to hostile input`).toBe(true);
  if (!allowed.includes(status)) expect(status >= 400 && status < 500, `${what}: answered ${status}, expected a 4xx`).toBe(true);
}

/** No executable form of any XSS_PAYLOADS entry is in `html`. */
export function expectNoUnescapedMarkup(html: string, what: string): void {
  for (const marker of UNESCAPED_MARKERS) expect(html.includes(marker), `${what}: contains unescaped ${marker}`).toBe(false);
}

/**
 * Arms a Chromium page against XSS_PAYLOADS: records every dialog, and defines `hostile_xss()` so
 * that a payload which runs is recorded too. Check with expectNothingRan.
 */
export async function armPage(page: Page): Promise<string[]> {
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.addInitScript(() => {
    const w = window as unknown as { hostile_xss: (n: number) => void; __hostileRan?: number[] };
    w.hostile_xss = (n) => {
      w.__hostileRan = [...(w.__hostileRan ?? []), n];
      alert(`hostile_xss(${n})`);
    };
  });
  return dialogs;
}

/** No dialog opened and no payload ran on `page` (armed with armPage). */
export async function expectNothingRan(page: Page, dialogs: string[], what: string): Promise<void> {
  expect(dialogs, `${what}: dialogs`).toEqual([]);
  expect(await page.evaluate(() => (window as unknown as { __hostileRan?: number[] }).__hostileRan ?? []), `${what}: hostile_xss calls`).toEqual([]);
}
