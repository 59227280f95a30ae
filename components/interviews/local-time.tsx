"use client";

import { useIsBrowser } from "@/components/ui/use-is-browser";
import { cn } from "@/lib/utils";

export type LocalTimeProps = {
  /** ISO 8601 instant. */
  iso: string;
  /** ISO 8601 end instant: shown as a range ("Mar 2, 2026, 9:00 – 9:45 AM"). */
  endIso?: string | null;
  /** "datetime" (date and time, the default) or "date" only. */
  display?: "datetime" | "date";
  className?: string;
};

// undefined locale and no timeZone: the viewer's own language and browser timezone.
const FORMATS = {
  datetime: new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" }),
  date: new Intl.DateTimeFormat(undefined, { dateStyle: "medium" }),
};

function toDate(iso: string | null | undefined): Date | null {
  if (!iso) return null;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : date;
}

/**
 * An instant (or a range) in the viewer's browser timezone. The server cannot know that zone, so it
 * renders a stable placeholder ("…") inside a <time dateTime> carrying the UTC instant, and the
 * browser formats after hydration (useSyncExternalStore: no hydration mismatch). The UTC instant
 * stays in the tooltip.
 */
export function LocalTime({ iso, endIso, display = "datetime", className }: LocalTimeProps) {
  const isBrowser = useIsBrowser();
  const start = toDate(iso);
  if (!start) return <span className={className}>{iso}</span>;
  const end = toDate(endIso);
  const utc = start.toISOString();
  const format = FORMATS[display];

  let text = "…";
  if (isBrowser) text = end && end.getTime() > start.getTime() ? format.formatRange(start, end) : format.format(start);

  return (
    <time dateTime={utc} title={end ? `${utc} – ${end.toISOString()}` : utc} className={cn("tabular-nums", className)}>
      {text}
    </time>
  );
}
