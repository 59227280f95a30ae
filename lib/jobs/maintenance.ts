/**
 * The runner's own housekeeping: dead-lettered jobs are kept for /settings/jobs (the last error,
 * Retry) for DEAD_JOB_RETENTION_DAYS, then deleted; their kinds' own rows keep what happened.
 */
import "server-only";
import { db } from "@/lib/db";
import { defineJobKind } from "./kind";

const DEAD_JOB_RETENTION_DAYS = 30;

export const jobsPruneJob = defineJobKind<{ scheduledFor?: string }>({
  name: "jobs.prune",
  title: "Delete dead jobs after 30 days",
  concurrency: 1,
  retry: "maintenance",
  schedule: "@daily",
  run: async () => {
    await db.$executeRaw`DELETE FROM jobs WHERE state = 'DEAD' AND updated_at < now() - make_interval(days => ${DEAD_JOB_RETENTION_DAYS})`;
  },
});
