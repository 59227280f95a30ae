import { describe, expect, it } from "vitest";
import { summarizeInterview, type SummaryInputSegment } from "@/lib/sandbox/summary/summarize";

const SUMMARY_INSTRUCTIONS =
  "Summarize the candidate interview. Focus on technical skills demonstrated, communication quality, and any concerns raised. Note which topics were covered and which were skipped.";
const ACTION_INSTRUCTIONS = "List follow-up items: topics to probe in the next round, references to check, skills to verify, and hiring committee discussion points.";

const PRIYA = "Priya Nair";
const MARCUS = "Marcus Lee";
const at = (m: number, s: number) => (m * 60 + s) * 1000;

/** A backend-engineer interview: small talk, design answers, a concern, a skipped topic and follow-ups. */
const SCRIPT: [string, number, number, string][] = [
  [PRIYA, 0, 4, "Hi Marcus, can you hear me okay?"],
  [MARCUS, 0, 9, "Yes, loud and clear. Thanks for having me."],
  [PRIYA, 0, 15, "Great. How's the weather in Lisbon today?"],
  [MARCUS, 0, 22, "Sunny for once, so no complaints."],
  [PRIYA, 0, 30, "Let's get started. I'm Priya, I lead the payments platform team here."],
  [PRIYA, 0, 48, "Could you start by telling me about the system you own at your current job?"],
  [MARCUS, 1, 5, "Sure. I own the ledger service at Finbank, which records every card transaction for about four million customers."],
  [MARCUS, 1, 40, "It's a Go service on Postgres, and it handles around three thousand writes per second at peak."],
  [MARCUS, 2, 5, "Last year I led its migration off MySQL, coordinating the cutover with three other teams."],
  [PRIYA, 2, 20, "What was the hardest problem you solved there?"],
  [MARCUS, 2, 35, "The hardest one was double charges when the card network retried requests after a timeout."],
  [MARCUS, 3, 10, "I designed an idempotency key scheme: every request carries a key, and we store the key and the response in the same Postgres transaction as the ledger entry."],
  [MARCUS, 3, 55, "The trade-off is an extra unique index on a hot table, so I partitioned it by day to keep the index small."],
  [PRIYA, 4, 30, "Nice. Let's move to system design."],
  [PRIYA, 4, 38, "How would you design a rate limiter for our public payments API?"],
  [MARCUS, 4, 55, "First I'd clarify the requirements: per-merchant limits, a burst allowance, and whether limits must hold across regions."],
  [MARCUS, 5, 40, "Then I'd use a token bucket per merchant kept in Redis, with a Lua script so the check and the decrement are atomic."],
  [MARCUS, 6, 30, "For multiple regions I'd accept slightly loose limits rather than pay cross-region latency on every request."],
  [PRIYA, 7, 15, "How would you explain that trade-off to a product manager?"],
  [MARCUS, 7, 28, "I'd say a merchant might briefly get ten percent more than their limit, and in exchange every payment is forty milliseconds faster."],
  [PRIYA, 8, 40, "What about operating it? Tell me about your on-call experience."],
  [MARCUS, 8, 55, "Honestly, our platform team ran Kubernetes, so I'm less sure about cluster operations and autoscaling myself."],
  [MARCUS, 9, 30, "I've mostly been on the application side of incidents, reading dashboards and rolling back deploys."],
  [PRIYA, 10, 5, "That's a gap we'd need to think about, since our engineers own their services in production."],
  [PRIYA, 11, 0, "Let's talk about databases."],
  [PRIYA, 11, 8, "Your ledger table must be huge. How do you keep queries fast?"],
  [MARCUS, 11, 30, "We keep hot data in monthly partitions, and reporting queries go to a read replica so they never block writes."],
  [MARCUS, 12, 20, "I also cut p99 latency by forty percent by replacing an offset pagination with keyset pagination."],
  [PRIYA, 13, 0, "Forty percent is a big claim, we should verify that with his former manager."],
  [PRIYA, 14, 10, "Have you mentored anyone?"],
  [MARCUS, 14, 22, "Yes, I onboarded two junior engineers last year and paired with them on their first on-call weeks."],
  [PRIYA, 15, 30, "I wanted to cover testing strategy too, but we ran out of time for it."],
  [PRIYA, 15, 42, "We didn't get to your experience with contract tests, so that will be for next time."],
  [PRIYA, 16, 0, "In the next round I'd like to dig into the Kubernetes and incident response side."],
  [PRIYA, 16, 20, "I'll also check references with your previous team lead at Finbank."],
  [PRIYA, 16, 40, "Could you send me the write-up about the idempotency keys you mentioned?"],
  [MARCUS, 16, 55, "Of course, I will send it over tonight."],
  [PRIYA, 17, 5, "Do you have any questions for me?"],
  [MARCUS, 17, 10, "Yes, what should I read before the next round?"],
  [PRIYA, 17, 25, "Good question, I'll share our engineering blog post on the payments architecture."],
  [PRIYA, 17, 45, "I'll schedule a hiring committee debrief for Thursday once we have the panel's feedback."],
  [MARCUS, 18, 0, "Thank you, this was a really enjoyable conversation."],
  [PRIYA, 18, 5, "Thanks Marcus, have a great weekend."],
];

