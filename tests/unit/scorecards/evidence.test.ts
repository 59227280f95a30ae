import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { EVIDENCE_CAPS, mapEvidence, quoteAround, withoutCompetencyLabel, type EvidenceSegment, type MapEvidenceInput } from "@/lib/scorecards/evidence";
import { compileCue, findCueWindow, splitSentences, stemWord, tokenize } from "@/lib/scorecards/text-match";

const seg = (position: number, text: string, over: Partial<EvidenceSegment> = {}): EvidenceSegment => ({ position, speaker: "candidate", startMs: position * 1_000, text, ...over });
const card = (...competencies: Array<{ key: string; cues: string[] }>): MapEvidenceInput["scorecard"] => ({ competencies: competencies.map((c) => ({ ...c, name: c.key.toUpperCase() })) });
const run = (over: Partial<MapEvidenceInput>) => mapEvidence({ scorecard: card({ key: "k", cues: ["trade-offs"] }), segments: [], summary: null, actionItems: [], ...over });

describe("stemWord", () => {
  it("strips -s, -es, -ies, -ing, -ed and -ly so inflections meet", () => {
    const same = (words: string[]) => expect(new Set(words.map(stemWord)).size).toBe(1);
    same(["scale", "scales", "scaled", "scaling"]);
    same(["retry", "retries", "retried"]);
    same(["run", "running"]);
    same(["process", "processes"]);
    same(["mentor", "mentors", "mentoring", "mentored"]);
    same(["quick", "quickly"]);
  });

  it("leaves short words and -ss, -us, -is endings alone", () => {
    expect(["bus", "status", "analysis", "class", "is", "was"].map(stemWord)).toEqual(["bus", "status", "analysis", "class", "is", "was"]);
  });
});

describe("tokenize", () => {
  it("lowercases, drops diacritics and apostrophes, and keeps each word's place", () => {
    const text = "Naïve CACHÉ, don't!";
    const tokens = tokenize(text);
    expect(tokens.map((t) => t.stem)).toEqual(["naiv", "cach", "dont"]);
    expect(tokens.map((t) => text.slice(t.start, t.end))).toEqual(["Naïve", "CACHÉ", "don't"]);
  });
});

describe("compileCue", () => {
  it("drops stop-words but keeps a cue made only of them", () => {
    expect(compileCue("ownership of the outcome").stems).toEqual(["ownership", "outcom"]);
    expect(compileCue("what about it").stems).toEqual(["what", "about", "it"]);
  });
});

describe("findCueWindow", () => {
  const stems = compileCue("load balancing").stems;

  it("finds the words in any order within the window", () => {
    expect(findCueWindow(tokenize("we balanced the load across nodes"), stems)).toMatchObject({ first: 1, last: 3 });
  });

  it("misses when the words are further apart than the window", () => {
    expect(findCueWindow(tokenize("load one two three four five six seven balance"), stems)).toBeNull();
    expect(findCueWindow(tokenize("load one two three four five six balance"), stems)).not.toBeNull();
  });

  it("prefers the tightest window", () => {
    const tokens = tokenize("load a b c balance then load balancing");
    expect(findCueWindow(tokens, stems)).toMatchObject({ first: 6, last: 7, tokenIndexes: [6, 7] });
  });
});

describe("splitSentences", () => {
  it("splits on sentence ends but not after e.g., titles, initials or inside decimals", () => {
    expect(splitSentences("Strong on caching, e.g. Redis and CDNs. Latency fell 3.5 times! Dr. Lee agreed. Next?")).toEqual([
      "Strong on caching, e.g. Redis and CDNs.",
      "Latency fell 3.5 times!",
      "Dr. Lee agreed.",
      "Next?",
    ]);
  });

  it("treats each bullet or numbered line as its own sentence and drops headings marks and blank lines", () => {
    expect(splitSentences("## System design\n- Drew the queue\n* Named trade-offs\n\n1. Asked about SLAs\n• Done")).toEqual([
      "System design",
      "Drew the queue",
      "Named trade-offs",
      "Asked about SLAs",
      "Done",
    ]);
  });
});

