/** Pure: a transcript as WebVTT captions (https://www.w3.org/TR/webvtt1/), for the debrief's <track>. */

export type CaptionSegment = { speaker: string | null; startMs: number | null; endMs: number | null; text: string };

/** A cue without an end (or ending before it starts) lasts until the next one, at most this long. */
const MAX_OPEN_CUE_MS = 10_000;

/** 3_723_456 → "01:02:03.456" (WebVTT wants hours, minutes, seconds and milliseconds). */
export function formatVttTime(ms: number): string {
  const total = Math.max(0, Math.round(ms));
  const pad = (n: number, width = 2) => String(n).padStart(width, "0");
  return `${pad(Math.floor(total / 3_600_000))}:${pad(Math.floor(total / 60_000) % 60)}:${pad(Math.floor(total / 1000) % 60)}.${pad(total % 1000, 3)}`;
}

/**
 * The timed segments as a WebVTT file: one cue each, voiced by its speaker (`<v Name>`). Untimed
 * segments are left out. "-->" and markup characters in the text cannot end the cue early.
 */
export function segmentsToWebVtt(segments: readonly CaptionSegment[]): string {
  const timed = segments.filter((s): s is CaptionSegment & { startMs: number } => s.startMs !== null).sort((a, b) => a.startMs - b.startMs);
  const escape = (text: string) => text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");
  const cues = timed.map((s, i) => {
    const next = timed[i + 1]?.startMs;
    const openEnd = Math.min(s.startMs + MAX_OPEN_CUE_MS, next ?? Infinity);
    const end = s.endMs !== null && s.endMs > s.startMs ? s.endMs : Math.max(openEnd, s.startMs + 1);
    const text = escape(s.text.replace(/\s*\n\s*/g, " ").trim());
    const voice = s.speaker ? `<v ${escape(s.speaker.replace(/\s+/g, " ").trim())}>` : "";
    return `${formatVttTime(s.startMs)} --> ${formatVttTime(end)}\n${voice}${text}`;
  });
  return ["WEBVTT", ...cues].join("\n\n") + "\n";
}