const SEGMENTS: SummaryInputSegment[] = SCRIPT.map(([speaker, m, s, text], i) => {
  const next = SCRIPT[i + 1];
  return { speaker, start: at(m, s), end: next ? at(next[1], next[2]) - 500 : at(m, s) + 4000, text };
});

const summarize = (summaryInstructions = SUMMARY_INSTRUCTIONS, segments: readonly SummaryInputSegment[] = SEGMENTS, actionItemsInstructions = ACTION_INSTRUCTIONS) =>
  summarizeInterview({ segments, summaryInstructions, actionItemsInstructions });

const paragraphs = (summary: string) => summary.split("\n\n");
const labels = (summary: string) =>
  paragraphs(summary)
    .slice(1)
    .map((p) => p.slice(0, p.indexOf(":")));
const paragraphFor = (summary: string, label: string) => paragraphs(summary).find((p) => p.startsWith(`${label}:`)) ?? "";

const clock = (ms: number) => {
  const t = Math.floor(ms / 1000);
  const [h, m, s] = [Math.floor(t / 3600), Math.floor((t % 3600) / 60), t % 60];
  return h ? `${h}:${String(m).padStart(2, "0")}:${String(s).padStart(2, "0")}` : `${m}:${String(s).padStart(2, "0")}`;
};

/** Every “quote” (speaker, m:ss) in the text, as written. */
function quotesIn(text: string): { quote: string; speaker: string; time: string }[] {
  return [...text.matchAll(/“([^”]*)” \(([^)]*), (\d+:\d{2}(?::\d{2})?)\)/g)].map(([, quote = "", speaker = "", time = ""]) => ({ quote, speaker, time }));
}

/** The honesty check: each quote is verbatim from a segment by that speaker, at that segment's start. */
function expectOnlyRealQuotes(result: { summary: string; actionItems: string[] }, segments: readonly SummaryInputSegment[]) {
  const quotes = quotesIn([result.summary, ...result.actionItems].join("\n"));
  const openingMarks = [result.summary, ...result.actionItems].join("\n").split("“").length - 1;
  expect(quotes.length).toBe(openingMarks);
  for (const q of quotes) {
    const source = segments.find((s) => s.text.includes(q.quote) && s.speaker === q.speaker && clock(s.start) === q.time);
    expect(source, `“${q.quote}” (${q.speaker}, ${q.time})`).toBeDefined();
  }
}

