/**
 * Evidence mapping benchmark (`npm run bench -- evidence`, issue 15): mapEvidence over a seeded
 * 60-minute transcript (900 segments, two speakers, ~30 words each, cue words sprinkled through
 * ordinary interview talk), a 20-sentence summary and 8 action items, against a scorecard of 8
 * competencies with 6 realistic cues each. 20 unmeasured runs, then 200 timed ones.
 * Target: p95 < 50 ms on the 2-core dev machine.
 */
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import { mapEvidence, type EvidenceActionItem, type EvidenceSegment, type MapEvidenceInput } from "../../lib/scorecards/evidence";
import { createRng } from "../../lib/utils";

const SEGMENTS = 900;
const DURATION_MS = 60 * 60_000;
const WARMUP_RUNS = 20;
const TIMED_RUNS = 200;
const TARGET_P95_MS = 50;

const COMPETENCIES: MapEvidenceInput["scorecard"]["competencies"] = [
  { key: "system-design", name: "System design", cues: ["trade-offs", "load balancing", "horizontal scaling", "caching strategy", "single point of failure", "capacity planning"] },
  { key: "reliability", name: "Reliability", cues: ["retries", "exponential backoff", "idempotent", "on call", "incident postmortem", "graceful degradation"] },
  { key: "data-modelling", name: "Data modelling", cues: ["schema migration", "unique index", "normalised tables", "foreign key", "query plan", "partitioning"] },
  { key: "testing", name: "Testing", cues: ["unit tests", "integration tests", "test coverage", "flaky tests", "load testing", "contract tests"] },
  { key: "communication", name: "Communication", cues: ["design document", "explained clearly", "stakeholders", "written proposal", "asked clarifying questions", "summarised"] },
  { key: "ownership", name: "Ownership", cues: ["took ownership", "followed through", "my responsibility", "fixed it myself", "end to end", "accountable"] },
  { key: "collaboration", name: "Collaboration", cues: ["paired with", "code review", "mentored", "cross-team", "disagreed and committed", "helped a colleague"] },
  { key: "product-sense", name: "Product sense", cues: ["customer impact", "user research", "metrics moved", "prioritised", "shipped incrementally", "business goal"] },
];

const FILLER = (
  "so we we had a the team was looking at it and then I think basically what happened is that our service started to get a lot more traffic " +
  "than we expected and we needed to figure out what to do about it in the short term while also thinking about the longer term plan for the " +
  "platform which honestly was not in a great shape at the time because of several decisions made years earlier by people who had since left"
).split(" ");

function buildInput(seed: number): MapEvidenceInput {
  const random = createRng(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const cueWords = COMPETENCIES.flatMap((c) => c.cues.flatMap((cue) => cue.split(/\s+/)));
  const sentence = (words: number) => {
    const out: string[] = [];
    for (let i = 0; i < words; i++) out.push(random() < 0.08 ? pick(cueWords) : pick(FILLER));
    // One segment in ten says a whole cue, as a candidate would.
    if (random() < 0.1) out.splice(Math.floor(random() * out.length), 0, pick(pick(COMPETENCIES).cues));
    return `${out.join(" ")}.`;
  };
  const step = DURATION_MS / SEGMENTS;
  const segments: EvidenceSegment[] = Array.from({ length: SEGMENTS }, (_, position) => ({
    position,
    speaker: position % 3 === 0 ? "Interviewer" : "Candidate",
    startMs: Math.round(position * step),
    text: [sentence(10 + Math.floor(random() * 10)), sentence(8 + Math.floor(random() * 12))].join(" "),
  }));
  const summary = Array.from({ length: 20 }, () => `- ${sentence(15)}`).join("\n");
  const actionItems: EvidenceActionItem[] = Array.from({ length: 8 }, (_, position) => ({ position, text: sentence(10) }));
  return { scorecard: { competencies: COMPETENCIES }, segments, summary, actionItems };
}

function percentile(sorted: number[], fraction: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)] ?? NaN;
}

export async function runEvidenceBench(): Promise<{ p50: number; p95: number; lines: string[] }> {
  const input = buildInput(15);
  const words = input.segments.reduce((n, s) => n + s.text.split(" ").length, 0);
  let checksum = 0;
  for (let i = 0; i < WARMUP_RUNS; i++) checksum += mapEvidence(input).length;
  const samples: number[] = [];
  let result = mapEvidence(input);
  for (let i = 0; i < TIMED_RUNS; i++) {
    const started = performance.now();
    result = mapEvidence(input);
    samples.push(performance.now() - started);
    checksum += result.length;
  }
  samples.sort((a, b) => a - b);
  const p50 = percentile(samples, 0.5);
  const p95 = percentile(samples, 0.95);
  const covered = result.filter((r) => r.covered).length;
  const evidence = result.reduce((n, r) => n + r.evidence.length, 0);
  const format = (ms: number) => ms.toFixed(2);
  const lines = [
    `  fixture: ${input.segments.length} segments (${words.toLocaleString("en-US")} words), ${COMPETENCIES.length} competencies × 6 cues, 20 summary sentences, 8 action items (seed 15)`,
    `  result: ${covered}/${COMPETENCIES.length} covered, ${evidence} evidence items (checksum ${checksum})`,
    `  mapEvidence  p50 ${format(p50)} ms  p95 ${format(p95)} ms  max ${format(samples[samples.length - 1] ?? NaN)} ms  (${TIMED_RUNS} runs after ${WARMUP_RUNS} warm-up)`,
    `  target p95 < ${TARGET_P95_MS} ms: ${p95 < TARGET_P95_MS ? "meets target" : "MISSES target"}`,
  ];
  return { p50, p95, lines };
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const result = await runEvidenceBench();
  for (const line of result.lines) console.log(line);
}
