/**
 * The sandbox's own background work, on the app's job runner but declared in the sandbox, so that
 * it stays liftable: lib/workers.ts registers `sandboxWorkers()` in sandbox mode (through
 * lib/sandbox/index.ts) and imports nothing else of the sandbox.
 *
 * - "sandbox.webhook-delivery" (lib/sandbox/webhook-dispatcher.ts): one per outbox row.
 * - "sandbox.notetaker-step" (lib/sandbox/notetakers.ts): a notetaker's clock-driven lifecycle.
 */
import "server-only";
import type { AnyJobKind } from "@/lib/jobs";
import { notetakerStepJob } from "./notetakers";
import { webhookDeliveryJob } from "./webhook-dispatcher";

/** The job kinds the sandbox needs workers for. */
export function sandboxWorkers(): readonly AnyJobKind[] {
  return [webhookDeliveryJob, notetakerStepJob] as unknown as AnyJobKind[];
}
