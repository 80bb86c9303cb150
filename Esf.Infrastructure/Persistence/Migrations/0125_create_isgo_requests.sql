-- Sending invoices to a government system for state support (ИС ГО, spec-rest §3.8; issue 14 item 5; ADR 0029).

-- The registry of state bodies (государственные органы) and their subsidies, imported like the other registries.
CREATE TABLE state_bodies (
    code     varchar(20) PRIMARY KEY,
    name_ru  text        NOT NULL
);

CREATE TABLE state_subsidies (
    code             varchar(20) PRIMARY KEY,
    state_body_code  varchar(20) NOT NULL,
    name_ru          text        NOT NULL
);

CREATE INDEX state_subsidies_body ON state_subsidies (state_body_code);

-- A request: who sent it, who confirms it, to which state body and for which subsidy, and where it stands. Both parties'
-- TINs are the tenant predicate (ADR 0003): no other enterprise sees the request.
CREATE TABLE isgo_requests (
    request_id        bigint       GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    initiator_tin     varchar(20)  NOT NULL,
    counterparty_tin  varchar(20)  NOT NULL,
    state_body_code   varchar(20)  NOT NULL,
    subsidy_code      varchar(20),
    status            varchar(40)  NOT NULL,
    note              text,
    created_at        timestamptz  NOT NULL,
    confirmed_at      timestamptz,
    last_update_date  timestamptz  NOT NULL
);

CREATE INDEX isgo_requests_initiator ON isgo_requests (initiator_tin, request_id);
CREATE INDEX isgo_requests_counterparty ON isgo_requests (counterparty_tin, request_id);

-- The invoices of a request, the status each had before it (given back when the request ends without support) and the
-- outcome of each (statuses 7–10 are worded per invoice).
CREATE TABLE isgo_request_invoices (
    request_id       bigint       NOT NULL REFERENCES isgo_requests (request_id),
    invoice_id       bigint       NOT NULL REFERENCES invoices (invoice_id),
    previous_status  varchar(40)  NOT NULL,
    outcome          varchar(40)  NOT NULL,
    PRIMARY KEY (request_id, invoice_id)
);

CREATE INDEX isgo_request_invoices_invoice ON isgo_request_invoices (invoice_id);

-- The request's life («Просмотр истории»): every status with who set it and the note (a refusal's reason).
CREATE TABLE isgo_request_history (
    id           bigint       GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    request_id   bigint       NOT NULL REFERENCES isgo_requests (request_id),
    from_status  varchar(40),
    to_status    varchar(40)  NOT NULL,
    actor        varchar(40)  NOT NULL,
    tin          varchar(20),
    note         text,
    changed_at   timestamptz  NOT NULL
);

CREATE INDEX isgo_request_history_request ON isgo_request_history (request_id, id);
