import { describe, expect, it } from "vitest";
import { parseTranscript } from "@/lib/media/transcript";
import { NYLAS_SPEAKER_LABELLED, parseError, parseOk, seg, TEAMS_WEBVTT, ZOOM_WEBVTT } from "@/tests/support/transcript-files";

describe("parseTranscript", () => {
  describe("detection and hints", () => {
    it.each([[""], ["   \n\t\r\n "], ["\uFEFF"], ["\u0000\u0001"]])("rejects an empty file (%j)", (content) => {
      expect(parseError(content)).toBe("The transcript file is empty.");
    });

    it("sniffs the content before trusting the file name", () => {
      expect(parseOk(TEAMS_WEBVTT, { fileName: "transcript.txt" }).format).toBe("webvtt");
      expect(parseOk(TEAMS_WEBVTT, { fileName: "transcript.srt" }).format).toBe("webvtt");
      expect(parseOk(ZOOM_WEBVTT, { fileName: "transcript.json", contentType: "application/json" }).format).toBe("webvtt");
      expect(parseOk(NYLAS_SPEAKER_LABELLED, { fileName: "notes.txt", contentType: "text/plain" }).format).toBe("speaker_labelled");
      expect(parseOk("1\n00:00:01,000 --> 00:00:02,000\nHi", { contentType: "text/plain" }).format).toBe("srt");
    });

    it("reports a .json file that is not JSON", () => {
      expect(parseError("Ana: hello", { fileName: "transcript.json" })).toBe("The transcript file is not valid JSON.");
      expect(parseError("Ana: hello", { contentType: "application/json; charset=utf-8" })).toBe("The transcript file is not valid JSON.");
      expect(parseError('"unterminated', { fileName: "t.json" })).toBe("The transcript file is not valid JSON (it ends too early, so it may be cut off).");
    });

    it("reads broken JSON-looking content as text when the file says it is text", () => {
      expect(parseOk('{"speaker": "Ana"', { fileName: "notes.txt" }).segments).toEqual([seg(null, null, null, '{"speaker": "Ana"')]);
    });

    it("reads a text file that happens to start with a quote", () => {
      expect(parseOk('"Hello," said Ana.').segments).toEqual([seg(null, null, null, '"Hello," said Ana.')]);
    });

    it("fails instead of throwing when given something that is not a string", () => {
      expect(parseTranscript(undefined as unknown as string)).toEqual({ ok: false, error: "The transcript file could not be read as text." });
    });

    it("never throws and keeps every error short, whatever slice of a real file it gets", () => {
      const samples = [NYLAS_SPEAKER_LABELLED, TEAMS_WEBVTT, ZOOM_WEBVTT, "1\n00:00:01,000 --> 00:00:02,000\nHi\n", "[00:01] Ana: Hi"];
      let seed = 42;
      const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
      for (let i = 0; i < 2_000; i++) {
        const sample = samples[i % samples.length] ?? "";
        const from = Math.floor(random() * sample.length);
        const to = from + Math.floor(random() * (sample.length - from + 1));
        const noise = random() < 0.3 ? String.fromCharCode(Math.floor(random() * 0x250)) : "";
        const result = parseTranscript(sample.slice(0, from) + noise + sample.slice(to));
        if (!result.ok) expect(result.error.length).toBeLessThanOrEqual(200);
      }
    });
  });
});
