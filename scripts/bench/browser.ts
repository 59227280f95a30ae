/**
 * What the browser benchmarks share (`scale`, `careers`): Debian's Chromium through Playwright,
 * cold loads of a page holding `<NylasScheduling>` timed to its first bookable slot, and a trace
 * of each load's phases (Navigation and Resource Timing, Server-Timing of the component's own
 * requests, when the element was defined and rendered, long tasks, layout shifts) and of the
 * scripts it fetched (CDP: bytes on the wire).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { chromium, devices, type Browser, type BrowserContextOptions } from "@playwright/test";

const SYSTEM_CHROMIUM = "/usr/bin/chromium";
/** A bookable time in the component's timeslot picker (inside its shadow roots). */
const SLOT = "[part~='ntp__timeslot']";
/** Layout shifts are counted up to this long after the first slot (the list settling). */
const CLS_SETTLE_MS = 500;

export type Profile = {
  name: string;
  context: BrowserContextOptions;
  /** Emulation.setCPUThrottlingRate (4 = a mid-range phone on this machine's cores). */
  cpuRate?: number;
  /** Network.emulateNetworkConditions: latency in ms, throughput in bytes/s. */
  network?: { latency: number; downloadThroughput: number; uploadThroughput: number };
};

export const DESKTOP: Profile = { name: "desktop", context: { viewport: { width: 1280, height: 800 } } };

/** A phone: Pixel 7 viewport and user agent, 4x CPU slowdown, DevTools' "Slow 4G" preset (1.6 Mbit/s × 0.9, 750 kbit/s × 0.9, 150 ms RTT × 3.75). */
export const MOBILE: Profile = {
  name: "mobile",
  context: { ...devices["Pixel 7"] },
  cpuRate: 4,
  network: { latency: 562.5, downloadThroughput: (1.6 * 1000 * 1000 * 0.9) / 8, uploadThroughput: (750 * 1000 * 0.9) / 8 },
};

export type ScriptGroup = "next runtime" | "ours" | "nylas";

/** One request's Resource Timing (ms from navigation start); `server`: its Server-Timing durations. */
type RequestTiming = { start: number; end: number; server: number | null };

/** One cold load. Times are ms from the page's navigation start (performance.timeOrigin). */
export type LoadTrace = {
  /** In the page: the first frame in which a bookable slot was visible. */
  firstSlot: number;
  /** In Node: from before page.goto to Playwright seeing the slot (the figure issue 8 reported). */
  nodeFirstSlot: number;
  ttfb: number;
  htmlEnd: number;
  domContentLoaded: number;
  /** Download end of the last script of each group, and when the Nylas chunk was requested. */
  runtimeJsEnd: number;
  ourJsEnd: number;
  nylasStart: number;
  nylasEnd: number;
  /** customElements.whenDefined("nylas-scheduling"): the Nylas chunk has been evaluated. */
  defined: number;
  /** The first frame in which a <nylas-scheduling> element was in the document. */
  inDom: number;
  uiSettings: RequestTiming | null;
  availability: RequestTiming | null;
  /** Requests to /v3/scheduling/* before the slot (ui-settings, availability, any repeat). */
  schedulingRequests: number;
  /** Sum of long tasks (main thread > 50 ms) that started before the slot. */
  longTaskMs: number;
  /** Sum of layout-shift values (without recent input) up to CLS_SETTLE_MS after the slot. */
  cls: number;
  scripts: { url: string; group: ScriptGroup; transfer: number; decoded: number }[];
};

/** Installed before any of the page's scripts: observers, and a per-frame check for the first slot. */
const INIT_SCRIPT = `(() => {
  const b = { shifts: [], longTasks: [], defined: null, inDom: null, firstSlot: null };
  window.__bench = b;
  new PerformanceObserver((list) => { for (const e of list.getEntries()) if (!e.hadRecentInput) b.shifts.push([e.startTime, e.value]); }).observe({ type: "layout-shift", buffered: true });
  new PerformanceObserver((list) => { for (const e of list.getEntries()) b.longTasks.push([e.startTime, e.duration]); }).observe({ type: "longtask", buffered: true });
  customElements.whenDefined("nylas-scheduling").then(() => { b.defined = performance.now(); });
  const find = (root) => {
    const hit = root.querySelector(${JSON.stringify(SLOT)});
    if (hit) return hit;
    for (const el of root.querySelectorAll("*")) if (el.shadowRoot) { const inner = find(el.shadowRoot); if (inner) return inner; }
    return null;
  };
  const tick = () => {
    const host = document.querySelector("nylas-scheduling");
    if (host && b.inDom === null) b.inDom = performance.now();
    const slot = host && host.shadowRoot && find(host.shadowRoot);
    if (slot && slot.checkVisibility()) { b.firstSlot = performance.now(); return; }
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})()`;

/** Read in the page once the slot is there. */
const READ_TRACE = `(() => {
  const nav = performance.getEntriesByType("navigation")[0];
  const resources = performance.getEntriesByType("resource").map((e) => ({
    name: e.name, start: e.startTime, end: e.responseEnd, decoded: e.decodedBodySize, server: e.serverTiming.length ? e.serverTiming[0].duration : null,
  }));
  return { ttfb: nav.responseStart, htmlEnd: nav.responseEnd, domContentLoaded: nav.domContentLoadedEventEnd, resources, bench: window.__bench };
})()`;

type InPage = {
  ttfb: number;
  htmlEnd: number;
  domContentLoaded: number;
  resources: { name: string; start: number; end: number; decoded: number; server: number | null }[];
  bench: { shifts: [number, number][]; longTasks: [number, number][]; defined: number | null; inDom: number | null; firstSlot: number };
};

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: SYSTEM_CHROMIUM,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
}