describe("quoteAround", () => {
  it("quotes the sentence that holds the match, not the whole text", () => {
    const text = "Hello there. We chose Kafka for the trade-offs it gave us. Anyway, thanks.";
    const from = text.indexOf("trade");
    expect(quoteAround(text, from, from + 10)).toBe("We chose Kafka for the trade-offs it gave us.");
  });

  it("cuts a long sentence to 240 characters around the match with ellipses", () => {
    const text = `${"word ".repeat(100)}the trade-offs matter ${"more ".repeat(100)}`.trim();
    const from = text.indexOf("trade");
    const quote = quoteAround(text, from, from + 10);
    expect(quote.length).toBeLessThanOrEqual(240);
    expect(quote.startsWith("…")).toBe(true);
    expect(quote.endsWith("…")).toBe(true);
    expect(quote).toContain("the trade-offs matter");
  });
});

describe("mapEvidence", () => {
  it("matches a multi-word cue in any order and explains the match", () => {
    const [result] = run({ scorecard: card({ key: "k", cues: ["load balancing"] }), segments: [seg(0, "Intro. Then we balanced load across the nodes. Done.", { speaker: "Ana", startMs: 61_500 })] });
    expect(result).toEqual({
      key: "k",
      name: "K",
      covered: true,
      evidence: [{ kind: "moment", segmentPosition: 0, speaker: "Ana", startMs: 61_500, quote: "Then we balanced load across the nodes.", cue: "load balancing", matched: ["balanced", "load"] }],
    });
  });

  it("does not match across the window or across segments", () => {
    const segments = [seg(0, "The load was one two three four five six seven balanced."), seg(1, "We talked about load."), seg(2, "Balancing it was easy.")];
    expect(run({ scorecard: card({ key: "k", cues: ["load balancing"] }), segments })[0]).toMatchObject({ covered: false, evidence: [] });
  });

  it("marks a competency with no evidence as not covered, keeping scorecard order", () => {
    const result = run({ scorecard: card({ key: "b", cues: ["kubernetes"] }, { key: "a", cues: ["testing"] }), segments: [seg(0, "I tested it.")] });
    expect(result.map((r) => [r.key, r.covered])).toEqual([
      ["b", false],
      ["a", true],
    ]);
  });

  it("counts a segment once per competency, under its strongest cue, and ranks segments matching more cues first", () => {
    const segments = [seg(0, "We measured latency."), seg(1, "We measured latency and throughput under load."), seg(2, "Throughput was fine.")];
    const [result] = run({ scorecard: card({ key: "k", cues: ["latency", "throughput under load"] }), segments });
    expect(result!.evidence.map((e) => (e.kind === "moment" ? [e.segmentPosition, e.cue] : null))).toEqual([
      [1, "throughput under load"],
      [0, "latency"],
    ]);
  });

  it("orders equal-strength moments by time (null last), caps them at 8 and is stable", () => {
    const segments = Array.from({ length: 12 }, (_, i) => seg(i, `Mentoring note ${i}.`, { startMs: i === 0 ? null : (12 - i) * 1_000 }));
    const first = run({ scorecard: card({ key: "k", cues: ["mentor"] }), segments })[0]!;
    expect(first.evidence).toHaveLength(EVIDENCE_CAPS.moment);
    expect(first.evidence.map((e) => (e.kind === "moment" ? e.segmentPosition : -1))).toEqual([11, 10, 9, 8, 7, 6, 5, 4]);
    expect(run({ scorecard: card({ key: "k", cues: ["mentor"] }), segments: [...segments] })[0]).toEqual(first);
  });

  it("maps summary sentences and action items, capped at 3 each", () => {
    const summary = "Overview, e.g. background. She mentored two juniors.\n- Mentoring was a theme\n- More mentoring\n- Mentors again";
    const actionItems = [4, 1, 2, 3].map((position) => ({ position, text: `Ask the mentor references (${position})` }));
    const [result] = run({ scorecard: card({ key: "k", cues: ["mentoring"] }), summary, actionItems });
    expect(result!.evidence.filter((e) => e.kind === "summary")).toEqual([
      { kind: "summary", sentenceIndex: 1, quote: "She mentored two juniors.", cue: "mentoring", matched: ["mentored"] },
      { kind: "summary", sentenceIndex: 2, quote: "Mentoring was a theme", cue: "mentoring", matched: ["Mentoring"] },
      { kind: "summary", sentenceIndex: 3, quote: "More mentoring", cue: "mentoring", matched: ["mentoring"] },
    ]);
    expect(result!.evidence.filter((e) => e.kind === "action_item").map((e) => (e.kind === "action_item" ? e.position : -1))).toEqual([1, 2, 3]);
  });

  it("keeps hostile text as data: quoted verbatim, never interpreted", () => {
    const text = '<script>alert("x")</script> __proto__ constructor ${process.exit()} we discussed trade-offs';
    const [result] = run({ scorecard: card({ key: "k", cues: ["trade-offs", "__proto__", "constructor"] }), segments: [seg(0, text)] });
    expect(result!.covered).toBe(true);
    expect(result!.evidence[0]).toMatchObject({ quote: text });
    expect(Object.prototype).not.toHaveProperty("polluted");
  });

  it("skips the speakers it is told to ignore", () => {
    const segments = [seg(0, "Tell me about trade-offs.", { speaker: "Interviewer" }), seg(1, "The trade-off was cost.")];
    const [result] = run({ segments, ignoreSpeakers: ["interviewer"] });
    expect(result!.evidence.map((e) => (e.kind === "moment" ? e.segmentPosition : -1))).toEqual([1]);
  });

  it("maps a real sandbox transcript: touches some competencies and leaves one untouched", () => {
    const file = path.join(process.cwd(), "lib/sandbox/samples/backend-engineer/transcript.json");
    const transcript = JSON.parse(readFileSync(file, "utf8")) as { segments: Array<{ speaker: string; start: number; text: string }> };
    const segments = transcript.segments.map((s, i) => seg(i, s.text, { speaker: s.speaker, startMs: s.start }));
    const result = mapEvidence({
      scorecard: card({ key: "reliability", cues: ["retries", "exponential backoff"] }, { key: "communication", cues: ["design document"] }, { key: "frontend", cues: ["css grid", "accessibility"] }),
      segments,
      summary: null,
      actionItems: [],
    });
    expect(result.map((r) => r.covered)).toEqual([true, true, false]);
    const backoff = result[0]!.evidence.find((e) => e.cue === "exponential backoff");
    expect(backoff).toMatchObject({ kind: "moment", speaker: "candidate", matched: ["exponential", "backoff"] });
    for (const e of result.flatMap((r) => r.evidence)) {
      expect(e.quote.length).toBeLessThanOrEqual(240);
      for (const word of e.matched) expect(e.quote).toContain(word);
    }
  });
});

