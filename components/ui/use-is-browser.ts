"use client";

import { useSyncExternalStore } from "react";

const noSubscription = () => () => {};

/**
 * true in the browser, false while rendering on the server and during hydration: lets a client
 * component render a stable server placeholder and switch to browser-only values (time zone,
 * origin) without a hydration mismatch.
 */
export function useIsBrowser(): boolean {
  return useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
}
