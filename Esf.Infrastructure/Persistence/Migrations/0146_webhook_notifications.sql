-- Webhooks push notifications too (ADR 0036): a second cursor per subscription (notification feed positions), and the
-- delivery log names either a status change (feed_position, invoice_id) or a notification (notification_id).
ALTER TABLE webhook_subscriptions ADD COLUMN notification_cursor bigint NOT NULL DEFAULT 0;

ALTER TABLE webhook_deliveries
    ALTER COLUMN feed_position DROP NOT NULL,
    ALTER COLUMN invoice_id DROP NOT NULL,
    ADD COLUMN notification_id bigint;
