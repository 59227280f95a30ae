/**
 * Pure: HTTP Range requests (RFC 9110 §14) for one representation of `size` bytes. One range is
 * served (what media players ask for); a header with several ranges, or one we cannot read, is
 * ignored and the whole file is sent, which the RFC allows. Shared by the app's media routes
 * (lib/media/serve.ts) and the sandbox's media URLs (lib/sandbox/notetaker-media.ts).
 */

export type RangeDecision = { kind: "full" } | { kind: "partial"; start: number; end: number } | { kind: "unsatisfiable" };

const SINGLE_RANGE = /^bytes=(\d*)-(\d*)$/i;

export function decideRange(header: string | null | undefined, size: number): RangeDecision {
  if (!header) return { kind: "full" };
  const match = SINGLE_RANGE.exec(header.trim());
  if (!match) return { kind: "full" };
  const [, first = "", last = ""] = match;
  if (first === "" && last === "") return { kind: "full" };
  if (first === "") {
    // bytes=-N: the last N bytes
    const suffix = Number(last);
    if (!Number.isSafeInteger(suffix) || suffix === 0) return { kind: "unsatisfiable" };
    // RFC 9110 §14.1.1: a non-zero suffix of an empty representation is the (empty) whole of it.
    if (size === 0) return { kind: "full" };
    return { kind: "partial", start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(first);
  if (!Number.isSafeInteger(start) || start >= size) return { kind: "unsatisfiable" };
  const end = last === "" ? size - 1 : Math.min(Number(last), size - 1);
  if (!Number.isSafeInteger(end) || end < start) return last !== "" && Number(last) < start ? { kind: "full" } : { kind: "unsatisfiable" };
  return { kind: "partial", start, end };
}

/** Headers for a range decision (the caller adds Content-Type and friends). */
export function rangeHeaders(decision: RangeDecision, size: number): { status: 200 | 206 | 416; headers: Record<string, string> } {
  const common = { "accept-ranges": "bytes" };
  if (decision.kind === "unsatisfiable") return { status: 416, headers: { ...common, "content-range": `bytes */${size}` } };
  if (decision.kind === "partial") {
    return {
      status: 206,
      headers: { ...common, "content-range": `bytes ${decision.start}-${decision.end}/${size}`, "content-length": String(decision.end - decision.start + 1) },
    };
  }
  return { status: 200, headers: { ...common, "content-length": String(size) } };
}
