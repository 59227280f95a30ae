/**
 * Scale benchmark (`npm run bench -- scale [--large]`, issues 8 and 18): a fresh embedded PostgreSQL
 * seeded in bulk SQL (scale-seed.ts: 10,000 candidates, 30,000 interviews, 5,000 transcripts of 20
 * lines with their search documents, scorecard evidence, feedback, 100,000 stored webhook
 * notifications; `--large` adds a second database ten times that size: 100,000 / 300,000 / 50,000 =
 * 1M lines), then a production build (`next start`, workers in the server) measured over HTTP:
 * - p95 server time (full response over loopback, one request at a time) of the dashboard (default,
 *   each filter, page 300, an interviewer's own list, transcript searches as an admin and as an
 *   interviewer), a candidate page, a debrief page, /settings/load and /settings/webhooks: < 100 ms
 *   (scale-pages.ts; a list whose total differs from the SQL count is flagged WRONG);
 * - webhook ingest throughput against the verify-only route (/api/bench/webhook-baseline) at this
 *   size: >= 0.7x (the webhooks bench's load generator, BENCH_DURATION_S per route, 50 connections);
 * - RSS of the server's process group over a mixed-traffic soak: < 10 % growth (`--soak-seconds N`,
 *   default 600), after a warm-up of the same traffic (a tenth of the soak, at least 30 s);
 * - the careers page in Chromium: navigation to the first bookable slot, p50/p95 over 20 cold loads
 *   (a new browser context each), and the JavaScript the page loads on its first visit.
 * With `--large` each page's p95 is printed at both sizes with its growth; the careers page and the
 * soak are skipped unless `--careers` / `--soak-seconds N` ask for them.
 */
import type { ChildProcess } from "node:child_process";
import { once } from "node:events";
import { readdirSync, readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import pg from "pg";
import { coldLoad, DESKTOP, launchChromium, scriptBytes, type LoadTrace, type ScriptGroup } from "./browser";
import { checkTotal, listScalePages, listTotal, type ScalePage } from "./scale-pages";
import { DEFAULT_SIZE, LARGE_SIZE, seedAtScale, type ScaleSize } from "./scale-seed";
import { bootstrapSandbox, buildUnlessSkipped, createBenchDatabase, machineLoad, percentile, signIn, startNext, stopNext } from "./support";
import { bookingCreated, load, SECRET } from "./webhooks";

const PORT = 3300;
const ORIGIN = `http://127.0.0.1:${PORT}`;
const SAMPLES = 100;
const MIN_SAMPLES = 5;
const FIGURE_MS = 30_000;
const WARMUP_REQUESTS = 10;
const WARMUP_MS = 5_000;
const COLD_LOADS = 20;
const DEFAULT_SOAK_SECONDS = 600;

export type ScaleFigure = { name: string; value: string; target: string; ok: boolean };

function soakSeconds(): number {
  const i = process.argv.indexOf("--soak-seconds");
  const value = i >= 0 ? Number(process.argv[i + 1]) : DEFAULT_SOAK_SECONDS;
  if (!Number.isFinite(value) || value <= 0) throw new Error("--soak-seconds takes a positive number of seconds");
  return value;
}

/**
 * Sequential GETs of `path`: warm-up ones (up to WARMUP_REQUESTS or WARMUP_MS), then up to SAMPLES
 * measured ones, or fewer when they take longer than FIGURE_MS in all (at least MIN_SAMPLES: a page
 * taking seconds still gets a figure, in minutes). Each must answer 200 and contain `expectText`;
 * returns the times, the server's CPU per request, the size of the last response and the list
 * total it shows.
 */
async function timePage(path: string, cookie: string, expectText: string, pgid: number): Promise<{ p50: number; p95: number; cpuMs: number; samples: number; kb: number; total: number | null }> {
  let body = "";
  const get = async () => {
    const t0 = performance.now();
    const res = await fetch(`${ORIGIN}${path}`, { headers: { cookie }, redirect: "manual" });
    body = await res.text();
    const ms = performance.now() - t0;
    if (res.status !== 200 || !body.includes(expectText)) throw new Error(`${path}: ${res.status}, ${body.includes(expectText) ? "" : `no "${expectText}" in the page`}`);
    return ms;
  };
  const warmupStart = performance.now();
  for (let i = 0; i < WARMUP_REQUESTS && (i === 0 || performance.now() - warmupStart < WARMUP_MS); i++) await get();
  const times: number[] = [];
  const cpuStart = groupCpuMs(pgid);
  const start = performance.now();
  while (times.length < SAMPLES && (times.length < MIN_SAMPLES || performance.now() - start < FIGURE_MS)) times.push(await get());
  const kb = Buffer.byteLength(body) / 1024;
  return { p50: percentile(times, 50), p95: percentile(times, 95), cpuMs: (groupCpuMs(pgid) - cpuStart) / times.length, samples: times.length, kb, total: listTotal(body) };
}

/** Calls `visit` with the pid and the /proc stat fields (after the name) of every process in group `pgid`. */
function forEachInGroup(pgid: number, visit: (pid: string, fields: string[]) => void): void {
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (Number(fields[2]) === pgid) visit(entry, fields);
    } catch {
      // the process ended meanwhile
    }
  }
}

