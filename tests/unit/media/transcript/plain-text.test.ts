import { describe, expect, it } from "vitest";
import { parseError, parseOk, seg } from "@/tests/support/transcript-files";

describe("parseTranscript", () => {
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
});
