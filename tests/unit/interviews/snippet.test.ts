import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { TranscriptSnippet } from "@/components/interviews/transcript-snippet";
import { MAX_SEARCH_DOCUMENT_BYTES, toSearchDocumentContent } from "@/lib/interviews/search-document";
import { parseSnippet, SNIPPET_FRAGMENT as F, SNIPPET_START as S, SNIPPET_STOP as E, stripSnippetMarkers } from "@/lib/interviews/snippet";
import { parseInterviewFilters } from "@/lib/validations/interviews";

describe("parseSnippet", () => {
  it("splits a headline into fragments of plain and highlighted parts", () => {
    expect(parseSnippet(`we use ${S}Kafka${E} for${F}the ${S}topics${E}`)).toEqual([
      [
        { text: "we use ", highlighted: false },
        { text: "Kafka", highlighted: true },
        { text: " for", highlighted: false },
      ],
      [
        { text: "the ", highlighted: false },
        { text: "topics", highlighted: true },
      ],
    ]);
  });

  it("joins neighbouring parts of one kind, folds line breaks and drops empty fragments", () => {
    expect(parseSnippet(`  Sarah: ${S}retry${E}${S}ing${E}\nCandidate:  yes ${F}  ${F}`)).toEqual([
      [
        { text: "Sarah: ", highlighted: false },
        { text: "retrying", highlighted: true },
        { text: " Candidate: yes", highlighted: false },
      ],
    ]);
    expect(parseSnippet("")).toEqual([]);
  });

  it("keeps markup as text, and an unpaired marker highlights only to the end of its fragment", () => {
    expect(parseSnippet(`<script>alert(1)</script> ${S}x${E}`)[0]![0]).toEqual({ text: "<script>alert(1)</script> ", highlighted: false });
    expect(parseSnippet(`a ${S}b c${F}d`)).toEqual([
      [
        { text: "a ", highlighted: false },
        { text: "b c", highlighted: true },
      ],
      [{ text: "d", highlighted: false }],
    ]);
  });
});

describe("TranscriptSnippet", () => {
  it("renders matched words in <mark> and escapes everything else", () => {
    const html = renderToStaticMarkup(createElement(TranscriptSnippet, { snippet: parseSnippet(`<img src=x onerror=alert(1)> ${S}backoff${E} & jitter${F}two`) }));
    expect(html).toContain("<mark");
    expect(html).toMatch(/<mark[^>]*>backoff<\/mark>/);
    expect(html).toContain("&lt;img src=x onerror=alert(1)&gt;");
    expect(html).not.toContain("<img");
    expect(html).toContain("&amp; jitter");
  });
});

describe("stripSnippetMarkers and the search query", () => {
  it("leaves no marker in stored text or in a query", () => {
    expect(stripSnippetMarkers(`a${S}b${E}c${F}d`)).toBe("a b c d");
    expect(parseInterviewFilters({ q: `${S}kafka${E}${F}` }).q).toBe("kafka");
  });
});

describe("toSearchDocumentContent", () => {
  it("joins the lines as the migration's backfill does: 'Speaker: text', or the text alone", () => {
    expect(
      toSearchDocumentContent([
        { speaker: "Sarah Kim", text: "Why?" },
        { speaker: null, text: `Because ${S}load${E}.` },
      ]),
    ).toBe("Sarah Kim: Why?\nBecause  load .");
  });

  it(`cuts a very long transcript at ${MAX_SEARCH_DOCUMENT_BYTES} bytes of UTF-8, on a character boundary`, () => {
    const ascii = Array.from({ length: 30_000 }, () => ({ speaker: "A", text: "x".repeat(40) }));
    expect(toSearchDocumentContent(ascii)).toHaveLength(MAX_SEARCH_DOCUMENT_BYTES);
    // Three bytes per character (CJK), and four per emoji (a surrogate pair that must not be split).
    const cjk = toSearchDocumentContent(Array.from({ length: 20_000 }, () => ({ speaker: null, text: "面试官问了问题".repeat(3) })));
    expect(Buffer.byteLength(cjk, "utf8")).toBeLessThanOrEqual(MAX_SEARCH_DOCUMENT_BYTES);
    expect(Buffer.byteLength(cjk, "utf8")).toBeGreaterThan(MAX_SEARCH_DOCUMENT_BYTES - 4);
    const emoji = toSearchDocumentContent([{ speaker: null, text: "a" + "🙂".repeat(300_000) }]);
    expect(Buffer.byteLength(emoji, "utf8")).toBeLessThanOrEqual(MAX_SEARCH_DOCUMENT_BYTES);
    expect(emoji.endsWith("🙂")).toBe(true);
    // Short text is kept as it is.
    expect(toSearchDocumentContent([{ speaker: null, text: "面试" }])).toBe("面试");
  });
});