/** Resident memory (MB) of every process in the server's process group (next start and its workers). */
function groupRssMb(pgid: number): number {
  let kb = 0;
  forEachInGroup(pgid, (pid) => {
    kb += Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0);
  });
  return kb / 1024;
}

/** CPU time (ms) used so far by every process in the server's process group (utime + stime, 100 Hz ticks). */
function groupCpuMs(pgid: number): number {
  let ticks = 0;
  forEachInGroup(pgid, (_pid, fields) => {
    ticks += Number(fields[11]) + Number(fields[12]);
  });
  return ticks * 10;
}

/** The careers page in Chromium: navigation → first bookable time slot, over cold loads; the scripts of the first one. */
async function measureCareers(path: string): Promise<{ p50: number; p95: number; js: { files: number; transfer: number; decoded: number } }> {
  const browser = await launchChromium();
  const classify = new Map<string, ScriptGroup>();
  try {
    // The first load only warms the server (route code, availability queries), as the pages' warm-up does.
    await coldLoad(browser, `${ORIGIN}${path}`, DESKTOP, classify);
    const traces: LoadTrace[] = [];
    for (let i = 0; i < COLD_LOADS; i++) traces.push(await coldLoad(browser, `${ORIGIN}${path}`, DESKTOP, classify));
    const times = traces.map((t) => t.nodeFirstSlot);
    return { p50: percentile(times, 50), p95: percentile(times, 95), js: scriptBytes(traces[0]!) };
  } finally {
    await browser.close();
  }
}

/** Mixed traffic for `seconds` (4 concurrent clients: pages, ingest, careers, availability), sampling RSS every 5 s. */
async function soak(
  seconds: number,
  pgid: number,
  pages: string[],
  cookie: string,
  say: (line: string) => void,
): Promise<{ first: number; last: number; max: number; requests: number; errors: number }> {
  // A warm-up of the same traffic first (a tenth of the soak, at least 30 s): the heap grows to its
  // working size and code is compiled; growth is judged after that.
  const warmupMs = Math.max(30, seconds / 10) * 1000;
  const samples: number[] = [];
  const start = Date.now();
  const deadline = start + warmupMs + seconds * 1000;
  let requests = 0;
  let errors = 0;
  let n = 0;
  const sampler = setInterval(() => Date.now() - start >= warmupMs && samples.push(groupRssMb(pgid)), 5_000);
  const client = async (worker: number) => {
    while (Date.now() < deadline) {
      const i = n++;
      try {
        let res: Response;
        if (worker === 0) {
          const body = bookingCreated(`scale-soak-${process.pid}-${i}`, i);
          const { createHmac } = await import("node:crypto");
          res = await fetch(`${ORIGIN}/api/webhooks/nylas`, { method: "POST", body, headers: { "x-nylas-signature": createHmac("sha256", SECRET).update(body).digest("hex") } });
        } else {
          res = await fetch(`${ORIGIN}${pages[i % pages.length]}`, { headers: worker === 1 ? {} : { cookie } });
        }
        await res.arrayBuffer();
        if (res.status >= 500) errors++;
      } catch {
        errors++;
      }
      requests++;
    }
  };
  const progress = setInterval(() => say(`  soak: ${requests} requests, RSS ${groupRssMb(pgid).toFixed(0)} MB`), 60_000);
  await Promise.all([0, 1, 2, 3].map(client));
  clearInterval(sampler);
  clearInterval(progress);
  samples.push(groupRssMb(pgid));
  // First and last tenth of the soak (at least one sample each), by median: one GC pause is not growth.
  const tenth = Math.max(1, Math.floor(samples.length / 10));
  return { first: percentile(samples.slice(0, tenth), 50), last: percentile(samples.slice(-tenth), 50), max: Math.max(...samples), requests, errors };
}

