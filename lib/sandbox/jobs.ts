/**
 * The sandbox's own background work, on the app's job runner but declared in the sandbox, so that
 * it stays liftable: lib/workers.ts registers `sandboxJobKinds` in sandbox mode and imports nothing
 * else of the sandbox.
 *
 * - "sandbox.webhook-delivery" (lib/sandbox/webhook-dispatcher.ts): one per outbox row.
 * - "sandbox.notetaker-step" (lib/sandbox/notetakers.ts): a notetaker's clock-driven lifecycle.
 */
import "server-only";
import type { AnyJobKind } from "@/lib/jobs";
import { notetakerStepJob } from "./notetakers";
import { webhookDeliveryJob } from "./webhook-dispatcher";

export const sandboxJobKinds: readonly AnyJobKind[] = [webhookDeliveryJob, notetakerStepJob] as unknown as AnyJobKind[];
