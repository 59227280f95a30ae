"use client";

import { useSyncExternalStore } from "react";

const noSubscription = () => () => {};

/** The browser's IANA timezone; null while rendering on the server and during hydration. */
function useBrowserTimeZone(): string | null {
  return useSyncExternalStore(
    noSubscription,
    () => Intl.DateTimeFormat().resolvedOptions().timeZone,
    () => null,
  );
}

/**
 * A hidden `tz` field for the filter form, so the server reads "from / to" as days in the
 * viewer's timezone. Without JavaScript there is no field and the server falls back to UTC.
 */
export function TimeZoneInput({ name = "tz" }: { name?: string }) {
  const timeZone = useBrowserTimeZone();
  return timeZone ? <input type="hidden" name={name} value={timeZone} /> : null;
}

/** The viewer's timezone as text ("Europe/Paris"), for "times are in …" notes; empty on the server. */
export function ViewerTimeZone({ fallback = "your timezone" }: { fallback?: string }) {
  const timeZone = useBrowserTimeZone();
  return <>{timeZone ? timeZone.replaceAll("_", " ") : fallback}</>;
}