describe("summarizeInterview", () => {
  it("opens with the recording's length and who spoke", () => {
    expect(paragraphs(summarize().summary)[0]).toBe("Summary of a 18:09 interview between Priya Nair and Marcus Lee.");
  });

  it("writes one paragraph per instruction facet, in the instruction's order", () => {
    expect(labels(summarize().summary)).toEqual(["Technical skills demonstrated", "Communication quality", "Any concerns raised", "Which topics were covered", "Which were skipped"]);
  });

  it("matches facets to natural speech: a concern said as “less sure”, a skipped topic as “ran out of time”", () => {
    const { summary } = summarize();
    expect(paragraphFor(summary, "Any concerns raised")).toContain("I'm less sure about cluster operations and autoscaling myself.” (Marcus Lee, 8:55)");
    expect(paragraphFor(summary, "Which were skipped")).toContain("we ran out of time for it.” (Priya Nair, 15:30)");
    expect(paragraphFor(summary, "Which topics were covered")).toContain("“Let's move to system design.” (Priya Nair, 4:30)");
  });

  it("evidences skill facets with the candidate's answers rather than the interviewer's questions", () => {
    const technical = quotesIn(paragraphFor(summarize().summary, "Technical skills demonstrated"));
    expect(technical.length).toBeGreaterThan(0);
    expect(technical.every((q) => q.speaker === MARCUS)).toBe(true);
    expect(technical[0]?.quote).toContain("idempotency key scheme");
  });

  it("follows an edited instruction: leadership and mentoring replace communication quality", () => {
    const before = summarize().summary;
    const after = summarize(SUMMARY_INSTRUCTIONS.replace("communication quality", "leadership and mentoring")).summary;
    expect(labels(after)).toEqual(["Technical skills demonstrated", "Leadership", "Mentoring", "Any concerns raised", "Which topics were covered", "Which were skipped"]);
    expect(after).not.toContain("Communication quality");
    expect(paragraphFor(after, "Leadership")).toContain("Last year I led its migration off MySQL");
    expect(paragraphFor(after, "Mentoring")).toContain("I onboarded two junior engineers");
    expect(after).not.toBe(before);
  });

  it("never adds a facet the instructions don't name", () => {
    const { summary } = summarize("Note any concerns raised.");
    expect(labels(summary)).toEqual(["Any concerns raised"]);
  });

  it("says plainly when nothing in the interview matches a facet", () => {
    expect(paragraphFor(summarize("Focus on salary expectations.").summary, "Salary expectations")).toBe("Salary expectations: not discussed in this interview.");
  });

  it("organises the summary by the topics of markdown sections (a scorecard's competencies), then the instructions before them", () => {
    const instructions = [
      "Note any concerns raised.",
      "",
      "## Scorecard (added by the portal)",
      "",
      'Organise the summary by the competencies below, or "Not covered".',
      "",
      "### Idempotency",
      "What good looks like: makes retries safe.",
      "Listen for: idempotency key; unique index",
      "",
      "### Mentoring others",
      "Listen for: onboarded; junior engineers",
      "",
      "### Frontend craft",
      "Listen for: css grid; screen reader",
    ].join("\n");
    const result = summarize(instructions);
    expect(labels(result.summary)).toEqual(["Idempotency", "Mentoring others", "Frontend craft", "Any concerns raised"]);
    expect(paragraphFor(result.summary, "Idempotency")).toContain("I designed an idempotency key scheme");
    expect(paragraphFor(result.summary, "Mentoring others")).toContain("I onboarded two junior engineers");
    // A topic nobody touched says so in the section's own words; framing text makes no facet.
    expect(paragraphFor(result.summary, "Frontend craft")).toBe("Frontend craft: Not covered.");
    expectOnlyRealQuotes(result, SEGMENTS);
  });

  it("evidences a topic only by its name or a cue said in full, not by one of their words", () => {
    const { summary } = summarize("### Code review\nListen for: review comments");
    // "review" alone is said nowhere in full with "code" or "comments".
    expect(paragraphFor(summary, "Code review")).toBe("Code review: Not covered.");
  });

  it("says an admin's facet once when a topic already names it", () => {
    const { summary } = summarize("Focus on mentoring.\n\n### Mentoring\nListen for: onboarded");
    expect(labels(summary)).toEqual(["Mentoring"]);
  });

  it("reads a negated facet (“topics not covered”) as the skipped ones", () => {
    expect(paragraphFor(summarize("Note the topics not covered.").summary, "Topics not covered")).toContain("we ran out of time for it.");
  });

  it.each([
    ["the standard instructions", SUMMARY_INSTRUCTIONS],
    ["leadership instructions", "Focus on leadership, mentoring and ownership."],
    ["no instructions", ""],
    ["unmatched instructions", "Describe salary expectations and relocation."],
  ])("only quotes what was said, by whom and when, with %s", (_, instructions) => {
    expectOnlyRealQuotes(summarize(instructions), SEGMENTS);
  });

  it("gives the same output for the same transcript, whatever the segment order", () => {
    const first = summarize();
    expect(summarize()).toEqual(first);
    expect(summarize(SUMMARY_INSTRUCTIONS, [...SEGMENTS].reverse())).toEqual(first);
  });

  it("leaves its input untouched", () => {
    const frozen = Object.freeze(SEGMENTS.map((s) => Object.freeze({ ...s })));
    expect(() => summarize(SUMMARY_INSTRUCTIONS, frozen)).not.toThrow();
    expect(frozen).toEqual(SEGMENTS);
  });

  it("lists the follow-ups, each labelled with the instruction facet it answers", () => {
    const { actionItems } = summarize();
    expect(actionItems).toContain("References to check — “I'll also check references with your previous team lead at Finbank.” (Priya Nair, 16:20)");
    expect(actionItems).toContain("Topics to probe in the next round — “In the next round I'd like to dig into the Kubernetes and incident response side.” (Priya Nair, 16:00)");
    expect(actionItems).toContain("Hiring committee discussion points — “I'll schedule a hiring committee debrief for Thursday once we have the panel's feedback.” (Priya Nair, 17:45)");
    expect(actionItems).toContain("Topics to probe in the next round — “We didn't get to your experience with contract tests, so that will be for next time.” (Priya Nair, 15:42)");
    // Checking a claim with a former manager answers both "references" and "verify"; either label is honest.
    expect(actionItems).toContainEqual(expect.stringMatching(/^(References to check|Skills to verify) — “Forty percent is a big claim/));
    expect(actionItems).toContain("Follow-up — “Could you send me the write-up about the idempotency keys you mentioned?” (Priya Nair, 16:40)");
  });

  it("returns between three and eight action items and leaves small talk out", () => {
    const { actionItems } = summarize();
    expect(actionItems.length).toBeGreaterThanOrEqual(3);
    expect(actionItems.length).toBeLessThanOrEqual(8);
    for (const smallTalk of ["hear me", "weather", "Thanks for", "Let's get started", "great weekend", "loud and clear"]) {
      expect(actionItems.join("\n")).not.toContain(smallTalk);
    }
  });

  it("keeps a technical answer that merely uses an instruction word (“check”) out of the action items", () => {
    expect(summarize().actionItems.join("\n")).not.toContain("token bucket");
  });

  it("reads “will send” about a system as a description, not a follow-up", () => {
    const segments = [
      { speaker: MARCUS, start: 0, end: 5000, text: "The gateway will send a webhook when the payment settles, and it will check the signature first." },
      { speaker: MARCUS, start: 5000, end: 9000, text: "Our largest merchants send about two million events a day through it." },
    ];
    expect(summarize(SUMMARY_INSTRUCTIONS, segments).actionItems).toEqual([]);
  });

  it("returns no action items when nobody commits to anything", () => {
    const technicalOnly = SEGMENTS.filter((s) => s.start >= at(1, 0) && s.start < at(12, 30) && !/verify|let's/i.test(s.text));
    expect(summarize(SUMMARY_INSTRUCTIONS, technicalOnly).actionItems).toEqual([]);
  });

  it("still lists follow-ups, unlabelled, without action-item instructions", () => {
    const { actionItems } = summarize(SUMMARY_INSTRUCTIONS, SEGMENTS, "");
    expect(actionItems.length).toBeGreaterThanOrEqual(3);
    expect(actionItems.every((item) => item.startsWith("Follow-up — “"))).toBe(true);
  });

  it.each([
    ["empty", ""],
    ["blank", "  \n "],
    ["pure boilerplate", "Summarize the candidate interview."],
  ])("falls back to the opening question and the three most informative answers with %s instructions", (_, instructions) => {
    const parts = paragraphs(summarize(instructions).summary);
    expect(parts[1]).toBe("Opening question: “Could you start by telling me about the system you own at your current job?” (Priya Nair, 0:48)");
    const keyPoints = parts.slice(2);
    expect(keyPoints).toHaveLength(3);
    expect(keyPoints.every((p) => p.startsWith("Key point: “") && p.includes(`(${MARCUS}, `))).toBe(true);
    const times = keyPoints.map((p) => quotesIn(p)[0]?.time ?? "");
    const seconds = times.map((t) => t.split(":").reduce((sum, part) => sum * 60 + Number(part), 0));
    expect(seconds).toEqual([...seconds].sort((a, b) => a - b));
  });

  it.each([
    ["no segments", []],
    [
      "only silence",
      [
        { speaker: PRIYA, start: 0, end: 1000, text: "   " },
        { speaker: MARCUS, start: 1000, end: 2000, text: "…" },
      ],
    ],
  ])("says the transcript was empty when it has %s", (_, segments: SummaryInputSegment[]) => {
    expect(summarize(SUMMARY_INSTRUCTIONS, segments)).toEqual({
      summary: "The transcript was empty: nothing was said, so there is nothing to summarize.",
      actionItems: [],
    });
  });

  it("treats markup in instructions as words and never emits it", () => {
    const result = summarize('<b>Concerns</b> raised; <script>alert("x")</script> &amp; <i>skipped topics</i>', SEGMENTS, "<ul><li>references to check</li></ul>");
    expect(result.summary).not.toMatch(/[<>]|&amp;/);
    expect(result.actionItems.join("\n")).not.toMatch(/[<>]/);
    expect(labels(result.summary)).toContain("Concerns raised");
    expect(result.actionItems.some((item) => item.startsWith("References to check — "))).toBe(true);
  });

  it("quotes markup only as it was spoken", () => {
    const segments = [...SEGMENTS, { speaker: MARCUS, start: at(18, 8), end: at(18, 20), text: "My one concern is that the admin page renders <script> tags unescaped." }];
    expect(summarize("Note any concerns raised.", segments).summary).toContain("renders <script> tags unescaped.");
  });

  it("handles unicode speech, curly apostrophes and odd punctuation", () => {
    const segments: SummaryInputSegment[] = [
      { speaker: "José Ñúñez", start: 0, end: 5000, text: "¿Can you walk me through the ledger design??" },
      { speaker: "Zoë 李", start: 5000, end: 9000, text: "Sure — I’m less sure about Kubernetes… but the design is solid!!!" },
      { speaker: "Zoë 李", start: 9000, end: 12000, text: "我们没有时间讨论测试策略。我们下次再讨论这个话题吧。" },
      { speaker: "José Ñúñez", start: 12000, end: 15000, text: "We didn’t get to the caching layer, so let’s probe it in the next round 🙂." },
    ];
    const result = summarize(SUMMARY_INSTRUCTIONS, segments);
    expectOnlyRealQuotes(result, segments);
    expect(paragraphFor(result.summary, "Any concerns raised")).toContain("I’m less sure about Kubernetes…");
    expect(paragraphFor(result.summary, "Which were skipped")).toContain("We didn’t get to the caching layer");
    expect(result.actionItems.some((item) => item.includes("probe it in the next round 🙂."))).toBe(true);
  });

  it("formats times past the hour as h:mm:ss", () => {
    const segments = [
      { speaker: PRIYA, start: 0, end: 4000, text: "Tell me about the hardest incident you handled." },
      { speaker: MARCUS, start: at(62, 5), end: at(63, 0), text: "My main concern was that our failover had never been tested." },
    ];
    const { summary } = summarize("Note any concerns raised.", segments);
    expect(paragraphs(summary)[0]).toBe("Summary of a 1:03:00 interview between Priya Nair and Marcus Lee.");
    expect(summary).toContain("(Marcus Lee, 1:02:05)");
  });

  it("names every speaker in order of first appearance", () => {
    const segments = [...SEGMENTS, { speaker: "Sam Okafor", start: at(0, 6), end: at(0, 8), text: "Hi, I'm shadowing today." }];
    expect(paragraphs(summarize(SUMMARY_INSTRUCTIONS, segments).summary)[0]).toBe("Summary of a 18:09 interview between Priya Nair, Sam Okafor and Marcus Lee.");
  });

  it("keeps the summary within 2,500 characters without cutting a quote, and says what it left out", () => {
    const answer = (i: number) =>
      `In project ${i} I personally designed and implemented the transactional database schema, together with the distributed caching infrastructure and the asynchronous queues behind our public APIs, ` +
      `and I explained every architectural trade-off clearly in a structured, thoroughly documented proposal.`;
    const segments = Array.from({ length: 60 }, (_, i) => ({ speaker: i % 2 ? MARCUS : PRIYA, start: i * 30_000, end: i * 30_000 + 25_000, text: answer(i) }));
    const nineFacets = "Focus on design, implementation, database schema, caching, queues, APIs, trade-offs, clarity and structure.";
    const result = summarize(nineFacets, segments);
    expect(result.summary.length).toBeLessThanOrEqual(2500);
    expectOnlyRealQuotes(result, segments);
    // One facet beyond the eight summarized, and at least one more dropped for length.
    const omitted = Number(
      paragraphs(result.summary)
        .at(-1)
        ?.match(/^\((\d+) more facets omitted for length\.\)$/)?.[1],
    );
    expect(omitted).toBeGreaterThanOrEqual(2);
    expect(labels(result.summary).slice(0, 2)).toEqual(["Design", "Implementation"]);
  });

  it("cuts unpunctuated speech-to-text into verbatim pieces short enough to quote", () => {
    const words = Array.from({ length: 400 }, (_, i) => (i === 250 ? "concern" : `word${i}`)).join(" ");
    const segments = [{ speaker: MARCUS, start: 0, end: 60_000, text: words }];
    const result = summarize("Note any concerns raised.", segments);
    const [quote] = quotesIn(result.summary);
    expect(quote?.quote).toContain("concern");
    expect(quote?.quote.length).toBeLessThanOrEqual(300);
    expectOnlyRealQuotes(result, segments);
  });

  it("summarizes a 10,000-segment transcript quickly", () => {
    const segments = Array.from({ length: 10_000 }, (_, i) => {
      const s = SEGMENTS[i % SEGMENTS.length] as SummaryInputSegment;
      return { ...s, start: i * 3000, end: i * 3000 + 2500, text: `${s.text} Point ${i} of the discussion.` };
    });
    const startedAt = performance.now();
    const result = summarize(SUMMARY_INSTRUCTIONS, segments);
    // Typically well under 200 ms; the bound is generous for loaded CI machines and only catches
    // accidental quadratic work.
    expect(performance.now() - startedAt).toBeLessThan(2000);
    expect(result.actionItems.length).toBeGreaterThan(0);
  });
});
