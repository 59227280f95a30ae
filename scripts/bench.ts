/**
 * `npm run bench`: performance benchmarks (not tests; nothing here fails a build). Prints each
 * benchmark's figures and a summary against its target. `npm run bench -- availability` runs one.
 */
import { runAvailabilityBench } from "./bench/availability";
import { runCareersBench } from "./bench/careers";
import { runDrainBench } from "./bench/drain";
import { runEvidenceBench } from "./bench/evidence";
import { exportBenchTarget, runExportBench } from "./bench/export";
import { runMediaBench } from "./bench/media";
import { runRetentionBench } from "./bench/retention";
import { runScaleBench } from "./bench/scale";
import { runWebhookBench } from "./bench/webhooks";

type Bench = { name: string; run: () => Promise<string> };

const benches: Bench[] = [
  {
    name: "availability",
    run: async () => {
      const r = await runAvailabilityBench();
      for (const line of r.lines) console.log(line);
      const ok = r.p50 < 5 && r.p95 < 10;
      return `availability: p50 ${r.p50.toFixed(2)} ms, p95 ${r.p95.toFixed(2)} ms (target p50 < 5 ms, p95 < 10 ms): ${ok ? "meets target" : "MISSES target"}`;
    },
  },
  {
    name: "webhooks",
    run: async () => {
      const r = await runWebhookBench();
      const ok = r.ratio >= 0.7 && r.p99 < 100 && r.lost === 0;
      return `webhooks: worst ${r.ratio.toFixed(2)}x baseline, p99 ${r.p99} ms where unsaturated, lost ${r.lost} (target >= 0.7x, p99 < 100 ms, 0 lost): ${ok ? "meets target" : "MISSES target"}`;
    },
  },
  {
    name: "media",
    run: async () => {
      const r = await runMediaBench();
      const ok = r.ratio >= 0.8 && r.peakRssGrowthMb < 64;
      return `media: ${r.ratio.toFixed(2)}x a raw stream-to-disk, peak RSS growth ${r.peakRssGrowthMb.toFixed(1)} MB (target >= 0.8x, < 64 MB): ${ok ? "meets target" : "MISSES target"}`;
    },
  },
  {
    name: "drain",
    run: async () => {
      const r = await runDrainBench();
      const two = r.perWorkers.find((p) => p.workers === 2);
      const ok = (two?.notificationsPerSecond ?? 0) >= 300 && r.latency.p99 < 50;
      return `drain: ${r.perWorkers.map((p) => `${p.workers} worker(s) ${p.notificationsPerSecond.toFixed(0)}/s`).join(", ")}; idle commit-to-processed p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms (target >= 300/s with 2 workers, p50 and p99 < 50 ms): ${ok ? "meets target" : "MISSES target"}`;
    },
  },
  {
    name: "evidence",
    run: async () => {
      const r = await runEvidenceBench();
      for (const line of r.lines) console.log(line);
      return `evidence: p50 ${r.p50.toFixed(2)} ms, p95 ${r.p95.toFixed(2)} ms for 900 segments × 8 competencies (target p95 < 50 ms): ${r.p95 < 50 ? "meets target" : "MISSES target"}`;
    },
  },
  {
    // `--gb N` sets the candidate's media size (default 2 GB).
    name: "export",
    run: async () => exportBenchTarget(await runExportBench()),
  },
  {
    // `--soak-seconds N` shortens the 10-minute RSS soak (the summary says so). `--large` adds the
    // 10x size (a second database, same build) and prints each page's growth; it skips the careers
    // page and the soak unless `--careers` / `--soak-seconds N` ask for them.
    name: "scale",
    run: async () => {
      const r = await runScaleBench();
      const missed = r.figures.filter((f) => !f.ok);
      return `scale: ${r.figures.length} figures, ${missed.length ? `MISSES ${missed.map((f) => f.name).join("; ")}` : "every target met"}`;
    },
  },
  {
    // `--no-build` reuses .next. Mobile: 5 loads, so its p95 is their maximum.
    name: "careers",
    run: async () => {
      const { desktop, mobile } = await runCareersBench();
      const ratio = desktop.careers / desktop.bare;
      const ok = desktop.careers <= 800 && ratio <= 1.15;
      return `careers: first bookable slot p95 ${desktop.careers.toFixed(0)} ms desktop (bare page ${desktop.bare.toFixed(0)} ms, ${ratio.toFixed(2)}x), mobile ${mobile.careers.toFixed(0)} ms (bare ${mobile.bare.toFixed(0)} ms) (target desktop p95 <= 800 ms and <= 1.15x the bare page; mobile reported): ${ok ? "meets target" : "MISSES target"}`;
    },
  },
  {
    // `--scale F` seeds a fraction of the 100,000 files and 5,000,000 transcript lines (e.g. 0.02 for a quick check).
    name: "retention",
    run: async () => {
      const r = await runRetentionBench();
      const ratio = r.during.p95 / r.idle.p95;
      const ok = r.during.p95 < 2 * r.idle.p95 && r.during.p95 < 250;
      return `retention: dashboard p95 ${r.idle.p95.toFixed(1)} ms idle, ${r.during.p95.toFixed(1)} ms during a ${r.runSeconds.toFixed(1)} s run (${ratio.toFixed(2)}x); files deleted ${r.filesDrainSeconds === null ? "NOT within an hour" : `${r.filesDrainSeconds.toFixed(1)} s after`} (target during < 2x idle and < 250 ms): ${ok ? "meets target" : "MISSES target"}`;
    },
  },
];

const args = process.argv.slice(2);
// Flags, and the values of `--soak-seconds N`, `--gb N` and `--scale F`, are not benchmark names.
const VALUE_FLAGS = new Set(["--soak-seconds", "--gb", "--scale"]);
const only = args.filter((a, i) => !a.startsWith("-") && !VALUE_FLAGS.has(args[i - 1] ?? ""));
const selected = only.length ? benches.filter((b) => only.includes(b.name)) : benches;
if (!selected.length) {
  console.error(`Unknown benchmark. Available: ${benches.map((b) => b.name).join(", ")}`);
  process.exit(1);
}

const summary: string[] = [];
for (const bench of selected) {
  console.log(`\n== ${bench.name} ==`);
  summary.push(await bench.run());
}
console.log(`\n== summary ==\n${summary.join("\n")}`);
