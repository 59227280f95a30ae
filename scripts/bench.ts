/**
 * `npm run bench`: performance benchmarks (not tests; nothing here fails a build). Prints each
 * benchmark's figures and a summary against its target. `npm run bench -- availability` runs one.
 */
import { runAvailabilityBench } from "./bench/availability";

type Bench = { name: string; target: { p50: number; p95: number }; run: () => Promise<{ p50: number; p95: number; lines: string[] }> };

const benches: Bench[] = [
  { name: "availability", target: { p50: 5, p95: 10 }, run: runAvailabilityBench },
];

const only = process.argv.slice(2).filter((a) => !a.startsWith("-"));
const selected = only.length ? benches.filter((b) => only.includes(b.name)) : benches;
if (!selected.length) {
  console.error(`Unknown benchmark. Available: ${benches.map((b) => b.name).join(", ")}`);
  process.exit(1);
}

const summary: string[] = [];
for (const bench of selected) {
  console.log(`\n== ${bench.name} ==`);
  const result = await bench.run();
  for (const line of result.lines) console.log(line);
  const ok = result.p50 < bench.target.p50 && result.p95 < bench.target.p95;
  summary.push(
    `${bench.name}: p50 ${result.p50.toFixed(2)} ms, p95 ${result.p95.toFixed(2)} ms (target p50 < ${bench.target.p50} ms, p95 < ${bench.target.p95} ms): ${ok ? "meets target" : "MISSES target"}`,
  );
}
console.log(`\n== summary ==\n${summary.join("\n")}`);
