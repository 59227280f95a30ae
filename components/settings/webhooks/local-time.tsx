"use client";

import { useIsBrowser } from "@/components/ui/use-is-browser";
import { cn } from "@/lib/utils";

export type LocalTimeProps = {
  /** ISO 8601 instant. */
  iso: string;
  /** "datetime" on one line, "stacked" date over time (narrow columns, from md), or "time" only. */
  display?: "datetime" | "stacked" | "time";
  className?: string;
};

const DATE_FORMAT = new Intl.DateTimeFormat(undefined, { year: "numeric", month: "short", day: "numeric" });
const TIME_FORMAT = new Intl.DateTimeFormat(undefined, {
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  timeZoneName: "short",
});

/** [date, time]: in the viewer's timezone in the browser, UTC on the server. */
function formatParts(date: Date, isBrowser: boolean): [string, string] {
  if (!isBrowser) {
    const iso = date.toISOString();
    return [iso.slice(0, 10), `${iso.slice(11, 19)} UTC`];
  }
  return [DATE_FORMAT.format(date), TIME_FORMAT.format(date)];
}

/**
 * An instant in the viewer's own timezone. The server cannot know it, so it renders UTC, and the
 * browser switches to local time after hydration (useSyncExternalStore: no hydration mismatch).
 * The exact UTC instant stays in the tooltip.
 */
export function LocalTime({ iso, display = "datetime", className }: LocalTimeProps) {
  const isBrowser = useIsBrowser();
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return <span className={className}>{iso}</span>;
  const [datePart, timePart] = formatParts(date, isBrowser);
  return (
    <time dateTime={date.toISOString()} title={date.toISOString()} className={cn("tabular-nums", className)}>
      {display === "stacked" ? (
        <>
          <span className="md:block">{datePart}</span> <span className="md:block">{timePart}</span>
        </>
      ) : display === "time" ? (
        timePart
      ) : (
        `${datePart}, ${timePart}`
      )}
    </time>
  );
}
