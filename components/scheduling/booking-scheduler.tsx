"use client";

import dynamic from "next/dynamic";
import { type ComponentProps, useMemo, useSyncExternalStore } from "react";
import { cn } from "@/lib/utils";

/**
 * Nylas's `<nylas-scheduling>` web component needs the browser (custom elements, window), so it is
 * loaded on the client only. Nylas's own Next.js sample loads it the same way.
 */
const NylasScheduling = dynamic(() => import("@nylas/react").then((mod) => mod.NylasScheduling), {
  ssr: false,
  loading: () => <SchedulerLoading />,
});

/**
 * Brand theme through the component's supported CSS variables (ThemeConfig in @nylas/core). Kept at
 * module level so the object identity is stable across renders (the component re-applies it on change).
 * Values mirror app/globals.css: brand-600 primary, slate neutrals, the system font stack.
 */
const THEME_CONFIG = {
  "--nylas-primary": "#1f57d1",
  "--nylas-info": "#2f6fed",
  "--nylas-font-family": 'ui-sans-serif, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif',
  "--nylas-border-radius": "0.375rem",
  "--nylas-border-radius-2x": "0.75rem",
  "--nylas-border-radius-3x": "1rem",
  "--nylas-base-0": "#ffffff",
  "--nylas-base-25": "#fcfdfe",
  "--nylas-base-50": "#f8fafc",
  "--nylas-base-100": "#f1f5f9",
  "--nylas-base-200": "#e2e8f0",
  "--nylas-base-300": "#cbd5e1",
  "--nylas-base-400": "#94a3b8",
  "--nylas-base-500": "#64748b",
  "--nylas-base-600": "#475569",
  "--nylas-base-700": "#334155",
  "--nylas-base-800": "#1e293b",
  "--nylas-base-900": "#0f172a",
  "--nylas-base-950": "#020617",
  "--nylas-color-blue-50": "#eef6ff",
  "--nylas-color-blue-100": "#d9eaff",
  "--nylas-color-blue-300": "#a9cbff",
  "--nylas-color-blue-500": "#2f6fed",
  "--nylas-color-blue-700": "#1944a6",
  "--nylas-color-blue-900": "#14337a",
};

export type BookingSchedulerProps = {
  /** The role's scheduling configuration id at the current Nylas environment. */
  configurationId?: string;
  /** Instead of configurationId: the public configuration's slug and client id. */
  hostedPage?: { slug: string; clientId: string };
  /**
   * Bare origin of the Nylas scheduling API (the component replaces the URL path). null in sandbox
   * mode: the app serves `/v3/scheduling/*` itself, so the browser's own origin is used.
   */
  schedulerApiUrl: string | null;
  /**
   * The panel's recording notice. The component shows its consent line when the configuration has
   * `show_ui_consent_message`; its text is the component's `notetakerConsentMessage` string.
   */
  consentMessage?: string | null;
};

type SchedulingLocalization = ComponentProps<typeof NylasScheduling>["localization"];

const noSubscription = () => () => {};

/** window.location.origin in the browser; null during server rendering (no hydration mismatch). */
function useBrowserOrigin(): string | null {
  return useSyncExternalStore(
    noSubscription,
    () => window.location.origin,
    () => null,
  );
}

/**
 * Public booking widget. No confirmation redirect is configured, so after booking the component's
 * own confirmation card (with cancel / reschedule) shows. No sessionId or clientId: the public
 * configuration is selected by `configuration_id`.
 */
export function BookingScheduler({ configurationId, hostedPage, schedulerApiUrl, consentMessage }: BookingSchedulerProps) {
  const origin = useBrowserOrigin();
  const apiUrl = schedulerApiUrl ?? origin;
  // Stable identity: the component re-applies localization when the object changes.
  // The key exists at runtime (the booking form reads it) but is missing from the published types.
  const localization = useMemo(() => (consentMessage ? ({ en: { notetakerConsentMessage: consentMessage } } as unknown as SchedulingLocalization) : undefined), [consentMessage]);

  return (
    // Block layout: the component is fit-content (784px) and centred on desktop, full width on
    // phones (its own breakpoint is 768px). No overflow clipping: its dropdowns must not be cut off.
    <div className="w-full [&_nylas-scheduling]:mx-auto" data-testid="booking-scheduler">
      {apiUrl ? (
        <NylasScheduling
          {...(configurationId ? { configurationId } : hostedPage)}
          schedulerApiUrl={apiUrl}
          themeConfig={THEME_CONFIG}
          nylasBranding={false}
          enableUserFeedback={false}
          {...(localization ? { localization } : {})}
        />
      ) : (
        <SchedulerLoading />
      )}
    </div>
  );
}

/** Placeholder sized like the scheduler (784 x ~680 px on desktop) so the page does not jump. */
function SchedulerLoading({ className }: { className?: string }) {
  return (
    <div
      role="status"
      aria-live="polite"
      className={cn("mx-auto flex min-h-[680px] w-full max-w-[784px] flex-col items-center justify-center gap-3 rounded-xl border border-slate-200 bg-slate-50 text-sm text-muted", className)}
    >
      <svg className="size-6 animate-spin text-brand-600" viewBox="0 0 24 24" fill="none" aria-hidden="true">
        <circle cx="12" cy="12" r="10" stroke="currentColor" strokeOpacity="0.25" strokeWidth="3" />
        <path d="M22 12a10 10 0 0 0-10-10" stroke="currentColor" strokeWidth="3" strokeLinecap="round" />
      </svg>
      <span>Loading available times…</span>
    </div>
  );
}
