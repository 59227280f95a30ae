import { describe, expect, it } from "vitest";
import { formatVttTime, segmentsToWebVtt } from "@/lib/media/webvtt";

describe("formatVttTime", () => {
  it("writes hours, minutes, seconds and milliseconds, zero-padded", () => {
    expect(formatVttTime(0)).toBe("00:00:00.000");
    expect(formatVttTime(3_723_456)).toBe("01:02:03.456");
  });

  it("reads a negative time as zero", () => {
    expect(formatVttTime(-5)).toBe("00:00:00.000");
  });
});

describe("segmentsToWebVtt", () => {
  it("writes one cue per timed segment, voiced by its speaker", () => {
    const vtt = segmentsToWebVtt([
      { speaker: "Sarah Kim", startMs: 0, endMs: 4_000, text: "Welcome." },
      { speaker: null, startMs: 4_000, endMs: 6_500, text: "Thanks." },
    ]);
    expect(vtt).toBe("WEBVTT\n\n00:00:00.000 --> 00:00:04.000\n<v Sarah Kim>Welcome.\n\n00:00:04.000 --> 00:00:06.500\nThanks.\n");
  });

  it("leaves out untimed segments and orders cues by start", () => {
    const vtt = segmentsToWebVtt([
      { speaker: "B", startMs: 9_000, endMs: 10_000, text: "second" },
      { speaker: "A", startMs: null, endMs: null, text: "untimed" },
      { speaker: "A", startMs: 1_000, endMs: 2_000, text: "first" },
    ]);
    expect(vtt).not.toContain("untimed");
    expect(vtt.indexOf("first")).toBeLessThan(vtt.indexOf("second"));
  });

  it("ends an open cue at the next one, or after ten seconds at most", () => {
    const vtt = segmentsToWebVtt([
      { speaker: null, startMs: 0, endMs: null, text: "a" },
      { speaker: null, startMs: 3_000, endMs: 1_000, text: "b" },
    ]);
    expect(vtt).toContain("00:00:00.000 --> 00:00:03.000\na");
    expect(vtt).toContain("00:00:03.000 --> 00:00:13.000\nb");
  });

  it("escapes markup and an arrow so text cannot end or restyle the cue", () => {
    const vtt = segmentsToWebVtt([{ speaker: "<b>Eve</b>", startMs: 0, endMs: 1_000, text: "a --> b & <i>c</i>\nd" }]);
    expect(vtt).toContain("<v &lt;b&gt;Eve&lt;/b&gt;>a --&gt; b &amp; &lt;i&gt;c&lt;/i&gt; d");
  });
});
