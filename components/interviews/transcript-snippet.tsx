import type { Snippet } from "@/lib/interviews/snippet";

export type TranscriptSnippetProps = {
  snippet: Snippet;
};

/**
 * Where an interview's transcript says the searched words: its fragments, with the matched words in
 * <mark> (dark text on amber, AA contrast). Parts are rendered as text — a transcript is untrusted.
 */
export function TranscriptSnippet({ snippet }: TranscriptSnippetProps) {
  return (
    <p className="text-sm text-muted">
      <span className="font-medium text-ink">Said: </span>
      {snippet.map((fragment, i) => (
        <span key={i}>
          {i > 0 ? <span aria-hidden="true"> … </span> : null}
          {i > 0 ? <span className="sr-only">, and: </span> : null}“
          {fragment.map((part, j) =>
            part.highlighted ? (
              <mark key={j} className="rounded-sm bg-amber-100 px-0.5 text-ink">
                {part.text}
              </mark>
            ) : (
              <span key={j}>{part.text}</span>
            ),
          )}
          ”
        </span>
      ))}
    </p>
  );
}
