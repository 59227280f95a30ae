import { describe, expect, it } from "vitest";
import {
  MAX_SEGMENT_TEXT_CHARS,
  MAX_SPEAKER_CHARS,
  MAX_TRANSCRIPT_SEGMENTS,
  parseTranscript,
  type ParsedTranscript,
  type TranscriptHint,
} from "@/lib/media/transcript";

function parseOk(content: string, hint?: TranscriptHint): ParsedTranscript {
  const result = parseTranscript(content, hint);
  if (!result.ok) throw new Error(`expected ok, got: ${result.error}`);
  return result.value;
}

function parseError(content: string, hint?: TranscriptHint): string {
  const result = parseTranscript(content, hint);
  if (result.ok) throw new Error(`expected an error, got: ${JSON.stringify(result.value).slice(0, 200)}`);
  return result.error;
}

const seg = (speaker: string | null, startMs: number | null, endMs: number | null, text: string) => ({ speaker, startMs, endMs, text });
const nylas = (transcript: unknown) => JSON.stringify({ object: "transcript", type: "speaker_labelled", transcript });

// Shaped like a Notetaker transcript.json for a 30-minute phone screen (nylas-contract §5).
const NYLAS_SPEAKER_LABELLED = `{
  "object": "transcript",
  "type": "speaker_labelled",
  "transcript": [
    {"speaker": "Ana López", "start": 15120, "end": 21480, "text": "Thanks for joining, Dana. Can you hear me okay?"},
    {"speaker": "Dana Chen", "start": 22010, "end": 24950, "text": "Yes, loud and clear. Thanks for having me."},
    {"speaker": "Ana López", "start": 25300, "end": 41870, "text": "Great. Let's start with the payments migration you led at Northwind — what was your role?"},
    {"speaker": "Dana Chen", "start": 42500, "end": 100330, "text": "I owned the ledger service. We moved about 40 million rows\\nwith zero downtime using dual writes."}
  ]
}`;

// Shaped like a Microsoft Teams meeting transcript download (.vtt): GUID cue ids, voice tags.
const TEAMS_WEBVTT = `WEBVTT

8f3c1a2e-6b4d-4e7a-9c1f-2d5e8a7b6c4d/14-0
00:00:03.120 --> 00:00:07.450
<v Ana López>Thanks for joining, Dana. Can you hear me okay?</v>

8f3c1a2e-6b4d-4e7a-9c1f-2d5e8a7b6c4d/15-0
00:00:08.010 --> 00:00:10.900
<v Dana Chen>Yes, loud and clear.</v>

8f3c1a2e-6b4d-4e7a-9c1f-2d5e8a7b6c4d/16-0
00:00:11.300 --> 00:00:19.870
<v Ana López>Great. Tell me about the payments
migration you led at Northwind &amp; your role.</v>
`;

