-- Issue 6: the worker claims an upload (this one row) instead of moving each of its invoices to IN_PROCESSING, and
-- sets each invoice's verdict in one UPDATE: one row version less per invoice, and no IN_PROCESSING history row.
ALTER TABLE uploads
    -- The last claim by a worker and how many deliveries claimed it: the relay fails an upload's invoices (API-06) only
    -- after RelayMaxAttempts claims without a verdict, never because its message waits in a long queue.
    ADD COLUMN claimed_at   timestamptz,
    ADD COLUMN claim_count  integer      NOT NULL DEFAULT 0,
    -- Who claimed last (worker process + message id): retries of one delivery in one process are one claim.
    ADD COLUMN claim_token  varchar(100),
    -- Set in the transaction that wrote the verdicts of the upload's last unfinished invoices.
    ADD COLUMN finished_at  timestamptz;

-- Uploads with nothing left to do (every one before this migration, unless still queued) are finished.
UPDATE uploads u SET finished_at = now()
WHERE NOT EXISTS (SELECT 1 FROM invoices i WHERE i.upload_id = u.upload_id AND i.status IN ('IN_QUEUE', 'IN_PROCESSING'));

-- The relay's sweep reads only unfinished uploads (uploads without accepted invoices never need the worker).
CREATE INDEX uploads_unfinished ON uploads (upload_id) WHERE finished_at IS NULL AND accepted_count > 0;

-- lz4 compresses the ~7 KB XML bodies (and certificates) for TOAST at a fraction of pglz's CPU. Only new values use it;
-- a server built without lz4 keeps pglz.
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_settings WHERE name = 'default_toast_compression' AND 'lz4' = ANY (enumvals)) THEN
        ALTER TABLE invoices ALTER COLUMN body SET COMPRESSION lz4;
        ALTER TABLE invoices ALTER COLUMN certificate SET COMPRESSION lz4;
    END IF;
END $$;
