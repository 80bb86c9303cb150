-- The change feed (queryUpdates, GET /api/v1/updates). History ids come from an identity, so they are handed out in
-- insert order, not in commit order: a reader that follows ids would skip a row committed late with a smaller id.
-- A single writer (FeedSequencer, under an advisory lock) gives every committed history row its feed position, in
-- the order the rows become visible; readers only read sequenced rows, by position.
ALTER TABLE invoice_status_history
    ADD COLUMN feed_position bigint,
    -- One instant per sequencing pass, strictly increasing, in milliseconds: queryUpdates' lastEventDate.
    ADD COLUMN feed_at timestamptz;

CREATE UNIQUE INDEX invoice_status_history_feed_position ON invoice_status_history (feed_position) WHERE feed_position IS NOT NULL;
CREATE INDEX invoice_status_history_feed_at ON invoice_status_history (feed_at, invoice_id) WHERE feed_position IS NOT NULL;
CREATE INDEX invoice_status_history_unsequenced ON invoice_status_history (id) WHERE feed_position IS NULL;

-- Search (queryInvoice, GET /api/v1/invoices) by last update and by sender.
CREATE INDEX invoices_last_update ON invoices (last_update_date, invoice_id);
CREATE INDEX invoices_sender_date ON invoices (sender_tin, invoice_date);
