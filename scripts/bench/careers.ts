/**
 * Careers benchmark (`npm run bench -- careers`, issue 18): how soon a candidate sees a bookable
 * time. A production build (`--no-build` reuses `.next`) in sandbox mode on port 3302, a fresh
 * seeded database, and cold loads in Chromium (a new browser context each: empty cache, no
 * cookies), alternating between two pages of the same build:
 * - the role page `/careers/backend-engineer`;
 * - the bare page `/bench/scheduler/<its configuration id>` (BENCH_PAGES=on): the same booking
 *   scheduler with nothing around it, the component's own floor.
 * 20 loads each on desktop, then 5 each on a throttled phone (browser.ts MOBILE: 4x CPU, Slow 4G).
 * Per load: navigation start → first bookable slot, the scripts fetched (files, bytes on the wire
 * and decoded, per group: Next runtime / ours / the Nylas bundle), and the phases between (HTML,
 * JS downloads, the Nylas chunk's evaluation, the component's ui-settings and availability
 * requests with their Server-Timing, long tasks, layout shift). p50/p95 of each (nearest rank:
 * the p95 of 5 mobile loads is their maximum).
 */
import { loadavg } from "node:os";
import { pathToFileURL } from "node:url";
import pg from "pg";
import { coldLoad, DESKTOP, launchChromium, MOBILE, scriptBytes, type LoadTrace, type Profile, type ScriptGroup } from "./browser";
import { bootstrapSandbox, buildUnlessSkipped, createBenchDatabase, machineLoad, percentile, startNext, stopNext } from "./support";

const PORT = 3302;
const ORIGIN = `http://127.0.0.1:${PORT}`;
const ROLE_SLUG = "backend-engineer";
const RUNS: { profile: Profile; loads: number }[] = [
  { profile: DESKTOP, loads: 20 },
  { profile: MOBILE, loads: 5 },
];

type Target = { name: string; path: string };
type Figure = [label: string, value: (t: LoadTrace) => number | undefined, digits?: number];

const lastJs = (t: LoadTrace) => Math.max(t.runtimeJsEnd, t.ourJsEnd);

/** Moments of a load, ms from navigation start. */
const MOMENTS: Figure[] = [
  ["HTML first byte", (t) => t.ttfb],
  ["HTML downloaded (responseEnd)", (t) => t.htmlEnd],
  ["Next runtime JS downloaded", (t) => t.runtimeJsEnd],
  ["our JS downloaded", (t) => t.ourJsEnd],
  ["DOMContentLoaded", (t) => t.domContentLoaded],
  ["Nylas chunk requested", (t) => t.nylasStart],
  ["Nylas chunk downloaded", (t) => t.nylasEnd],
  ["<nylas-scheduling> defined", (t) => t.defined],
  ["<nylas-scheduling> in the DOM", (t) => t.inDom],
  ["ui-settings requested", (t) => t.uiSettings?.start],
  ["ui-settings answered", (t) => t.uiSettings?.end],
  ["availability requested", (t) => t.availability?.start],
  ["availability answered", (t) => t.availability?.end],
  ["first bookable slot (in the page)", (t) => t.firstSlot],
  ["first bookable slot (Node: goto → seen)", (t) => t.nodeFirstSlot],
];

/** The critical path as consecutive steps (each load's steps add up to its first slot). */
const STEPS: Figure[] = [
  ["navigation → HTML downloaded", (t) => t.htmlEnd],
  ["HTML → all page JS downloaded", (t) => lastJs(t) - t.htmlEnd],
  ["→ Nylas chunk requested (hydration)", (t) => t.nylasStart - lastJs(t)],
  ["Nylas chunk download", (t) => t.nylasEnd - t.nylasStart],
  ["Nylas chunk evaluated (→ defined)", (t) => t.defined - t.nylasEnd],
  ["→ ui-settings requested", (t) => (t.uiSettings ? t.uiSettings.start - t.defined : undefined)],
  ["ui-settings round trip", (t) => (t.uiSettings ? t.uiSettings.end - t.uiSettings.start : undefined)],
  ["→ availability requested", (t) => (t.uiSettings && t.availability ? t.availability.start - t.uiSettings.end : undefined)],
  ["availability round trip", (t) => (t.availability ? t.availability.end - t.availability.start : undefined)],
  ["→ first slot rendered", (t) => (t.availability ? t.firstSlot - t.availability.end : undefined)],
  // With the availability prefilled from the HTML (sandbox), the slots follow ui-settings.
  ["→ first slot rendered (prefilled, no availability request)", (t) => (t.uiSettings && !t.availability ? t.firstSlot - t.uiSettings.end : undefined)],
];

const OTHER: Figure[] = [
  ["ui-settings server time (Server-Timing)", (t) => t.uiSettings?.server ?? undefined, 1],
  ["availability server time (Server-Timing)", (t) => t.availability?.server ?? undefined, 1],
  ["main-thread long tasks before the slot", (t) => t.longTaskMs],
  ["layout shift (CLS, to slot + 500 ms)", (t) => t.cls, 3],
  ["/v3/scheduling requests before the slot", (t) => t.schedulingRequests],
  ["script files before the slot", (t) => scriptBytes(t).files],
  ["script KB transferred", (t) => scriptBytes(t).transfer / 1024],
];

