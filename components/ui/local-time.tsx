"use client";

import { formatLocalTime, parseInstant, type LocalTimeDisplay } from "@/components/ui/local-time-format";
import { useIsBrowser } from "@/components/ui/use-is-browser";
import { cn } from "@/lib/utils";

export type { LocalTimeDisplay } from "@/components/ui/local-time-format";

export type LocalTimeProps = {
  /** ISO 8601 instant. */
  iso: string;
  /** ISO 8601 end instant: "datetime" and "date" show a range ("Mar 2, 2026, 9:00 – 9:45 AM"). */
  endIso?: string | null;
  /** "datetime" (the default), "date", or, to the second, "precise", "stacked" or "time" (see LocalTimeDisplay). */
  display?: LocalTimeDisplay;
  className?: string;
};

/**
 * An instant (or a range) in the viewer's browser time zone. The server cannot know that zone, so
 * it renders a stable placeholder inside a <time dateTime> carrying the UTC instant ("…", or UTC
 * for the precise displays), and the browser formats after hydration (useSyncExternalStore: no
 * hydration mismatch). The UTC instant stays in the tooltip.
 */
export function LocalTime({ iso, endIso, display = "datetime", className }: LocalTimeProps) {
  const isBrowser = useIsBrowser();
  const start = parseInstant(iso);
  if (!start) return <span className={className}>{iso}</span>;
  const end = parseInstant(endIso);
  const utc = start.toISOString();
  const text = formatLocalTime(start, { display, end, isBrowser });
  return (
    <time dateTime={utc} title={end ? `${utc} – ${end.toISOString()}` : utc} className={cn("tabular-nums", className)}>
      {text.kind === "stacked" ? (
        <>
          <span className="md:block">{text.date}</span> <span className="md:block">{text.time}</span>
        </>
      ) : (
        text.text
      )}
    </time>
  );
}
