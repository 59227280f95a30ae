/**
 * Every kind of background work this app runs, for the job runner (lib/jobs): the composition
 * root that instrumentation.ts (in each server process) and `npm run worker` start. The sandbox's
 * kinds come from its own index (sandboxWorkers()), in sandbox mode only.
 */
import "server-only";
import { passwordResetLinkJob } from "@/lib/auth/password-reset";
import { authPruneJob } from "@/lib/auth/prune";
import { assignmentJob } from "@/lib/assignment/jobs";
import { emailSendJob } from "@/lib/email/jobs";
import type { Env } from "@/lib/env";
import { feedbackRemindersJob } from "@/lib/feedback/jobs";
import { startJobWorkers, stopJobWorkers, type AnyJobKind } from "@/lib/jobs";
import { jobsPruneJob } from "@/lib/jobs/maintenance";
import { selectJobKinds } from "@/lib/jobs/select-kinds";
import { loadCapReconcileJob, loadCapSafetyNetJob } from "@/lib/load/jobs";
import { mediaDownloadJob, mediaPartialsSweepJob } from "@/lib/media/jobs";
import { configurationSyncJob } from "@/lib/nylas/sync-configurations";
import { notetakerCancelJob } from "@/lib/privacy/consent-jobs";
import { nylasNotetakerDeleteJob, storageDeleteJob } from "@/lib/privacy/deletion-jobs";
import { nylasCancelBookingJob } from "@/lib/privacy/erasure-jobs";
import { retentionJob } from "@/lib/privacy/retention-run";
import { interviewAnalysisJob } from "@/lib/scorecards/jobs";
import { sandboxWorkers } from "@/lib/sandbox";
import { webhookProcessingJob } from "@/lib/webhooks/jobs";

const APP_JOB_KINDS = [
  webhookProcessingJob,
  mediaDownloadJob,
  mediaPartialsSweepJob,
  configurationSyncJob,
  assignmentJob,
  interviewAnalysisJob,
  loadCapReconcileJob,
  loadCapSafetyNetJob,
  jobsPruneJob,
  emailSendJob,
  feedbackRemindersJob,
  storageDeleteJob,
  nylasNotetakerDeleteJob,
  notetakerCancelJob,
  nylasCancelBookingJob,
  retentionJob,
  passwordResetLinkJob,
  authPruneJob,
] as unknown as readonly AnyJobKind[];

/** The kinds this process runs (and /settings/jobs lists). */
export function listJobKinds(env: Pick<Env, "NYLAS_MODE">): readonly AnyJobKind[] {
  return env.NYLAS_MODE === "sandbox" ? [...APP_JOB_KINDS, ...sandboxWorkers()] : APP_JOB_KINDS;
}

/** Starts this process's workers (once per process), unless RUN_WORKERS=off. */
export function startWorkers(env: Env): void {
  if (env.RUN_WORKERS === "off") return;
  startJobWorkers({ kinds: selectJobKinds(listJobKinds(env), env.JOB_KINDS), databaseUrl: env.DATABASE_URL!, scheduleOverrides: env.JOB_SCHEDULES });
}

/**
 * Stops this process's workers before it exits (and before its database goes): no new job is
 * claimed, running jobs get `timeoutMs` to finish, what still runs is released for another
 * process, and the workers' LISTEN connection is closed. Safe to call more than once.
 */
export async function stopWorkers(timeoutMs = 10_000): Promise<void> {
  await stopJobWorkers(timeoutMs);
}
