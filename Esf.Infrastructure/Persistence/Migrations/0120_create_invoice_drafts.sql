-- Drafts («Черновик», issue 14): an unsigned, possibly incomplete invoice body its enterprise saves, edits and sends later.
-- Kept apart from invoices (whose columns need a readable, signed body), so a draft never reaches a search, a feed or a
-- counterparty. Sending makes it an upload: invoice_id and upload_id are set once, in the upload's transaction.
CREATE TABLE invoice_drafts (
    draft_id     bigint       GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tin          varchar(20)  NOT NULL,
    author_login varchar(20)  NOT NULL,
    body         text         NOT NULL,
    created_at   timestamptz  NOT NULL,
    updated_at   timestamptz  NOT NULL,
    invoice_id   bigint       REFERENCES invoices (invoice_id),
    upload_id    bigint       REFERENCES uploads (upload_id),
    sent_at      timestamptz
);

CREATE INDEX invoice_drafts_tin ON invoice_drafts (tin, draft_id);