describe("withoutCompetencyLabel", () => {
  const names = ["System design", "Testing"];

  it.each([
    ["System design: They split ingestion from processing.", "They split ingestion from processing."],
    ["**System design**: Not covered.", "Not covered."],
    ["system design — chose Postgres.", "chose Postgres."],
    ["System design", ""],
    ["Testing.", ""],
  ])("drops the heading of %j", (sentence, expected) => {
    expect(withoutCompetencyLabel(sentence, names)).toBe(expected);
  });

  it.each(["Testing mattered to them.", "System design-oriented answers.", "They discussed system design: trade-offs."])("keeps %j, which only uses the words", (sentence) => {
    expect(withoutCompetencyLabel(sentence, names)).toBe(sentence);
  });

  it("prefers the longest name that heads the sentence", () => {
    expect(withoutCompetencyLabel("System design review: fine.", ["System design", "System design review"])).toBe("fine.");
  });
});

describe("mapEvidence over a summary organised by competency", () => {
  it("does not count a competency's own heading, or its “Not covered”, as evidence of it", () => {
    const summary = "### Mentoring\nNot covered.\n\nSystem design: “We wrote a design document.” (Jordan, 0:53)\n\nMentoring: Not covered.";
    const result = mapEvidence({
      scorecard: {
        competencies: [
          { key: "mentoring", name: "Mentoring", cues: ["mentoring"] },
          { key: "design", name: "System design", cues: ["design document", "system design"] },
        ],
      },
      segments: [],
      summary,
      actionItems: [],
    });
    expect(result.map((r) => r.covered)).toEqual([false, true]);
    // The quote is the sentence after its heading; indexes are those of splitSentences(summary).
    expect(result[1]!.evidence).toEqual([{ kind: "summary", sentenceIndex: 2, quote: "“We wrote a design document.” (Jordan, 0:53)", cue: "design document", matched: ["design", "document"] }]);
  });
});
