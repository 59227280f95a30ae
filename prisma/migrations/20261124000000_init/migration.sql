-- Initial schema. Hand-written in Prisma's migration format; applied by lib/db/migrate.ts.
-- tests/integration/schema-drift.test.ts checks it against prisma/schema.prisma.

CREATE EXTENSION IF NOT EXISTS btree_gist;

-- CreateEnum
CREATE TYPE "UserRole" AS ENUM ('ADMIN', 'RECRUITER', 'INTERVIEWER');
CREATE TYPE "AvailabilityMethod" AS ENUM ('MAX_FAIRNESS', 'MAX_AVAILABILITY');
CREATE TYPE "ApplicationStage" AS ENUM ('APPLIED', 'INTERVIEWING', 'DEBRIEF', 'OFFER', 'HIRED', 'REJECTED');
CREATE TYPE "InterviewStatus" AS ENUM ('SCHEDULED', 'RESCHEDULED', 'CANCELLED', 'COMPLETED');

-- CreateTable
CREATE TABLE "users" (
    "id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "role" "UserRole" NOT NULL,
    "password_hash" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "last_login_at" TIMESTAMPTZ(3),
    CONSTRAINT "users_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "users_email_key" ON "users"("email");

CREATE TABLE "login_attempts" (
    "id" BIGSERIAL NOT NULL,
    "email" TEXT NOT NULL,
    "ip" TEXT NOT NULL,
    "succeeded" BOOLEAN NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "login_attempts_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "login_attempts_email_created_at_idx" ON "login_attempts"("email", "created_at");
CREATE INDEX "login_attempts_ip_created_at_idx" ON "login_attempts"("ip", "created_at");

CREATE TABLE "interviewers" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "timezone" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "interviewers_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "interviewers_email_key" ON "interviewers"("email");

CREATE TABLE "panels" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "availability_method" "AvailabilityMethod" NOT NULL,
    "duration_minutes" INTEGER NOT NULL,
    "buffer_before_minutes" INTEGER NOT NULL DEFAULT 0,
    "buffer_after_minutes" INTEGER NOT NULL DEFAULT 0,
    "timezone" TEXT NOT NULL,
    "open_hours" JSONB NOT NULL,
    "min_booking_notice_minutes" INTEGER NOT NULL DEFAULT 60,
    "available_days_in_future" INTEGER NOT NULL DEFAULT 30,
    "conferencing_provider" TEXT,
    "notetaker_enabled" BOOLEAN NOT NULL DEFAULT true,
    "notetaker_name" TEXT NOT NULL DEFAULT 'Interview Recorder',
    "summary_instructions" TEXT NOT NULL DEFAULT '',
    "action_items_instructions" TEXT NOT NULL DEFAULT '',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "panels_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "panels_name_key" ON "panels"("name");

CREATE TABLE "panel_members" (
    "panel_id" UUID NOT NULL,
    "interviewer_id" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    CONSTRAINT "panel_members_pkey" PRIMARY KEY ("panel_id", "interviewer_id")
);
CREATE UNIQUE INDEX "panel_members_panel_id_position_key" ON "panel_members"("panel_id", "position");

CREATE TABLE "roles" (
    "id" UUID NOT NULL,
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "team" TEXT NOT NULL,
    "location" TEXT NOT NULL,
    "employment" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "published" BOOLEAN NOT NULL DEFAULT false,
    "panel_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "roles_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "roles_slug_key" ON "roles"("slug");

CREATE TABLE "role_configurations" (
    "id" UUID NOT NULL,
    "role_id" UUID NOT NULL,
    "api_uri" TEXT NOT NULL,
    "configuration_id" TEXT NOT NULL,
    "grant_id" TEXT NOT NULL,
    "last_synced_at" TIMESTAMPTZ(3),
    "last_sync_error" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "role_configurations_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "role_configurations_role_id_api_uri_key" ON "role_configurations"("role_id", "api_uri");
CREATE UNIQUE INDEX "role_configurations_api_uri_configuration_id_key" ON "role_configurations"("api_uri", "configuration_id");

CREATE TABLE "webhook_subscriptions" (
    "id" UUID NOT NULL,
    "api_uri" TEXT NOT NULL,
    "webhook_id" TEXT NOT NULL,
    "webhook_url" TEXT NOT NULL,
    "secret" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "webhook_subscriptions_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "webhook_subscriptions_api_uri_webhook_id_key" ON "webhook_subscriptions"("api_uri", "webhook_id");

CREATE TABLE "candidates" (
    "id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "email_raw" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "timezone" TEXT,
    "linkedin_url" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "candidates_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "candidates_email_key" ON "candidates"("email");

CREATE TABLE "applications" (
    "id" UUID NOT NULL,
    "candidate_id" UUID NOT NULL,
    "role_id" UUID NOT NULL,
    "stage" "ApplicationStage" NOT NULL DEFAULT 'INTERVIEWING',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "applications_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "applications_candidate_id_role_id_key" ON "applications"("candidate_id", "role_id");

CREATE TABLE "interviews" (
    "id" UUID NOT NULL,
    "booking_id" TEXT NOT NULL,
    "application_id" UUID,
    "interviewer_id" UUID,
    "configuration_id" TEXT,
    "event_id" TEXT,
    "title" TEXT,
    "starts_at" TIMESTAMPTZ(3),
    "ends_at" TIMESTAMPTZ(3),
    "guest_timezone" TEXT,
    "meeting_url" TEXT,
    "status" "InterviewStatus" NOT NULL DEFAULT 'SCHEDULED',
    "cancelled_at" TIMESTAMPTZ(3),
    "cancellation_reason" TEXT,
    "notetaker_id" TEXT,
    "notetaker_state" TEXT,
    "replaces_interview_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "interviews_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "interviews_booking_id_key" ON "interviews"("booking_id");
CREATE INDEX "interviews_starts_at_idx" ON "interviews"("starts_at");
CREATE INDEX "interviews_application_id_idx" ON "interviews"("application_id");

CREATE TABLE "sandbox_grants" (
    "id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "provider" TEXT NOT NULL DEFAULT 'google',
    "timezone" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "sandbox_grants_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "sandbox_grants_email_key" ON "sandbox_grants"("email");

CREATE TABLE "sandbox_calendars" (
    "id" TEXT NOT NULL,
    "grant_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "is_primary" BOOLEAN NOT NULL DEFAULT false,
    "timezone" TEXT NOT NULL,
    CONSTRAINT "sandbox_calendars_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "sandbox_calendars_grant_id_idx" ON "sandbox_calendars"("grant_id");

CREATE TABLE "sandbox_events" (
    "id" TEXT NOT NULL,
    "calendar_id" TEXT NOT NULL,
    "grant_id" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT,
    "location" TEXT,
    "start_time" TIMESTAMPTZ(3) NOT NULL,
    "end_time" TIMESTAMPTZ(3) NOT NULL,
    "timezone" TEXT NOT NULL,
    "busy" BOOLEAN NOT NULL DEFAULT true,
    "status" TEXT NOT NULL DEFAULT 'confirmed',
    "participants" JSONB NOT NULL DEFAULT '[]',
    "organizer" JSONB,
    "conferencing" JSONB,
    "metadata" JSONB NOT NULL DEFAULT '{}',
    "ical_uid" TEXT NOT NULL,
    "generated" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "sandbox_events_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "sandbox_events_calendar_id_start_time_idx" ON "sandbox_events"("calendar_id", "start_time");
CREATE INDEX "sandbox_events_grant_id_start_time_idx" ON "sandbox_events"("grant_id", "start_time");

CREATE TABLE "sandbox_configurations" (
    "id" UUID NOT NULL,
    "grant_id" UUID NOT NULL,
    "slug" TEXT,
    "data" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "sandbox_configurations_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "sandbox_configurations_slug_key" ON "sandbox_configurations"("slug");
CREATE INDEX "sandbox_configurations_grant_id_idx" ON "sandbox_configurations"("grant_id");

CREATE TABLE "sandbox_bookings" (
    "id" UUID NOT NULL,
    "configuration_id" UUID NOT NULL,
    "host_email" TEXT NOT NULL,
    "host_grant_id" UUID NOT NULL,
    "event_id" TEXT NOT NULL,
    "calendar_id" TEXT NOT NULL,
    "start_time" TIMESTAMPTZ(3) NOT NULL,
    "end_time" TIMESTAMPTZ(3) NOT NULL,
    "block_start" TIMESTAMPTZ(3) NOT NULL,
    "block_end" TIMESTAMPTZ(3) NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'booked',
    "guest_name" TEXT NOT NULL,
    "guest_email" TEXT NOT NULL,
    "guest_timezone" TEXT,
    "email_language" TEXT,
    "additional_fields" JSONB,
    "additional_guests" JSONB,
    "salt" TEXT NOT NULL,
    "cancellation_reason" TEXT,
    "cancelled_at" TIMESTAMPTZ(3),
    "decision" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "sandbox_bookings_pkey" PRIMARY KEY ("id"),
    -- Races are decided here, not by a check-then-insert: one host cannot hold two live bookings
    -- whose buffered ranges overlap. Cancelled bookings free their slot.
    CONSTRAINT "sandbox_bookings_no_overlap" EXCLUDE USING gist (
        "host_grant_id" WITH =,
        tstzrange("block_start", "block_end", '[)') WITH &&
    ) WHERE ("status" <> 'cancelled')
);
CREATE INDEX "sandbox_bookings_configuration_id_host_email_created_at_idx" ON "sandbox_bookings"("configuration_id", "host_email", "created_at");
CREATE INDEX "sandbox_bookings_host_grant_id_start_time_idx" ON "sandbox_bookings"("host_grant_id", "start_time");

CREATE TABLE "sandbox_webhooks" (
    "id" UUID NOT NULL,
    "webhook_url" TEXT NOT NULL,
    "description" TEXT,
    "trigger_types" TEXT[],
    "secret" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'active',
    "notification_email_addresses" TEXT[],
    "compressed_delivery" BOOLEAN NOT NULL DEFAULT false,
    "status_updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "sandbox_webhooks_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "sandbox_webhook_deliveries" (
    "id" UUID NOT NULL,
    "webhook_id" UUID NOT NULL,
    "notification_id" TEXT NOT NULL,
    "trigger_type" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "next_attempt_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_status_code" INTEGER,
    "last_error" TEXT,
    "delivered_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "sandbox_webhook_deliveries_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "sandbox_webhook_deliveries_webhook_id_notification_id_key" ON "sandbox_webhook_deliveries"("webhook_id", "notification_id");
CREATE INDEX "sandbox_webhook_deliveries_status_next_attempt_at_idx" ON "sandbox_webhook_deliveries"("status", "next_attempt_at");

-- AddForeignKey
ALTER TABLE "panel_members" ADD CONSTRAINT "panel_members_panel_id_fkey" FOREIGN KEY ("panel_id") REFERENCES "panels"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "panel_members" ADD CONSTRAINT "panel_members_interviewer_id_fkey" FOREIGN KEY ("interviewer_id") REFERENCES "interviewers"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "roles" ADD CONSTRAINT "roles_panel_id_fkey" FOREIGN KEY ("panel_id") REFERENCES "panels"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "role_configurations" ADD CONSTRAINT "role_configurations_role_id_fkey" FOREIGN KEY ("role_id") REFERENCES "roles"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "applications" ADD CONSTRAINT "applications_candidate_id_fkey" FOREIGN KEY ("candidate_id") REFERENCES "candidates"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "applications" ADD CONSTRAINT "applications_role_id_fkey" FOREIGN KEY ("role_id") REFERENCES "roles"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "interviews" ADD CONSTRAINT "interviews_application_id_fkey" FOREIGN KEY ("application_id") REFERENCES "applications"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "interviews" ADD CONSTRAINT "interviews_interviewer_id_fkey" FOREIGN KEY ("interviewer_id") REFERENCES "interviewers"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "interviews" ADD CONSTRAINT "interviews_replaces_interview_id_fkey" FOREIGN KEY ("replaces_interview_id") REFERENCES "interviews"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "sandbox_calendars" ADD CONSTRAINT "sandbox_calendars_grant_id_fkey" FOREIGN KEY ("grant_id") REFERENCES "sandbox_grants"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "sandbox_events" ADD CONSTRAINT "sandbox_events_calendar_id_fkey" FOREIGN KEY ("calendar_id") REFERENCES "sandbox_calendars"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "sandbox_bookings" ADD CONSTRAINT "sandbox_bookings_configuration_id_fkey" FOREIGN KEY ("configuration_id") REFERENCES "sandbox_configurations"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "sandbox_webhook_deliveries" ADD CONSTRAINT "sandbox_webhook_deliveries_webhook_id_fkey" FOREIGN KEY ("webhook_id") REFERENCES "sandbox_webhooks"("id") ON DELETE CASCADE ON UPDATE CASCADE;