function stat(traces: LoadTrace[], value: Figure[1], digits = 0): string {
  const values = traces.map(value).filter((v): v is number => v !== undefined && Number.isFinite(v));
  if (!values.length) return "-".padStart(8) + "-".padStart(8);
  return percentile(values, 50).toFixed(digits).padStart(8) + percentile(values, 95).toFixed(digits).padStart(8);
}

function table(title: string, figures: Figure[], columns: { name: string; traces: LoadTrace[] }[], say: (line: string) => void): void {
  say(`${title.padEnd(44)}${columns.map((c) => `${c.name.padStart(10)} p50 / p95`.padStart(16)).join("  ")}`);
  for (const [label, value, digits] of figures) say(`  ${label.padEnd(42)}${columns.map((c) => stat(c.traces, value, digits)).join("  ")}`);
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;

function bytesLine(trace: LoadTrace): string {
  const groups: ScriptGroup[] = ["next runtime", "ours", "nylas"];
  const all = scriptBytes(trace);
  const parts = groups.map((g) => {
    const b = scriptBytes(trace, g);
    return `${g} ${b.files} (${kb(b.transfer)} / ${kb(b.decoded)})`;
  });
  return `${all.files} files, ${kb(all.transfer)} transferred / ${kb(all.decoded)} decoded: ${parts.join(", ")}`;
}

export type CareersBenchResult = { lines: string[]; desktop: { careers: number; bare: number }; mobile: { careers: number; bare: number } };

export async function runCareersBench(): Promise<CareersBenchResult> {
  const lines: string[] = [];
  const say = (line: string) => {
    console.log(line);
    lines.push(line);
  };
  buildUnlessSkipped(say);
  const { url: dbUrl, server } = await createBenchDatabase("portal_bench_careers");
  // No workers in the server: nothing but the page loads runs during the measurements.
  const next = await startNext(PORT, { APP_URL: ORIGIN, DATABASE_URL: dbUrl, BENCH_PAGES: "on", RUN_WORKERS: "off" });
  try {
    await bootstrapSandbox({ APP_URL: ORIGIN, DATABASE_URL: dbUrl });
    const db = new pg.Client({ connectionString: dbUrl });
    await db.connect();
    const configurationId = (await db.query<{ id: string }>("SELECT c.configuration_id AS id FROM role_configurations c JOIN roles r ON r.id = c.role_id WHERE r.slug = $1", [ROLE_SLUG])).rows[0]?.id;
    await db.end();
    if (!configurationId) throw new Error(`no scheduler configuration for ${ROLE_SLUG}`);
    const targets: Target[] = [
      { name: "careers", path: `/careers/${ROLE_SLUG}` },
      { name: "bare", path: `/bench/scheduler/${encodeURIComponent(configurationId)}` },
    ];

    const before = loadavg()[0]!;
    say(`before the loads: ${machineLoad()}${before > 1 ? "  (BUSY: every time below is inflated)" : ""}`);
    const browser = await launchChromium();
    const classify = new Map<string, ScriptGroup>();
    const results = new Map<string, LoadTrace[]>();
    try {
      // One load per page warms the server (route code, queries) and learns which script is Nylas's.
      for (const target of targets) await coldLoad(browser, ORIGIN + target.path, DESKTOP, classify);
      for (const { profile, loads } of RUNS) {
        for (let i = 0; i < loads; i++) {
          // Alternating, so that drift in the machine's load hits both pages alike.
          for (const target of targets) {
            const key = `${target.name}/${profile.name}`;
            results.set(key, [...(results.get(key) ?? []), await coldLoad(browser, ORIGIN + target.path, profile, classify)]);
          }
        }
      }
    } finally {
      await browser.close();
    }
    say(`after the loads: ${machineLoad()}`);

    for (const { profile, loads } of RUNS) {
      const columns = targets.map((t) => ({ name: t.name, traces: results.get(`${t.name}/${profile.name}`)! }));
      say(`\n-- ${profile.name}: ${loads} cold loads per page (ms from navigation start; careers ${targets[0]!.path}, bare ${targets[1]!.path}) --`);
      table("moments", MOMENTS, columns, say);
      table("critical path, step by step", STEPS, columns, say);
      table("other", OTHER, columns, say);
      for (const c of columns) say(`scripts before the slot, ${c.name} (first load): ${bytesLine(c.traces[0]!)}`);
    }

    const p = (key: string, q: number) =>
      percentile(
        results.get(key)!.map((t) => t.firstSlot),
        q,
      );
    return {
      lines,
      desktop: { careers: p("careers/desktop", 95), bare: p("bare/desktop", 95) },
      mobile: { careers: p("careers/mobile", 95), bare: p("bare/mobile", 95) },
    };
  } finally {
    stopNext(next);
    await new Promise((r) => setTimeout(r, 1000));
    await server.stop();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  await runCareersBench();
}