/** Stops `next start` and waits for its exit (the next size's server takes the same port). */
async function stopNextAndWait(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, "exit");
  stopNext(child);
  await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000))]);
}

type PageResult = { page: ScalePage; p50: number; p95: number; cpuMs: number; samples: number; wrong: string | null };
type SizeResult = { size: ScaleSize; pages: PageResult[]; figures: ScaleFigure[] };

/**
 * One size: the fresh database at `dbUrl` seeded with `size`, `next start` on it, every page timed,
 * the webhook ingest ratio; then, if asked, the careers page and the soak (`extra`) before the server stops.
 */
async function measureSize(size: ScaleSize, dbUrl: string, say: (line: string) => void, extra: { bootstrap: boolean; careers: boolean; soakSeconds: number | null }): Promise<SizeResult> {
  const seedStart = Date.now();
  const seeded = await seedAtScale(dbUrl, size, say);
  say(
    `seeded ${size.label} in ${((Date.now() - seedStart) / 1000).toFixed(1)} s: ${Object.entries(seeded.counts)
      .map(([t, n]) => `${n} ${t}`)
      .join(", ")}`,
  );

  const next = await startNext(PORT, { APP_URL: ORIGIN, DATABASE_URL: dbUrl, NYLAS_WEBHOOK_SECRET: SECRET, BENCH_BASELINE_ROUTE: "on", RUN_WORKERS: "on" });
  const db = new pg.Client({ connectionString: dbUrl });
  await db.connect();
  try {
    // The roles' scheduler configurations (the careers page needs them); lib/db keeps the first
    // database it connects to, so only the first size is bootstrapped.
    if (extra.bootstrap) await bootstrapSandbox({ APP_URL: ORIGIN, DATABASE_URL: dbUrl, NYLAS_WEBHOOK_SECRET: SECRET });
    const context = await listScalePages(db, new Date());
    say(`search matches (${context.transcripts} transcripts): ${context.matches.map((m) => `${m.term}: ${m.count}`).join("; ")}`);
    say(`before the measurements (${size.label}): ${machineLoad()}`);
    const cookies = { admin: await signIn(ORIGIN, "admin@example.com"), interviewer: await signIn(ORIGIN, context.interviewerEmail) };
    const figures: ScaleFigure[] = [];
    const pages: PageResult[] = [];

    // 1. Pages at scale.
    for (const page of context.pages) {
      const r = await timePage(page.path, cookies[page.viewer], page.expect, next.pid!);
      const wrong = checkTotal(page, r.total);
      pages.push({ page, ...r, wrong });
      say(
        `${page.name.padEnd(62)} p50 ${r.p50.toFixed(1).padStart(7)} ms  p95 ${r.p95.toFixed(1).padStart(7)} ms  CPU ${r.cpuMs.toFixed(1).padStart(6)} ms/req  ${r.kb.toFixed(0).padStart(4)} KB  n=${String(r.samples).padStart(3)}${r.total === null ? "" : `  total ${r.total}`}${wrong ? `  WRONG: ${wrong}` : ""}  (${page.path}${page.viewer === "interviewer" ? ` as ${context.interviewerEmail}` : ""})`,
      );
      figures.push({
        name: `${page.name}: p95 server time`,
        value: `${r.p95.toFixed(1)} ms (CPU ${r.cpuMs.toFixed(0)} ms/req)${wrong ? `, ${wrong}` : ""}`,
        target: "< 100 ms",
        ok: r.p95 < 100 && !wrong,
      });
    }

    // 2. Webhook ingest at this size against the verify-only route in the same build.
    const baseline = await load(`${ORIGIN}/api/bench/webhook-baseline`, 50, null);
    const webhook = await load(`${ORIGIN}/api/webhooks/nylas`, 50, new Set());
    const ratio = webhook.rps / baseline.rps;
    say(
      `ingest (50 connections): verify-only ${baseline.rps.toFixed(0)} req/s, /api/webhooks/nylas ${webhook.rps.toFixed(0)} req/s (p99 ${webhook.p99} ms, non-2xx ${webhook.non2xx}, errors ${webhook.errors})`,
    );
    figures.push({
      name: "webhook ingest vs verify-only",
      value: `${ratio.toFixed(2)}x (${webhook.rps.toFixed(0)} / ${baseline.rps.toFixed(0)} req/s)`,
      target: ">= 0.7x",
      ok: ratio >= 0.7 && webhook.non2xx === 0,
    });

    // 3. Careers page in Chromium (the availability the component fetches is part of the time).
    if (extra.careers) {
      const careers = await measureCareers("/careers/backend-engineer");
      say(
        `careers page, ${COLD_LOADS} cold loads: first bookable slot p50 ${careers.p50.toFixed(0)} ms, p95 ${careers.p95.toFixed(0)} ms; first-load JS ${careers.js.files} files, ${(careers.js.decoded / 1024).toFixed(0)} KB (${(careers.js.transfer / 1024).toFixed(0)} KB transferred)`,
      );
      figures.push({ name: "careers: navigation → first bookable slot", value: `p50 ${careers.p50.toFixed(0)} ms, p95 ${careers.p95.toFixed(0)} ms`, target: "reported", ok: true });
      figures.push({
        name: "careers: first-load JavaScript",
        value: `${(careers.js.decoded / 1024).toFixed(0)} KB raw, ${(careers.js.transfer / 1024).toFixed(0)} KB transferred, ${careers.js.files} files`,
        target: "reported",
        ok: true,
      });
    }

    // 4. Soak: RSS of the server's process group under mixed traffic.
    if (extra.soakSeconds !== null) {
      const soakFor = extra.soakSeconds;
      if (soakFor !== DEFAULT_SOAK_SECONDS) say(`soak: ${soakFor} s, shorter than the ${DEFAULT_SOAK_SECONDS} s the target is set for (--soak-seconds ${soakFor})`);
      const soakPages = [...context.pages.filter((p) => p.viewer === "admin").map((p) => p.path), "/careers", "/careers/backend-engineer"];
      const rss = await soak(soakFor, next.pid!, soakPages, cookies.admin, say);
      const growth = (rss.last - rss.first) / rss.first;
      say(
        `soak ${soakFor} s after a ${Math.max(30, soakFor / 10)} s warm-up: ${rss.requests} requests (${rss.errors} 5xx/errors); RSS ${rss.first.toFixed(0)} MB → ${rss.last.toFixed(0)} MB (max ${rss.max.toFixed(0)} MB), growth ${(growth * 100).toFixed(1)} %`,
      );
      figures.push({
        name: `RSS over a ${soakFor} s mixed soak`,
        value: `${rss.first.toFixed(0)} → ${rss.last.toFixed(0)} MB (${(growth * 100).toFixed(1)} %)`,
        target: "< 10 % growth",
        ok: growth < 0.1 && rss.errors === 0,
      });
    }
    say(`after the measurements (${size.label}): ${machineLoad()}`);
    return { size, pages, figures };
  } finally {
    await db.end();
    await stopNextAndWait(next);
  }
}

