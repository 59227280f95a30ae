import { describe, expect, it } from "vitest";
import { parseError, parseOk, seg, TEAMS_WEBVTT, ZOOM_WEBVTT } from "@/tests/support/transcript-files";

describe("parseTranscript", () => {
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

    it.each([[{ fileName: "interview.vtt" }], [{ contentType: "text/vtt; charset=utf-8" }], [{ fileName: "INTERVIEW.VTT" }]])("rejects a .vtt file without the WEBVTT header (%o)", (hint) => {
      const headerless = "1\n00:00:01.000 --> 00:00:02.000\nHello\n";
      expect(parseError(headerless, hint)).toBe("The transcript file is not a WebVTT file (it must start with WEBVTT).");
    });
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
      expect(parseOk("00:00:01,000 --> 00:00:02,000\nHi\n\n00:00:03,000 --> 00:00:04,000\nBye").segments).toEqual([seg(null, 1000, 2000, "Hi"), seg(null, 3000, 4000, "Bye")]);
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
      expect(parseError("Ana: hello", { fileName: "call.srt" })).toBe("The transcript file is not an SRT file (it must start with a cue number and a line like 00:00:01,000 --> 00:00:04,000).");
      expect(parseError("Ana: hello", { contentType: "application/x-subrip" })).toMatch(/^The transcript file is not an SRT file/);
    });
  });
});
