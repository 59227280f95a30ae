import { prefillScriptText } from "@/lib/scheduling";
import { availabilityPrefill } from "@/lib/sandbox";
import { SchedulerHost } from "./scheduler-host";
import vendored from "./vendor-manifest.json";

/*
 * Nylas's `<nylas-scheduling>` web component (@nylas/web-elements, pinned), loaded on its own: the
 * single-element build, minified and content-hashed into public/vendor/ by scripts/vendor-nylas.ts
 * (vendor-manifest.json is written with it; a build without it fails). Issue 18: the careers page's
 * first bookable time waited for our JS to hydrate before a 2.4 MB bundle of every Nylas element
 * was even requested. Now:
 * - the module script is in the <head> (preinitModule in SchedulerHost: Next.js puts React's resource
 *   hints into the HTML only from client components), so it downloads while the HTML parses;
 * - the element is in the HTML with its string attributes, so it upgrades as soon as the module
 *   has run, without waiting for React;
 * - its first request, ui-settings, has a stable URL and is preloaded (sandbox mode; in live mode
 *   the request has headers that need a CORS preflight, so only the connection is opened early);
 * - the theme is CSS on the element (app/globals.css), and the consent line's text the one object
 *   property, set by SchedulerHost;
 * - in sandbox mode its availability is in the HTML (a JSON script before the element, computed by
 *   the sandbox's own engine for this request): the vendored module's entry gives it to the element
 *   before defining it, so the component skips its availability request (lib/scheduling/
 *   scheduler-prefill.ts). In live mode, and after a client-side navigation (the element is then
 *   created already defined), the component fetches it itself.
 * No other module may import @nylas/react or the web-elements files (eslint.config.mjs): a second
 * copy would race this one for the tag name.
 */

export type BookingSchedulerProps = {
  /** The role's scheduling configuration id at the current Nylas environment. */
  configurationId?: string;
  /** Instead of configurationId: the public configuration's slug and client id. */
  hostedPage?: { slug: string; clientId: string };
  /**
   * Bare origin of the Nylas scheduling API (the component replaces the URL path). null in sandbox
   * mode: the app serves `/v3/scheduling/*` itself, and the component turns "/" into the page's origin.
   */
  schedulerApiUrl: string | null;
  /**
   * The panel's recording notice. The component shows its consent line when the configuration has
   * `show_ui_consent_message`; its text is the component's `notetakerConsentMessage` string.
   */
  consentMessage?: string | null;
};

/** The component's first request, exactly as it builds it (ui-settings by configuration id, or by slug and client id). */
export function uiSettingsPath({ configurationId, hostedPage }: Pick<BookingSchedulerProps, "configurationId" | "hostedPage">): string {
  const query = configurationId ? `configuration_id=${configurationId}` : hostedPage ? `slug=${hostedPage.slug}&client_id=${hostedPage.clientId}` : "";
  return `/v3/scheduling/ui-settings?${query}`;
}

/**
 * Public booking widget. No confirmation redirect is configured, so after booking the component's
 * own confirmation card (with cancel / reschedule) shows. No sessionId: the public configuration is
 * selected by `configuration_id` (or, for the hosted page, by slug and client id).
 */
export async function BookingScheduler({ configurationId, hostedPage, schedulerApiUrl, consentMessage }: BookingSchedulerProps) {
  const target = configurationId ? { configurationId } : hostedPage;
  const prefill = schedulerApiUrl === null && target ? await availabilityPrefill(target, new Date()) : null;
  return (
    <SchedulerHost
      moduleSrc={vendored.src}
      // In live mode the request carries headers that need a CORS preflight (a preload could not be
      // the component's request): only the connection is opened early there.
      early={schedulerApiUrl ? { preconnect: new URL(schedulerApiUrl).origin } : { preloadFetch: uiSettingsPath({ configurationId, hostedPage }) }}
      consentMessage={consentMessage ?? null}
    >
      {prefill ? (
        // Data, not code (never executed, so the CSP does not apply): read by the vendored module's entry.
        <script type="application/json" data-nylas-scheduling-prefill="" dangerouslySetInnerHTML={{ __html: prefillScriptText(prefill) }} />
      ) : null}
      {/* Stencil adds class="hydrated" once it has rendered: not a mismatch to report. */}
      <nylas-scheduling
        {...(configurationId ? { "configuration-id": configurationId } : { slug: hostedPage?.slug, "client-id": hostedPage?.clientId })}
        scheduler-api-url={schedulerApiUrl ?? "/"}
        nylas-branding="false"
        enable-user-feedback="false"
        // Read by the vendored module's entry as soon as the document is parsed (scripts/lib/vendor-nylas.ts).
        data-consent-message={consentMessage ?? undefined}
        suppressHydrationWarning
      />
      <SchedulerLoading />
    </SchedulerHost>
  );
}

/**
 * Placeholder sized like the scheduler (784 x ~680 px on desktop) so the page does not jump; shown
 * until the component has rendered (app/globals.css hides it next to a hydrated element).
 */
function SchedulerLoading() {
  return (
    <div
      role="status"
      aria-live="polite"
      data-scheduler-loading=""
      className="mx-auto flex min-h-[680px] w-full max-w-[784px] flex-col items-center justify-center gap-3 rounded-xl border border-slate-200 bg-slate-50 text-sm text-muted"
    >
      <svg className="size-6 animate-spin text-brand-600" viewBox="0 0 24 24" fill="none" aria-hidden="true">
        <circle cx="12" cy="12" r="10" stroke="currentColor" strokeOpacity="0.25" strokeWidth="3" />
        <path d="M22 12a10 10 0 0 0-10-10" stroke="currentColor" strokeWidth="3" strokeLinecap="round" />
      </svg>
      <span>Loading available times…</span>
    </div>
  );
}