/** The Next.js runtime's files of the build in ./.next (React, the router: on every page). */
function runtimeScriptPaths(): Set<string> {
  const manifest = JSON.parse(readFileSync(path.join(".next", "build-manifest.json"), "utf8")) as { rootMainFiles: string[] };
  return new Set(manifest.rootMainFiles.map((file) => `/_next/${file}`));
}

/**
 * Cold loads of `url` (a new browser context each: empty cache, no cookies), each timed to the first
 * bookable slot. `classify` remembers which script URLs are the Nylas bundle (by its content, on
 * first sight), so pass the same map to every call in a build.
 */
export async function coldLoad(browser: Browser, url: string, profile: Profile, classify: Map<string, ScriptGroup>): Promise<LoadTrace> {
  const runtime = runtimeScriptPaths();
  const context = await browser.newContext(profile.context);
  try {
    await context.addInitScript({ content: INIT_SCRIPT });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send("Network.enable");
    if (profile.network) await cdp.send("Network.emulateNetworkConditions", { offline: false, ...profile.network });
    if (profile.cpuRate) await cdp.send("Emulation.setCPUThrottlingRate", { rate: profile.cpuRate });
    const scripts = new Map<string, { url: string; transfer: number }>();
    const unknown: Promise<void>[] = [];
    cdp.on("Network.responseReceived", (e) => {
      if (e.type === "Script") scripts.set(e.requestId, { url: e.response.url, transfer: 0 });
    });
    cdp.on("Network.loadingFinished", (e) => {
      const script = scripts.get(e.requestId);
      if (!script) return;
      script.transfer = e.encodedDataLength;
      const pathname = new URL(script.url).pathname;
      if (runtime.has(pathname)) classify.set(script.url, "next runtime");
      if (classify.has(script.url)) return;
      unknown.push(
        cdp.send("Network.getResponseBody", { requestId: e.requestId }).then(
          (r) => void classify.set(script.url, r.body.includes("nylas-timeslot-picker") ? "nylas" : "ours"),
          () => undefined,
        ),
      );
    });

    const t0 = performance.now();
    await page.goto(url, { waitUntil: "commit" });
    await page.locator(SLOT).first().waitFor({ state: "visible", timeout: 180_000 });
    const nodeFirstSlot = performance.now() - t0;
    await page.waitForFunction("window.__bench.firstSlot !== null", undefined, { timeout: 30_000 });
    await page.waitForTimeout(CLS_SETTLE_MS);
    const trace = (await page.evaluate(READ_TRACE)) as InPage;
    await Promise.all(unknown);
    return toTrace(trace, nodeFirstSlot, [...scripts.values()], classify);
  } finally {
    await context.close();
  }
}

function toTrace(t: InPage, nodeFirstSlot: number, transfers: { url: string; transfer: number }[], classify: Map<string, ScriptGroup>): LoadTrace {
  const firstSlot = t.bench.firstSlot;
  const before = t.resources.filter((r) => r.start < firstSlot);
  const transferOf = new Map(transfers.map((s) => [s.url, s.transfer]));
  const scripts = before
    .filter((r) => transferOf.has(r.name))
    .map((r) => ({ url: r.name, group: classify.get(r.name) ?? "ours", transfer: transferOf.get(r.name)!, decoded: r.decoded, start: r.start, end: r.end }));
  const lastEnd = (group: ScriptGroup) => Math.max(0, ...scripts.filter((s) => s.group === group).map((s) => s.end));
  const nylas = scripts.filter((s) => s.group === "nylas");
  const scheduling = before.filter((r) => new URL(r.name).pathname.startsWith("/v3/scheduling/"));
  const request = (name: string): RequestTiming | null => {
    const r = scheduling.find((s) => new URL(s.name).pathname === `/v3/scheduling/${name}`);
    return r ? { start: r.start, end: r.end, server: r.server } : null;
  };
  return {
    firstSlot,
    nodeFirstSlot,
    ttfb: t.ttfb,
    htmlEnd: t.htmlEnd,
    domContentLoaded: t.domContentLoaded,
    runtimeJsEnd: lastEnd("next runtime"),
    ourJsEnd: lastEnd("ours"),
    nylasStart: Math.min(...nylas.map((s) => s.start)),
    nylasEnd: Math.max(...nylas.map((s) => s.end)),
    defined: t.bench.defined ?? Number.NaN,
    inDom: t.bench.inDom ?? Number.NaN,
    uiSettings: request("ui-settings"),
    availability: request("availability"),
    schedulingRequests: scheduling.length,
    longTaskMs: t.bench.longTasks.filter(([start]) => start < firstSlot).reduce((sum, [, duration]) => sum + duration, 0),
    cls: t.bench.shifts.filter(([start]) => start <= firstSlot + CLS_SETTLE_MS).reduce((sum, [, value]) => sum + value, 0),
    scripts: scripts.map(({ url, group, transfer, decoded }) => ({ url, group, transfer, decoded })),
  };
}

/** Scripts a load fetched before its first slot: files and bytes (on the wire, decoded), in all and per group. */
export function scriptBytes(trace: LoadTrace, group?: ScriptGroup): { files: number; transfer: number; decoded: number } {
  const scripts = group ? trace.scripts.filter((s) => s.group === group) : trace.scripts;
  return { files: scripts.length, transfer: scripts.reduce((n, s) => n + s.transfer, 0), decoded: scripts.reduce((n, s) => n + s.decoded, 0) };
}