// Shaped like a Zoom cloud-recording transcript (.vtt): numeric ids, "Name: text" lines.
const ZOOM_WEBVTT = `WEBVTT

1
00:00:01.350 --> 00:00:04.870
Ana López: Thanks for joining, Dana.

2
00:00:05.100 --> 00:00:09.020
Dana Chen: Happy to be here. I read the job description twice.

3
01:02:03.004 --> 01:02:05.000
Ana López: We're at time, thank you!
`;

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
      expect(parseOk(nylas([{ speaker: "Ana", text: "Hi" }, { speaker: "Bo", start: null, end: 10, text: "Yo" }])).segments).toEqual([
        seg("Ana", null, null, "Hi"),
        seg("Bo", null, 10, "Yo"),
      ]);
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
      const content = nylas([{ speaker: "Bad", text: "skipped", ...times }, { speaker: "Good", start: 0, end: 1, text: "kept" }]);
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
      expect(parseError(nylas([{ text: "Hi", start: -3 }]))).toBe(
        "The transcript file has no usable lines: its only entry could not be read (entry 1 has an invalid start time).",
      );
      expect(parseError(nylas([{ text: "Hi", end: "soon" }]))).toBe(
        "The transcript file has no usable lines: its only entry could not be read (entry 1 has an invalid end time).",
      );
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
      expect(parseError(entries(MAX_TRANSCRIPT_SEGMENTS + 1))).toBe(
        "The transcript file has more than 50,000 lines, which is more than one interview can produce.",
      );
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

  describe("WebVTT", () => {
    it("reads a Teams transcript with voice tags and cue identifiers", () => {
      expect(parseOk(TEAMS_WEBVTT)).toEqual({
        format: "webvtt",
        segments: [
          seg("Ana López", 3120, 7450, "Thanks for joining, Dana. Can you hear me okay?"),
          seg("Dana Chen", 8010, 10900, "Yes, loud and clear."),
          seg("Ana López", 11300, 19870, "Great. Tell me about the payments migration you led at Northwind & your role."),
        ],
      });
    });

    it("reads a Zoom transcript with Name: prefixes and hour timings", () => {
      expect(parseOk(ZOOM_WEBVTT).segments).toEqual([
        seg("Ana López", 1350, 4870, "Thanks for joining, Dana."),
        seg("Dana Chen", 5100, 9020, "Happy to be here. I read the job description twice."),
        seg("Ana López", 3723004, 3725000, "We're at time, thank you!"),
      ]);
    });

    it("reads mm:ss.mmm timings and ignores cue settings", () => {
      const content = "WEBVTT\n\n00:01.000 --> 00:04.500 align:start position:10% line:0\nHello\n";
      expect(parseOk(content).segments).toEqual([seg(null, 1000, 4500, "Hello")]);
    });

    it("skips NOTE, STYLE and REGION blocks and header metadata", () => {
      const content = [
        "WEBVTT - Interview",
        "Kind: captions",
        "Language: en",
        "",
        "REGION",
        "id:left width:40%",
        "",
        "STYLE",
        "::cue { color: yellow }",
        "",
        "NOTE recorded by Acme Notes",
        "spans two lines",
        "",
        "00:00:01.000 --> 00:00:02.000",
        "Only cue",
      ].join("\n");
      expect(parseOk(content).segments).toEqual([seg(null, 1000, 2000, "Only cue")]);
    });

    it("takes the speaker from a voice tag with classes and no closing tag", () => {
      const content = "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v.loud.first Dana Chen>Can you repeat that?\n";
      expect(parseOk(content).segments).toEqual([seg("Dana Chen", 1000, 2000, "Can you repeat that?")]);
    });

    it("splits a cue spoken by two voices into two segments with the cue's times", () => {
      const content = "WEBVTT\n\n00:00:05.000 --> 00:00:06.000\n<v Ana>Ready?</v>\n<v Dana>Ready.</v>\n";
      expect(parseOk(content).segments).toEqual([seg("Ana", 5000, 6000, "Ready?"), seg("Dana", 5000, 6000, "Ready.")]);
    });

    it("strips formatting and timestamp tags", () => {
      const content = "WEBVTT\n\n00:00:01.000 --> 00:00:03.000\n<c.yellow>We</c> <i>really</i> <b>liked</b> <u>the</u> <00:00:02.000>demo <ruby>漢<rt>かん</rt></ruby> <lang en>ok</lang>\n";
      expect(parseOk(content).segments[0]?.text).toBe("We really liked the demo 漢かん ok");
    });

    it("decodes entities once and keeps escaped markup as text", () => {
      const content = "WEBVTT\n\n00:00:01.000 --> 00:00:03.000\nQ&amp;A&nbsp;time &lt;script&gt;alert(1)&lt;/script&gt; &amp;lt; &#233;&#x1F600; &bogus;\n";
      expect(parseOk(content).segments[0]?.text).toBe("Q&A time <script>alert(1)</script> &lt; é😀 &bogus;");
    });

    it("keeps an unknown tag such as <script> as text", () => {
      const content = "WEBVTT\n\n00:00:01.000 --> 00:00:03.000\nDana: <script>alert(1)</script>\n";
      expect(parseOk(content).segments).toEqual([seg("Dana", 1000, 3000, "<script>alert(1)</script>")]);
    });

    it("decodes entities in a voice name", () => {
      const content = "WEBVTT\n\n00:00:01.000 --> 00:00:03.000\n<v Smith &amp; Wesson>Hi</v>\n";
      expect(parseOk(content).segments[0]?.speaker).toBe("Smith & Wesson");
    });

    it("skips a cue with a malformed timing line and keeps the others", () => {
      const content = "WEBVTT\n\n1\n00:00:01.000 --> 00:00:xx.000\nbroken\n\n2\n00:00:03.000 -> 00:00:04.000\nbroken too\n\n3\n00:00:05.000 --> 00:00:06.000\nkept\n";
      expect(parseOk(content).segments).toEqual([seg(null, 5000, 6000, "kept")]);
    });

    it("skips a cue that ends before it starts", () => {
      const content = "WEBVTT\n\n00:00:09.000 --> 00:00:01.000\nbackwards\n\n00:00:10.000 --> 00:00:11.000\nkept\n";
      expect(parseOk(content).segments).toEqual([seg(null, 10000, 11000, "kept")]);
    });

    it("names the line of the first bad timing when no cue can be read", () => {
      const content = "WEBVTT\n\nNOTE x\n\n1\n00:00:61.000 --> 00:00:62.000\nbad seconds\n\n00:00:05,000 --> soon\nbad end\n";
      expect(parseError(content)).toBe("The WebVTT file has no readable cues (the timing on line 6 is not valid).");
    });

    it("names a block that has no timing line", () => {
      expect(parseError("WEBVTT\n\njust some text\nand more\n")).toBe("The WebVTT file has no readable cues (the cue at line 3 has no timing line).");
    });

    it("rejects a file that is only a header", () => {
      expect(parseError("WEBVTT\n\n")).toBe("The WebVTT file has no cues with text.");
    });

    it("reads a file with a BOM and CRLF line endings", () => {
      const content = `\uFEFF${TEAMS_WEBVTT.replace(/\n/g, "\r\n")}`;
      expect(parseOk(content)).toEqual(parseOk(TEAMS_WEBVTT));
    });

    it("reads a first cue that follows the header without a blank line", () => {
      const content = "WEBVTT\n1\n00:00:01.000 --> 00:00:02.000\nHello\n\n00:00:03.000 --> 00:00:04.000\nBye";
      expect(parseOk(content).segments).toEqual([seg(null, 1000, 2000, "Hello"), seg(null, 3000, 4000, "Bye")]);
    });

    it.each([[{ fileName: "interview.vtt" }], [{ contentType: "text/vtt; charset=utf-8" }], [{ fileName: "INTERVIEW.VTT" }]])(
      "rejects a .vtt file without the WEBVTT header (%o)",
      (hint) => {
        const headerless = "1\n00:00:01.000 --> 00:00:02.000\nHello\n";
        expect(parseError(headerless, hint)).toBe("The transcript file is not a WebVTT file (it must start with WEBVTT).");
      },
    );
  });

  describe("SRT", () => {
    const SRT = [
      "1",
      "00:00:01,000 --> 00:00:04,200",
      "<i>Ana López:</i> Welcome to the",
      "final round.",
      "",
      "2",
      "00:00:05,000 --> 00:00:07,500",
      '{\\an8}<font color="#ffff00">Dana Chen:</font> <b>Thank</b> you!',
      "",
    ].join("\n");

    it("reads numbered cues with speaker prefixes and strips formatting", () => {
      expect(parseOk(SRT)).toEqual({
        format: "srt",
        segments: [seg("Ana López", 1000, 4200, "Welcome to the final round."), seg("Dana Chen", 5000, 7500, "Thank you!")],
      });
    });

    it("reads CRLF line endings and dot milliseconds", () => {
      expect(parseOk("1\r\n00:00:01.000 --> 00:00:02.000\r\nHi\r\n").segments).toEqual([seg(null, 1000, 2000, "Hi")]);
    });

    it("reads cues without index lines", () => {
      expect(parseOk("00:00:01,000 --> 00:00:02,000\nHi\n\n00:00:03,000 --> 00:00:04,000\nBye").segments).toEqual([
        seg(null, 1000, 2000, "Hi"),
        seg(null, 3000, 4000, "Bye"),
      ]);
    });

    it("skips a cue with a broken timing line, even the first one", () => {
      const content = "1\n00:00:01,000 -> 00:00:02,000\nbroken\n\n2\n00:00:03,000 --> 00:00:04,000\nkept\n\n3\n00:00:05 --> 00:0x:06,000\nbroken\n";
      expect(parseOk(content).segments).toEqual([seg(null, 3000, 4000, "kept")]);
    });

    it("names the first broken timing line when no cue can be read", () => {
      expect(parseError("1\n00:00:01,000 --> 00:00:02;000\nbroken\n")).toBe("The SRT file has no readable cues (the timing on line 2 is not valid).");
    });

    it("keeps <script> and literal entities as text", () => {
      expect(parseOk("1\n00:00:01,000 --> 00:00:02,000\n<script>x</script> &amp;\n").segments[0]?.text).toBe("<script>x</script> &amp;");
    });

    it("rejects a .srt file that is not SRT", () => {
      expect(parseError("Ana: hello", { fileName: "call.srt" })).toBe(
        "The transcript file is not an SRT file (it must start with a cue number and a line like 00:00:01,000 --> 00:00:04,000).",
      );
      expect(parseError("Ana: hello", { contentType: "application/x-subrip" })).toMatch(/^The transcript file is not an SRT file/);
    });
  });

  describe("plain text", () => {
    it("reads one segment per line with optional speakers", () => {
      const content = "Ana López: Thanks for joining.\n\n   \nDana Chen: Thanks for having me.\n(laughter)\n";
      expect(parseOk(content)).toEqual({
        format: "text",
        segments: [seg("Ana López", null, null, "Thanks for joining."), seg("Dana Chen", null, null, "Thanks for having me."), seg(null, null, null, "(laughter)")],
      });
    });

    it.each([
      ["[01:02:03] Ana: Hi", 3723000],
      ["[02:03] Ana: Hi", 123000],
      ["(02:03) Ana: Hi", 123000],
      ["[1:02:03.5] Ana: Hi", 3723500],
      ["01:02:03 - Ana: Hi", 3723000],
      ["02:03 – Ana: Hi", 123000],
      ["02:03 | Ana: Hi", 123000],
      ["01:02:03 Ana: Hi", 3723000],
      ["[75:10] Ana: Hi", 4510000],
    ])("reads the leading timestamp in %s", (line, startMs) => {
      expect(parseOk(line).segments).toEqual([seg("Ana", startMs, null, "Hi")]);
    });

    it("ends each line where the next starts and leaves the last open", () => {
      const content = "[00:00:05] Ana: Hello\n[00:00:09] Dana: Hi\n[00:00:08] Ana: out of order\nno stamp\n[00:01:00] Dana: Bye";
      expect(parseOk(content).segments).toEqual([
        seg("Ana", 5000, 9000, "Hello"),
        seg("Dana", 9000, null, "Hi"),
        seg("Ana", 8000, null, "out of order"),
        seg(null, null, null, "no stamp"),
        seg("Dana", 60000, null, "Bye"),
      ]);
    });

    it.each([
      ["9:30 works for me", seg(null, null, null, "9:30 works for me")],
      ["[00:75] Ana: Hi", seg(null, null, null, "[00:75] Ana: Hi")],
      ["https://meet.example.com/abc is the link", seg(null, null, null, "https://meet.example.com/abc is the link")],
      ["See https://example.com: it works", seg(null, null, null, "See https://example.com: it works")],
      ["We met at 10:30: it went well", seg(null, null, null, "We met at 10:30: it went well")],
      ["One two three four five six: too long", seg(null, null, null, "One two three four five six: too long")],
      ["Did you say: yes?", seg("Did you say", null, null, "yes?")],
      ["Why? Because: reasons", seg(null, null, null, "Why? Because: reasons")],
      ["2024: a good year", seg(null, null, null, "2024: a good year")],
      ["Ana:no space", seg(null, null, null, "Ana:no space")],
    ])("decides whether %j has a speaker or timestamp", (line, expected) => {
      expect(parseOk(line).segments).toEqual([expected]);
    });

    it("reads unicode speaker names, including a full-width colon", () => {
      const content = "Łukasz Wiśniewski: Dzień dobry\n李雷：你好\nZoë 🙂 O'Brien-Núñez: Hi\nمريم: مرحبا";
      expect(parseOk(content).segments.map((s) => [s.speaker, s.text])).toEqual([
        ["Łukasz Wiśniewski", "Dzień dobry"],
        ["李雷", "你好"],
        ["Zoë 🙂 O'Brien-Núñez", "Hi"],
        ["مريم", "مرحبا"],
      ]);
    });

    it("removes control characters, turns tabs into spaces and reads CRLF", () => {
      const content = "\uFEFFAna:\tHello\u0000\u0008 there\r\nDana:  Hi\u007f!\r\n";
      expect(parseOk(content).segments).toEqual([seg("Ana", null, null, "Hello there"), seg("Dana", null, null, "Hi!")]);
    });

    it("keeps markup as text", () => {
      expect(parseOk("Dana: <script>alert(1)</script> &amp;").segments).toEqual([seg("Dana", null, null, "<script>alert(1)</script> &amp;")]);
    });

    it("is not fooled by a timestamp that starts like a JSON array", () => {
      expect(parseOk("[00:01] Ana: Hi\n[00:02] Dana: Hello").format).toBe("text");
    });

    it("skips lines that hold only a speaker or a timestamp", () => {
      expect(parseOk("Ana:\n[00:00:03]\nDana: Hi").segments).toEqual([seg("Dana", null, null, "Hi")]);
      expect(parseError("Ana:\n[00:00:03]\n")).toBe("The transcript file has no lines with text.");
    });

    it("caps a long line at 10,000 characters", () => {
      const text = parseOk(`Ana: ${"x".repeat(12_000)}`).segments[0]?.text;
      expect(text).toBe(`${"x".repeat(9_999)}…`);
    });

    it("accepts 50,000 lines and rejects 50,001", () => {
      const lines = (count: number) => Array.from({ length: count }, (_, i) => `S${i % 7}: line ${i}`).join("\n");
      expect(parseOk(lines(50_000)).segments).toHaveLength(50_000);
      expect(parseError(lines(50_001))).toBe("The transcript file has more than 50,000 lines, which is more than one interview can produce.");
    });
  });

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
