/**
 * Pure: a search snippet from Postgres's ts_headline into parts React renders as text and <mark>.
 *
 * ts_headline does not escape HTML, so its markers are control characters instead of tags:
 * SNIPPET_START/SNIPPET_STOP around a matched word, SNIPPET_FRAGMENT between two fragments. The
 * search query cannot carry them (ZTranscriptQueryParam strips control characters) and the search
 * document has them replaced (toSearchDocumentContent; the snippet query replaces them again), so
 * every one in a headline is ts_headline's own. The parts are rendered as text, never as HTML.
 */

export const SNIPPET_START = "\u0002";
export const SNIPPET_STOP = "\u0003";
export const SNIPPET_FRAGMENT = "\u0004";
// eslint-disable-next-line no-control-regex -- the snippet markers are control characters on purpose
const SNIPPET_MARKERS = /[\u0002-\u0004]/g;

/** A run of snippet text; `highlighted` when it is a word that matched the search. */
export type SnippetPart = { text: string; highlighted: boolean };
/** A snippet: its fragments (at most a few), each a run of parts. */
export type Snippet = SnippetPart[][];

/** Transcript text without the snippet markers (each becomes a space). */
export function stripSnippetMarkers(text: string): string {
  return text.replace(SNIPPET_MARKERS, " ");
}

/**
 * "we use \u0002Kafka\u0003 for\u0004the \u0002topics\u0003" →
 * [[{ text: "we use ", highlighted: false }, { text: "Kafka", highlighted: true }, { text: " for", highlighted: false }],
 *  [{ text: "the ", highlighted: false }, { text: "topics", highlighted: true }]].
 * Line breaks and runs of spaces become one space; empty fragments are dropped. A marker without its
 * pair highlights to the end of its fragment (never past it).
 */
export function parseSnippet(headline: string): Snippet {
  const fragments: Snippet = [];
  for (const fragment of headline.split(SNIPPET_FRAGMENT)) {
    const parts: SnippetPart[] = [];
    let highlighted = false;
    let text = "";
    const flush = () => {
      const last = parts.at(-1);
      if (text && last && last.highlighted === highlighted) last.text += text;
      else if (text) parts.push({ text, highlighted });
      text = "";
    };
    for (const char of fragment.replace(/\s+/g, " ")) {
      if (char === SNIPPET_START || char === SNIPPET_STOP) {
        flush();
        highlighted = char === SNIPPET_START;
      } else text += char;
    }
    flush();
    if (parts.length > 0 && parts.some((part) => part.text.trim())) {
      parts[0]!.text = parts[0]!.text.trimStart();
      parts[parts.length - 1]!.text = parts[parts.length - 1]!.text.trimEnd();
      fragments.push(parts.filter((part) => part.text));
    }
  }
  return fragments;
}
