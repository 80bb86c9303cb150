-- Issues 12 and 13 (ADR 0031): waybill status changes and warehouse movements join the change feed. Each gets the columns
-- invoice_status_history has (0005), and FeedSequencer numbers all three tables from ONE counter, so one cursor follows every
-- kind of document. Writers are unchanged: the columns are nullable without a default (no rewrite, nothing more written),
-- and the sequencer fills them after commit, as it does for invoices.
ALTER TABLE waybill_status_history
    ADD COLUMN feed_position bigint,
    ADD COLUMN feed_at timestamptz;

CREATE UNIQUE INDEX waybill_status_history_feed_position ON waybill_status_history (feed_position) WHERE feed_position IS NOT NULL;
CREATE INDEX waybill_status_history_unsequenced ON waybill_status_history (id) WHERE feed_position IS NULL;

ALTER TABLE warehouse_movements
    ADD COLUMN feed_position bigint,
    ADD COLUMN feed_at timestamptz;

CREATE UNIQUE INDEX warehouse_movements_feed_position ON warehouse_movements (feed_position) WHERE feed_position IS NOT NULL;
CREATE INDEX warehouse_movements_unsequenced ON warehouse_movements (movement_id) WHERE feed_position IS NULL;

-- A movement stays immutable (ADR 0027); the one update allowed is the sequencer giving it its feed position once.
CREATE OR REPLACE FUNCTION warehouse_movements_are_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.feed_position IS NULL AND NEW.feed_position IS NOT NULL
       AND to_jsonb(NEW) - 'feed_position' - 'feed_at' = to_jsonb(OLD) - 'feed_position' - 'feed_at' THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'warehouse movements are immutable: record a new movement instead';
END $$;

-- Webhooks choose the kinds of document they follow; existing subscriptions keep following invoices only, as before.
ALTER TABLE webhook_subscriptions ADD COLUMN kinds varchar(10)[] NOT NULL DEFAULT '{INVOICE}';

-- The delivery log names the document of every kind; invoice_id stays filled for invoices, as old readers expect.
ALTER TABLE webhook_deliveries
    ADD COLUMN document_kind varchar(10) NOT NULL DEFAULT 'INVOICE',
    ADD COLUMN document_id bigint,
    ALTER COLUMN invoice_id DROP NOT NULL;
