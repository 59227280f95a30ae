-- "Why this interviewer" is worked out by its own worker (it asks Nylas for free/busy), not on the
-- booking's processing path: assignment_jobs is its queue, one row per interview that is due.

-- CreateTable
CREATE TABLE "assignment_jobs" (
    "interview_id" UUID NOT NULL,
    "due_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "assignment_jobs_pkey" PRIMARY KEY ("interview_id")
);

-- CreateIndex
CREATE INDEX "assignment_jobs_due_at_idx" ON "assignment_jobs"("due_at");

-- AddForeignKey
ALTER TABLE "assignment_jobs" ADD CONSTRAINT "assignment_jobs_interview_id_fkey" FOREIGN KEY ("interview_id") REFERENCES "interviews"("id") ON DELETE CASCADE ON UPDATE CASCADE;
