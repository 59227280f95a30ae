import { describe, expect, it } from "vitest";
import { MAX_SEGMENT_TEXT_CHARS, MAX_SPEAKER_CHARS, MAX_TRANSCRIPT_SEGMENTS } from "@/lib/media/transcript";
import { nylas, NYLAS_SPEAKER_LABELLED, parseError, parseOk, seg } from "@/tests/support/transcript-files";

describe("parseTranscript", () => {
  describe("Nylas speaker_labelled JSON", () => {
    it("reads a Notetaker transcript with millisecond times", () => {
      expect(parseOk(NYLAS_SPEAKER_LABELLED)).toEqual({
        format: "speaker_labelled",
        segments: [
          seg("Ana López", 15120, 21480, "Thanks for joining, Dana. Can you hear me okay?"),
          seg("Dana Chen", 22010, 24950, "Yes, loud and clear. Thanks for having me."),
          seg("Ana López", 25300, 41870, "Great. Let's start with the payments migration you led at Northwind — what was your role?"),
          seg("Dana Chen", 42500, 100330, "I owned the ledger service. We moved about 40 million rows with zero downtime using dual writes."),
        ],
      });
    });

    it("reads a bare array of entries", () => {
      expect(parseOk('[{"speaker":"Ana","start":0,"end":900,"text":"Hi"}]')).toEqual({ format: "speaker_labelled", segments: [seg("Ana", 0, 900, "Hi")] });
    });

    it("reads an object whose type is missing when transcript is a list", () => {
      expect(parseOk('{"object":"transcript","transcript":[{"speaker":"Ana","start":5,"end":6,"text":"Hi"}]}').segments).toEqual([seg("Ana", 5, 6, "Hi")]);
    });

    it("accepts numeric strings for times and rounds fractional milliseconds", () => {
      const content = nylas([{ speaker: "Ana", start: "15120", end: " 16000.6 ", text: "Hi" }]);
      expect(parseOk(content).segments).toEqual([seg("Ana", 15120, 16001, "Hi")]);
    });

    it("keeps an entry without times, with null times", () => {
      expect(
        parseOk(
          nylas([
            { speaker: "Ana", text: "Hi" },
            { speaker: "Bo", start: null, end: 10, text: "Yo" },
          ]),
        ).segments,
      ).toEqual([seg("Ana", null, null, "Hi"), seg("Bo", null, 10, "Yo")]);
    });

    it("gives a null speaker when it is missing, blank or not a string", () => {
      const entries = [{ text: "a" }, { speaker: "   ", text: "b" }, { speaker: 3, text: "c" }, { speaker: { name: "Ana" }, text: "d" }, { speaker: null, text: "e" }];
      expect(parseOk(nylas(entries)).segments.map((s) => s.speaker)).toEqual([null, null, null, null, null]);
    });

    it("skips entries without usable text and keeps the rest", () => {
      const entries = [{ speaker: "A", text: "" }, { speaker: "B", text: "  \n " }, { speaker: "C" }, { speaker: "D", text: 42 }, { speaker: "E", text: ["x"] }, { speaker: "F", text: "kept" }];
      expect(parseOk(nylas(entries)).segments).toEqual([seg("F", null, null, "kept")]);
    });

    it("skips entries that are not objects", () => {
      expect(parseOk(nylas(["Ana: hi", null, 7, [], { text: "kept" }])).segments).toEqual([seg(null, null, null, "kept")]);
    });

    it.each([
      ["a negative start", { start: -1, end: 10 }],
      ["a negative end", { start: 0, end: -10 }],
      ["a negative numeric string", { start: "-5", end: 10 }],
      ["a non-numeric string", { start: "abc", end: 10 }],
      ["an empty string", { start: "", end: 10 }],
      ["a boolean", { start: true, end: 10 }],
      ["an object", { start: { ms: 1 }, end: 10 }],
      ["a time beyond the safe integer range", { start: 0, end: 2 ** 60 }],
      ["an end before the start", { start: 5000, end: 4000 }],
    ])("skips an entry with %s", (_label, times) => {
      const content = nylas([
        { speaker: "Bad", text: "skipped", ...times },
        { speaker: "Good", start: 0, end: 1, text: "kept" },
      ]);
      expect(parseOk(content).segments).toEqual([seg("Good", 0, 1, "kept")]);
    });

    it("skips an entry whose time is not finite", () => {
      // 1e999 is valid JSON that parses to Infinity.
      const content = '[{"text":"skipped","start":1e999},{"text":"kept","start":1,"end":2}]';
      expect(parseOk(content).segments).toEqual([seg(null, 1, 2, "kept")]);
    });

    it("names the first unusable entry when none can be read", () => {
      const content = nylas([{ speaker: "Ana", text: "ok", start: 10, end: 5 }, { text: "" }]);
      expect(parseError(content)).toBe("The transcript file has no usable lines: none of its 2 entries could be read (entry 1 ends before it starts).");
    });

    it("reports a single unusable entry in the singular", () => {
      expect(parseError(nylas([{ text: "Hi", start: -3 }]))).toBe("The transcript file has no usable lines: its only entry could not be read (entry 1 has an invalid start time).");
      expect(parseError(nylas([{ text: "Hi", end: "soon" }]))).toBe("The transcript file has no usable lines: its only entry could not be read (entry 1 has an invalid end time).");
    });

    it("rejects an empty list of lines", () => {
      expect(parseError("[]")).toBe("The transcript file has no lines.");
      expect(parseError(nylas([]))).toBe("The transcript file has no lines.");
    });

    it.each([["42"], ["true"], ["null"], ['{"object":"transcript","type":"speaker_labelled"}'], ['{"transcript":42}'], ['{"transcript":{"text":"hi"}}']])(
      "rejects JSON without a transcript: %s",
      (content) => {
        // The .json name matters only for scalars: without it, "42" is a one-line text transcript.
        expect(parseError(content, { fileName: "transcript.json" })).toBe("The transcript file has no transcript in it (expected a Nylas transcript, a list of lines, or text).");
      },
    );

    it("tells the recruiter when a summary or action items file was given instead", () => {
      expect(parseError('{"object":"summary","summary":"Strong candidate."}')).toBe("This is a meeting summary file, not a transcript.");
      expect(parseError('{"object":"action_items","action_items":[]}')).toBe("This is an action items file, not a transcript.");
    });

    it("reports truncated JSON as possibly cut off", () => {
      const truncated = NYLAS_SPEAKER_LABELLED.slice(0, 180);
      expect(parseError(truncated)).toBe("The transcript file is not valid JSON (it ends too early, so it may be cut off).");
    });

    it("reports the line of the first JSON syntax error", () => {
      const content = '{\n  "object": "transcript",\n  "transcript": [\n    {"text": "hi",}\n  ]\n}';
      expect(parseError(content)).toBe("The transcript file is not valid JSON (the first problem is on line 4).");
    });

    it("reads JSON with a BOM and CRLF line endings", () => {
      const content = `\uFEFF${NYLAS_SPEAKER_LABELLED.replace(/\n/g, "\r\n")}`;
      expect(parseOk(content).segments).toHaveLength(4);
    });

    it("removes control characters and collapses whitespace in speaker and text", () => {
      const content = nylas([{ speaker: "\u0007Ana\tLópez\u0000 ", text: "  Hello\u0000\u001b[31m\r\n  there\u0085\u200b! " }]);
      expect(parseOk(content).segments).toEqual([seg("Ana López", null, null, "Hello[31m there\u200b!")]);
    });

    it("replaces half a surrogate pair from a JSON escape", () => {
      expect(parseOk('[{"text":"ok \\ud83d then"}]').segments[0]?.text).toBe("ok \uFFFD then");
    });

    it("keeps markup in the text as plain text", () => {
      const text = '<script>alert("x")</script> <b>bold</b> &amp;';
      expect(parseOk(nylas([{ speaker: "<img src=x onerror=alert(1)>", text }])).segments).toEqual([seg("<img src=x onerror=alert(1)>", null, null, text)]);
    });

    it("caps a speaker at 120 characters and a text at 10,000 with an ellipsis", () => {
      const segment = parseOk(nylas([{ speaker: "S".repeat(500), text: "t".repeat(20_000) }])).segments[0];
      expect(segment?.speaker).toBe(`${"S".repeat(MAX_SPEAKER_CHARS - 1)}…`);
      expect(segment?.text).toBe(`${"t".repeat(MAX_SEGMENT_TEXT_CHARS - 1)}…`);
      expect(segment?.text).toHaveLength(10_000);
    });

    it("does not split an emoji when capping", () => {
      const speaker = `${"a".repeat(118)}😀😀`;
      expect(parseOk(nylas([{ speaker, text: "hi" }])).segments[0]?.speaker).toBe(`${"a".repeat(118)}…`);
    });

    it("accepts 50,000 lines and rejects 50,001", () => {
      const entries = (count: number) => JSON.stringify(Array.from({ length: count }, (_, i) => ({ speaker: "A", start: i, end: i + 1, text: "w" })));
      expect(parseOk(entries(MAX_TRANSCRIPT_SEGMENTS)).segments).toHaveLength(50_000);
      expect(parseError(entries(MAX_TRANSCRIPT_SEGMENTS + 1))).toBe("The transcript file has more than 50,000 lines, which is more than one interview can produce.");
    });
  });

  describe("Nylas raw JSON", () => {
    it("reads the plain-text transcript with speaker prefixes", () => {
      const content = JSON.stringify({ object: "transcript", type: "raw", transcript: "Ana López: Hello Dana.\nDana Chen: Hi!\n\nsome noise" });
      expect(parseOk(content)).toEqual({
        format: "raw",
        segments: [seg("Ana López", null, null, "Hello Dana."), seg("Dana Chen", null, null, "Hi!"), seg(null, null, null, "some noise")],
      });
    });

    it("reads timestamps inside a raw transcript", () => {
      const content = JSON.stringify({ object: "transcript", type: "raw", transcript: "[00:00:05] Ana: Hello\r\n[00:00:09] Dana: Hi" });
      expect(parseOk(content).segments).toEqual([seg("Ana", 5000, 9000, "Hello"), seg("Dana", 9000, null, "Hi")]);
    });

    it("reads a bare JSON string as a raw transcript", () => {
      expect(parseOk('"Ana: Hello\\nDana: Hi"')).toEqual({ format: "raw", segments: [seg("Ana", null, null, "Hello"), seg("Dana", null, null, "Hi")] });
    });

    it("rejects an empty raw transcript", () => {
      expect(parseError('{"object":"transcript","type":"raw","transcript":"  \\n "}')).toBe("The transcript file is empty.");
    });
  });
});
