-- The journal of forms of the virtual warehouse (Журнал Форм): «Остатки», «Производство», «Реорганизация» and write-offs,
-- stored as uploaded (lines in jsonb) and processed by the worker: PROCESSED (Обработанный) or ERROR (Ошибочный) with the reason.
CREATE TABLE warehouse_forms (
    form_id       bigint         GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tin           varchar(20)    NOT NULL,
    kind          varchar(20)    NOT NULL,
    number        varchar(60)    NOT NULL,
    form_date     date           NOT NULL,
    recipient_tin varchar(20),
    total         numeric(20, 2),
    lines         jsonb          NOT NULL,
    status        varchar(20)    NOT NULL DEFAULT 'QUEUED',
    error_reason  text,
    created_at    timestamptz    NOT NULL,
    processed_at  timestamptz,
    CONSTRAINT warehouse_forms_number_once UNIQUE (tin, number, form_date)
);

CREATE INDEX warehouse_forms_queued ON warehouse_forms (form_id) WHERE status = 'QUEUED';
CREATE INDEX warehouse_forms_tin ON warehouse_forms (tin, form_id);
CREATE INDEX warehouse_forms_recipient ON warehouse_forms (recipient_tin, form_id) WHERE recipient_tin IS NOT NULL;
