-- The admin page filters webhook notifications by type, newest first.
CREATE INDEX "webhook_events_type_received_at_idx" ON "webhook_events"("type", "received_at");
