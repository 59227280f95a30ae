import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import { computeAvailability, convertLocalTimeToInstant, type AvailabilityInput, type AvailabilityMethod, type EngineParticipant, type Interval } from "../../lib/scheduling";
import { createRng } from "../../lib/utils";

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
const DAYS = 30;
const PARTICIPANTS = 10;
const EVENTS_PER_DAY = 8;
const WARMUP_RUNS = 50;
const TIMED_RUNS = 300;
const TIME_ZONES = ["America/New_York", "Europe/Berlin", "Asia/Kolkata"];
// Monday; the 30 days include the US (Mar 8) and EU (Mar 29) daylight-saving changes.
const NOW = Date.UTC(2026, 2, 2, 0, 0);

function buildParticipants(eventsPerDay: number, seed: number): EngineParticipant[] {
  const random = createRng(seed);
  const firstDay = Math.floor(NOW / DAY_MS);
  return Array.from({ length: PARTICIPANTS }, (_, index) => {
    const timezone = TIME_ZONES[index % TIME_ZONES.length] ?? "UTC";
    const busy: Interval[] = [];
    for (let day = firstDay; day < firstDay + DAYS; day++) {
      // Events cluster in the local working day (8:00-18:00), where they actually compete with slots.
      const morning = convertLocalTimeToInstant(timezone, day, 8 * 60);
      for (let event = 0; event < eventsPerDay; event++) {
        const start = morning + Math.floor(random() * 120) * 5 * MINUTE_MS;
        busy.push({ start, end: start + (15 + Math.floor(random() * 6) * 15) * MINUTE_MS });
      }
    }
    // Shuffle so the engine really has to sort.
    for (let i = busy.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      const swap = busy[i] as Interval;
      busy[i] = busy[j] as Interval;
      busy[j] = swap;
    }
    return {
      email: `interviewer${index + 1}@example.com`,
      openHours: [{ days: [1, 2, 3, 4, 5], start: "9:00", end: "17:00", timezone }],
      busy,
      lastBookedAt: index % 3 === 0 ? null : NOW - Math.floor(random() * 30) * DAY_MS,
    };
  });
}

function buildInput(method: AvailabilityMethod, eventsPerDay: number): AvailabilityInput {
  return {
    now: NOW,
    windowStart: NOW,
    windowEnd: NOW + DAYS * DAY_MS,
    durationMinutes: 30,
    buffer: { before: 5, after: 5 },
    minBookingNoticeMinutes: 60,
    availableDaysInFuture: DAYS,
    method,
    participants: buildParticipants(eventsPerDay, 20_260_302),
  };
}

function percentile(sorted: number[], fraction: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)] ?? NaN;
}

type Measurement = { p50: number; p95: number; max: number; slots: number; events: number };

// With `advanceNow`, every run sees a new clock (as real requests do), so the range bounds are
// fresh instants that miss the time-zone memo; only the per-date window instants repeat.
function measure(input: AvailabilityInput, advanceNow = false): Measurement {
  let slots = 0;
  for (let run = 0; run < WARMUP_RUNS; run++) slots = computeAvailability(input).slots.length;
  const samples: number[] = [];
  for (let run = 0; run < TIMED_RUNS; run++) {
    const now = advanceNow ? input.now + (run + 1) * 7 * 1000 : input.now;
    const request = advanceNow ? { ...input, now, windowStart: now } : input;
    const started = performance.now();
    computeAvailability(request);
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  const events = input.participants.reduce((total, participant) => total + participant.busy.length, 0);
  return { p50: percentile(samples, 0.5), p95: percentile(samples, 0.95), max: samples[samples.length - 1] ?? NaN, slots, events };
}

const format = (ms: number) => ms.toFixed(3).padStart(7);

export async function runAvailabilityBench(): Promise<{ name: string; p50: number; p95: number; lines: string[] }> {
  const lines: string[] = [];
  const headline = buildInput("max-availability", EVENTS_PER_DAY);

  // First call pays for Intl formatter construction and fills the time-zone memo tables.
  const coldStarted = performance.now();
  computeAvailability(headline);
  const cold = performance.now() - coldStarted;

  const main = measure(headline);
  lines.push(
    `availability: ${PARTICIPANTS} participants x ${DAYS} days x ${EVENTS_PER_DAY} events/day (${main.events} events), ${TIMED_RUNS} runs`,
    `  max-availability  p50 ${format(main.p50)} ms  p95 ${format(main.p95)} ms  max ${format(main.max)} ms  slots ${main.slots}  (first call ${cold.toFixed(3)} ms)`,
  );
  const moving = measure(headline, true);
  lines.push(`  max-availability  p50 ${format(moving.p50)} ms  p95 ${format(moving.p95)} ms  max ${format(moving.max)} ms  (clock advancing every run)`);
  for (const method of ["max-fairness", "collective"] as const) {
    const result = measure(buildInput(method, EVENTS_PER_DAY));
    // Collective finds nothing here: 9-17 in New York and in Kolkata never overlap.
    lines.push(`  ${method.padEnd(16)}  p50 ${format(result.p50)} ms  p95 ${format(result.p95)} ms  max ${format(result.max)} ms  slots ${result.slots}`);
  }

  lines.push("  growth with events (max-availability):");
  for (const factor of [1, 2, 4]) {
    const result = factor === 1 ? main : measure(buildInput("max-availability", EVENTS_PER_DAY * factor));
    lines.push(
      `    ${factor}x (${String(result.events).padStart(5)} events)  p50 ${format(result.p50)} ms  p95 ${format(result.p95)} ms  ratio ${(result.p50 / main.p50).toFixed(2)}  slots ${result.slots}`,
    );
  }

  const verdict = main.p50 < 5 && main.p95 < 10 ? "PASS" : "FAIL";
  lines.push(`  target p50 < 5 ms, p95 < 10 ms: ${verdict}`);
  return { name: "availability", p50: main.p50, p95: main.p95, lines };
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const result = await runAvailabilityBench();
  for (const line of result.lines) console.log(line);
}
