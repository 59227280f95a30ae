/**
 * The Nylas sandbox from the outside: everything the rest of the app (routes, the /sandbox
 * console, the worker composition root, the demo seed, scripts) may use. Nothing outside
 * lib/sandbox imports its files directly, and the sandbox imports no product module, only shared
 * infrastructure (lib/db, lib/env, lib/generated, lib/jobs, lib/scheduling, lib/http); the unit
 * test tests/unit/sandbox/import-boundary.test.ts holds both rules. Product code talks to the
 * sandbox only over HTTP, through the `nylas` SDK, exactly as it talks to Nylas (DESIGN "Two modes,
 * one code path"); this index is for what hosts and drives the sandbox.
 */
import "server-only";

/** /v3/** (app/v3/[...path]/route.ts): the Nylas-compatible API, 404 in live mode. */
export { handleSandboxRequest } from "./api";

/** The sandbox's job kinds, registered by lib/workers.ts in sandbox mode. */
export { sandboxWorkers } from "./jobs";
/** The webhook delivery kind, for draining deliveries inline (scripts/bench). */
export { webhookDeliveryJob } from "./webhook-dispatcher";

/** The demo's grants, calendars and busy events (lib/seed/seed-demo.ts). */
export { seedSandbox, type SandboxSeedCalendar } from "./seed";
/** The grants of some emails (the demo seed's calendar connections). */
export { listSandboxGrantsByEmail } from "./grants";

/** The /sandbox console (app/sandbox): notetakers to run, calendars to connect, the Outbox. */
export {
  CONSOLE_PAGE_SIZE,
  listConsoleCalendars,
  listConsoleMessages,
  listConsoleNotetakers,
  updateConsoleCalendar,
  type ConsoleCalendar,
  type ConsoleMessage,
  type ConsoleNotetaker,
} from "./console";
export { toConsoleFieldErrors, ZConsoleCalendar, ZConsoleRun, type TConsoleCalendar, type TConsoleCalendarFieldErrors } from "./console-validation";
export { SandboxApiError } from "./errors";
/** The hosted scheduling page (app/book/[slug]). */
export { findHostedSchedulingPage } from "./configurations";
/** The availability a server-rendered <nylas-scheduling> starts with (components/scheduling/booking-scheduler.tsx). */
export { availabilityPrefill } from "./availability";
export { runNotetakerNow } from "./notetakers";