function printFigures(figures: ScaleFigure[], say: (line: string) => void): void {
  const width = Math.max(...figures.map((f) => f.name.length));
  const valueWidth = Math.max(...figures.map((f) => f.value.length));
  say(`\n${"figure".padEnd(width)}  ${"value".padEnd(valueWidth)}  target`);
  for (const f of figures) say(`${f.name.padEnd(width)}  ${f.value.padEnd(valueWidth)}  ${f.target.padEnd(14)} ${f.target === "reported" ? "" : f.ok ? "ok" : "MISSES"}`);
}

/** Each page's p95 at both sizes and how it grew (large / default); the target holds at both. */
function printGrowth(small: SizeResult, large: SizeResult, say: (line: string) => void): ScaleFigure[] {
  const width = Math.max(...small.pages.map((p) => p.page.name.length));
  say(`\n${"page".padEnd(width)}  ${"default p95".padStart(11)}  ${"large p95".padStart(11)}  growth`);
  const figures: ScaleFigure[] = [];
  for (const a of small.pages) {
    const b = large.pages.find((p) => p.page.name === a.page.name);
    if (!b) continue;
    const wrong = b.wrong ?? a.wrong;
    const ok = a.p95 < 100 && b.p95 < 100 && !wrong;
    say(
      `${a.page.name.padEnd(width)}  ${`${a.p95.toFixed(1)} ms`.padStart(11)}  ${`${b.p95.toFixed(1)} ms`.padStart(11)}  ${`${(b.p95 / a.p95).toFixed(2)}x`.padStart(6)}  ${ok ? "ok" : wrong ? `WRONG: ${wrong}` : "MISSES < 100 ms"}`,
    );
    figures.push({
      name: `${a.page.name}: p95 default → large`,
      value: `${a.p95.toFixed(1)} → ${b.p95.toFixed(1)} ms (${(b.p95 / a.p95).toFixed(2)}x)${wrong ? `, ${wrong}` : ""}`,
      target: "< 100 ms",
      ok,
    });
  }
  return figures;
}

