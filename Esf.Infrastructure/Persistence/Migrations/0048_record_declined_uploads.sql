-- Issue 15, the journal's upload log: what each upload declined and why (until now only the answer to the uploader said so).
-- One row per violation of a declined invoice; accepted invoices are in invoices (upload_id) as before.
CREATE TABLE upload_declines (
    upload_id   bigint       NOT NULL REFERENCES uploads (upload_id),
    item_index  integer      NOT NULL,
    position    integer      NOT NULL,
    num         text         NOT NULL,
    date_text   text         NOT NULL,
    rule_id     varchar(20)  NOT NULL,
    error_code  varchar(100) NOT NULL,
    property    text         NOT NULL,
    text        text         NOT NULL,
    PRIMARY KEY (upload_id, item_index, position)
);

-- The upload log pages an enterprise's uploads newest first (keyset on upload_id).
CREATE INDEX uploads_tin_id ON uploads (tin, upload_id);

-- The journal's «recent failures»: an enterprise's FAILED invoices, newest change first, without reading its other invoices.
CREATE INDEX invoices_failed_sender ON invoices (sender_tin, last_update_date) WHERE status = 'FAILED';
