"use client";

import { useRef, useState, type SyntheticEvent } from "react";
import { Button } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";
import type { TWebhookEventPayloadResult, TWebhookEventPayloadView } from "@/lib/validations/webhooks";

export type WebhookPayloadDetailsProps = {
  eventId: string;
  /** getWebhookEventPayloadAction, passed down by the page. */
  loadPayload: (id: string) => Promise<TWebhookEventPayloadResult>;
};

type State = { status: "idle" } | { status: "loading" } | { status: "error"; message: string } | ({ status: "loaded" } & TWebhookEventPayloadView);

/** 20000 → "20 KB", 1048576 → "1.0 MB" (characters of pretty-printed JSON, close enough to bytes). */
function formatSize(chars: number): string {
  if (chars < 1024) return `${chars} characters`;
  if (chars < 1024 * 1024) return `${Math.round(chars / 1024)} KB`;
  return `${(chars / (1024 * 1024)).toFixed(1)} MB`;
}

/**
 * "View payload": a native disclosure that loads the notification's JSON the first time it is
 * opened (payloads can be 1 MB, so the list never carries them), capped at ~20 KB by the server.
 */
export function WebhookPayloadDetails({ eventId, loadPayload }: WebhookPayloadDetailsProps) {
  const [state, setState] = useState<State>({ status: "idle" });
  const isRequested = useRef(false);

  async function load() {
    isRequested.current = true;
    setState({ status: "loading" });
    try {
      const result = await loadPayload(eventId);
      if (result.status === "success") setState({ status: "loaded", text: result.text, totalChars: result.totalChars, isTruncated: result.isTruncated });
      else setState({ status: "error", message: result.status === "error" ? result.message : "Could not load the payload. Try again." });
    } catch {
      setState({ status: "error", message: "Could not load the payload. Try again." });
    }
  }

  function handleToggle(event: SyntheticEvent<HTMLDetailsElement>) {
    if (event.currentTarget.open && !isRequested.current) void load();
  }

  return (
    <details onToggle={handleToggle} className="group">
      <summary className="inline-flex cursor-pointer list-none items-center gap-1 rounded-sm text-sm font-medium text-brand-700 hover:underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600 [&::-webkit-details-marker]:hidden">
        <svg aria-hidden="true" viewBox="0 0 20 20" fill="currentColor" className="size-4 transition-transform group-open:rotate-90">
          <path fillRule="evenodd" d="M7.2 14.8a.75.75 0 0 1 0-1.06L10.94 10 7.2 6.26a.75.75 0 1 1 1.06-1.06l4.27 4.27a.75.75 0 0 1 0 1.06L8.26 14.8a.75.75 0 0 1-1.06 0Z" clipRule="evenodd" />
        </svg>
        View payload
      </summary>
      <div className="mt-2">
        {state.status === "loading" || state.status === "idle" ? (
          <p role="status" className="flex items-center gap-2 text-sm text-muted">
            <Spinner /> Loading payload…
          </p>
        ) : state.status === "error" ? (
          <div className="flex flex-wrap items-center gap-3 text-sm text-red-700">
            <p role="alert">{state.message}</p>
            <Button size="sm" variant="secondary" onClick={() => void load()}>
              Try again
            </Button>
          </div>
        ) : (
          <>
            <pre
              tabIndex={0}
              aria-label="Notification payload (JSON)"
              className="max-h-96 overflow-auto whitespace-pre-wrap rounded-md bg-slate-900 p-3 font-mono text-xs leading-relaxed text-slate-100 [overflow-wrap:anywhere] focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600"
            >
              {state.text}
            </pre>
            {state.isTruncated ? (
              <p className="mt-1.5 text-xs text-muted">
                Truncated: showing the first {formatSize(state.text.length)} of {formatSize(state.totalChars)}.
              </p>
            ) : null}
          </>
        )}
      </div>
    </details>
  );
}
