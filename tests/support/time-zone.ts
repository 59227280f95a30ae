/**
 * Runs tests in a time zone other than the machine's (process.env.TZ, which Node applies as soon as
 * it is assigned) and puts the original back afterwards: deleted when it was unset, since assigning
 * `undefined` would set the zone named "undefined" (UTC, silently).
 */
import { afterAll, beforeAll } from "vitest";

function restore(original: string | undefined): void {
  if (original === undefined) delete process.env.TZ;
  else process.env.TZ = original;
}

/** The enclosing describe (or file) runs in `zone`. */
export function runInTimeZone(zone: string): void {
  let original: string | undefined;
  beforeAll(() => {
    original = process.env.TZ;
    process.env.TZ = zone;
  });
  afterAll(() => restore(original));
}

/** Runs `run` in `zone`. */
export function withTimeZone<T>(zone: string, run: () => T): T {
  const original = process.env.TZ;
  process.env.TZ = zone;
  try {
    return run();
  } finally {
    restore(original);
  }
}
