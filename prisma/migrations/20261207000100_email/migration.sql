-- Outgoing email (DESIGN "Outgoing email"): the Idempotency-Key round of each email, the sandbox's
-- sent messages as Nylas keeps them (cc, bcc, reply_to, the send's Idempotency-Key) and its test
-- knobs for messages/send.

-- AlterTable
ALTER TABLE "outgoing_emails" ADD COLUMN     "send_round" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "sandbox_grants" ADD COLUMN     "message_faults" JSONB NOT NULL DEFAULT '{}';

-- AlterTable
ALTER TABLE "sandbox_messages" ADD COLUMN     "cc" JSONB NOT NULL DEFAULT '[]',
ADD COLUMN     "bcc" JSONB NOT NULL DEFAULT '[]',
ADD COLUMN     "reply_to" JSONB NOT NULL DEFAULT '[]',
ADD COLUMN     "idempotency_key" TEXT,
ADD COLUMN     "request_hash" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "sandbox_messages_grant_id_idempotency_key_key" ON "sandbox_messages"("grant_id", "idempotency_key");
