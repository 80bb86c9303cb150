-- 17-digit invoice ids like the real service's (e.g. 20113995733614592).
CREATE SEQUENCE invoice_id_seq START WITH 10000000000000001 INCREMENT BY 1 MINVALUE 10000000000000001 MAXVALUE 99999999999999999;

-- Tail of the registration number (ESF-<tin>-<yyyyMMdd>-<8 digits>).
CREATE SEQUENCE registration_number_seq START WITH 1;

-- One row per upload request (syncInvoice or POST /api/v1/invoices): the unit the gateway publishes to the worker.
CREATE TABLE uploads (
    upload_id       bigint       GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    session_id      varchar(100) NOT NULL,
    tin             varchar(20)  NOT NULL,
    login           varchar(20)  NOT NULL,
    channel         varchar(10)  NOT NULL,
    received_at     timestamptz  NOT NULL DEFAULT now(),
    item_count      integer      NOT NULL,
    accepted_count  integer      NOT NULL,
    -- Set after the message reached the broker; the relay republishes uploads where it stays null.
    published_at    timestamptz,
    publish_count   integer      NOT NULL DEFAULT 0
);

CREATE INDEX uploads_unpublished ON uploads (received_at) WHERE published_at IS NULL;

CREATE TABLE invoices (
    invoice_id          bigint       PRIMARY KEY DEFAULT nextval('invoice_id_seq'),
    upload_id           bigint       NOT NULL REFERENCES uploads (upload_id),
    registration_number varchar(60),
    status              varchar(40)  NOT NULL,
    num                 varchar(30)  NOT NULL,
    invoice_date        date         NOT NULL,
    date_text           varchar(20)  NOT NULL,
    turnover_date       date,
    invoice_type        varchar(30)  NOT NULL,
    seller_tin          varchar(20)  NOT NULL,
    customer_tin        varchar(50),
    sender_tin          varchar(20)  NOT NULL,
    sender_login        varchar(20)  NOT NULL,
    body                text         NOT NULL,
    signature           varchar(400) NOT NULL,
    signature_type      varchar(20)  NOT NULL,
    signature_valid     boolean,
    certificate         text         NOT NULL,
    version             varchar(20)  NOT NULL,
    hash                varchar(100) NOT NULL,
    input_date          timestamptz  NOT NULL DEFAULT now(),
    delivery_date       timestamptz,
    last_update_date    timestamptz  NOT NULL DEFAULT now(),
    cancel_reason       text,
    kogd                varchar(8)
);

-- One registration number per invoice, and never two invoices with one number.
CREATE UNIQUE INDEX invoices_registration_number ON invoices (registration_number) WHERE registration_number IS NOT NULL;

-- A-02: number + date unique per seller among registered invoices (FAILED and queued ones never hold a number).
CREATE UNIQUE INDEX invoices_seller_num_date_registered ON invoices (seller_tin, num, invoice_date) WHERE registration_number IS NOT NULL;

CREATE INDEX invoices_upload ON invoices (upload_id);
CREATE INDEX invoices_unfinished ON invoices (last_update_date) WHERE status IN ('IN_QUEUE', 'IN_PROCESSING');
CREATE INDEX invoices_seller_date ON invoices (seller_tin, invoice_date);
CREATE INDEX invoices_customer_date ON invoices (customer_tin, invoice_date);

-- Every error the control found for a FAILED invoice (queryInvoiceErrorById).
CREATE TABLE invoice_errors (
    invoice_id  bigint       NOT NULL REFERENCES invoices (invoice_id),
    position    integer      NOT NULL,
    rule_id     varchar(20)  NOT NULL,
    error_code  varchar(100) NOT NULL,
    property    text         NOT NULL,
    text        text         NOT NULL,
    PRIMARY KEY (invoice_id, position)
);

-- One row per status transition (queryInvoiceHistoryById).
CREATE TABLE invoice_status_history (
    id          bigint       GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    invoice_id  bigint       NOT NULL REFERENCES invoices (invoice_id),
    from_status varchar(40),
    to_status   varchar(40)  NOT NULL,
    actor       varchar(40)  NOT NULL,
    tin         varchar(20),
    reason      text,
    client_type varchar(10)  NOT NULL DEFAULT 'API',
    changed_at  timestamptz  NOT NULL DEFAULT now()
);

CREATE INDEX invoice_status_history_invoice ON invoice_status_history (invoice_id, id);

-- A client's retry with the same Idempotency-Key gets the first answer back.
CREATE TABLE idempotency_keys (
    tin             varchar(20)  NOT NULL,
    key             varchar(200) NOT NULL,
    request_hash    varchar(100) NOT NULL,
    response        jsonb,
    created_at      timestamptz  NOT NULL DEFAULT now(),
    PRIMARY KEY (tin, key)
);
