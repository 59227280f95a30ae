import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { TranscriptSnippet } from "@/components/interviews/transcript-snippet";
import { MAX_SEARCH_DOCUMENT_CHARS, toSearchDocumentContent } from "@/lib/interviews/search-document";
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

  it(`cuts a very long transcript at ${MAX_SEARCH_DOCUMENT_CHARS} characters`, () => {
    const lines = Array.from({ length: 30_000 }, () => ({ speaker: "A", text: "x".repeat(40) }));
    expect(toSearchDocumentContent(lines)).toHaveLength(MAX_SEARCH_DOCUMENT_CHARS);
  });
});
