"use client";

import { type ReactNode, useEffect, useRef } from "react";
import { preconnect, preinitModule, preload } from "react-dom";

/** The part of the component's localization we set: the booking form's consent line. */
type SchedulingLocalization = { en: { notetakerConsentMessage: string } };

export type SchedulerHostProps = {
  /** The vendored `<nylas-scheduling>` module (public/vendor/…, from the vendor manifest). */
  moduleSrc: string;
  /** What to start before the component asks: its first request (sandbox), or the API's connection (live). */
  early: { preloadFetch: string } | { preconnect: string };
  /** The panel's recording notice, shown by the component's consent line (see BookingScheduler). */
  consentMessage: string | null;
  children: ReactNode;
};

/**
 * Wraps the server-rendered `<nylas-scheduling>`. During server rendering it puts the module script
 * and the early request into the HTML's <head> (React resource hints; Next.js emits them into the
 * HTML only from client components, not from server ones). After hydration it sets what HTML
 * cannot say: the `localization` object property, set once the element is defined (a property set on an element
 * that is not upgraded yet would hide the component's setter). The component applies it whenever it
 * changes, and again before its first data fetch, so setting it late is fine: the consent line is
 * on the booking form, a step after the time slots.
 */
export function SchedulerHost({ moduleSrc, early, consentMessage, children }: SchedulerHostProps) {
  const ref = useRef<HTMLDivElement>(null);
  preinitModule(moduleSrc, { as: "script" });
  // The component's fetch is cors mode with same-origin credentials: crossOrigin "anonymous" matches it.
  if ("preloadFetch" in early) preload(early.preloadFetch, { as: "fetch", crossOrigin: "anonymous" });
  else preconnect(early.preconnect, { crossOrigin: "anonymous" });

  useEffect(() => {
    if (!consentMessage) return;
    let isCancelled = false;
    const localization: SchedulingLocalization = { en: { notetakerConsentMessage: consentMessage } };
    void customElements.whenDefined("nylas-scheduling").then(() => {
      const element = ref.current?.querySelector("nylas-scheduling") as (HTMLElement & { localization?: SchedulingLocalization }) | null | undefined;
      if (!isCancelled && element) element.localization = localization;
    });
    return () => {
      isCancelled = true;
    };
  }, [consentMessage]);

  return (
    // Block layout: the component is fit-content (784px) and centred on desktop, full width on
    // phones (its own breakpoint is 768px). No overflow clipping: its dropdowns must not be cut off.
    <div ref={ref} className="booking-scheduler w-full" data-testid="booking-scheduler">
      {children}
    </div>
  );
}