/**
 * `npm run bench -- scale`: the default size, with the ingest ratio, the careers page and the soak.
 * `--large` adds the large size (100,000 candidates, 300,000 interviews, 50,000 transcripts = 1M
 * lines) in a second database against the same build, and prints each page's p95 at both sizes and
 * its growth; it skips the careers page and the soak unless `--careers` / `--soak-seconds N` ask.
 */
export async function runScaleBench(): Promise<{ lines: string[]; figures: ScaleFigure[] }> {
  const lines: string[] = [];
  const say = (line: string) => {
    console.log(line);
    lines.push(line);
  };
  const isLarge = process.argv.includes("--large");
  const soakFor = !isLarge || process.argv.includes("--soak-seconds") ? soakSeconds() : null;
  const careers = !isLarge || process.argv.includes("--careers");
  const sizes = isLarge ? [DEFAULT_SIZE, LARGE_SIZE] : [DEFAULT_SIZE];
  const started = Date.now();
  buildUnlessSkipped(say);
  const results: SizeResult[] = [];
  let stopServer: (() => Promise<void>) | null = null;
  try {
    for (const [i, size] of sizes.entries()) {
      const isFirst = i === 0;
      const isLast = i === sizes.length - 1;
      const { url, server } = await createBenchDatabase(size === LARGE_SIZE ? "portal_bench_scale_large" : "portal_bench_scale");
      // The first size starts the PostgreSQL server; the others reuse it.
      if (isFirst) stopServer = () => server.stop();
      results.push(await measureSize(size, url, say, { bootstrap: isFirst, careers: careers && isFirst, soakSeconds: isLast ? soakFor : null }));
    }
  } finally {
    if (stopServer) await stopServer();
  }
  const figures = isLarge
    ? [
        ...printGrowth(results[0]!, results[1]!, say),
        ...results.flatMap((r) => r.figures.filter((f) => !f.name.endsWith(": p95 server time")).map((f) => ({ ...f, name: `${f.name} (${r.size.label})` }))),
      ]
    : results[0]!.figures;
  printFigures(figures, say);
  say(`scale bench took ${((Date.now() - started) / 60_000).toFixed(1)} min`);
  return { lines, figures };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  await runScaleBench();
}
