-- What a system annulment of an invoice could not take back (issue 13 item 5, ADR 0033 amendment): a waybill's decline or
-- revocation and the ОГД annul an invoice whatever the buyer did with its goods, so the goods still on the buyer's line come
-- back and the rest is recorded here instead of driving a balance negative. One row per reversed movement (its cause and
-- kind, like the movement's own unique key), so a repeated annulment records nothing twice. `tin` owns the short line (the
-- buyer for a sale). No foreign key to invoices: like warehouse_movements.invoice_id, the row stays until its owner's reset.
CREATE TABLE warehouse_shortfalls (
    shortfall_id    bigint         GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    invoice_id      bigint         NOT NULL,
    cause_ref       text           NOT NULL,
    kind            varchar(20)    NOT NULL,
    goods_id        bigint         NOT NULL REFERENCES warehouse_goods (goods_id),
    tin             varchar(20)    NOT NULL,
    quantity        numeric(20, 6) NOT NULL CHECK (quantity > 0),
    recorded_at     timestamptz    NOT NULL,
    CONSTRAINT warehouse_shortfalls_once UNIQUE (cause_ref, kind)
);

CREATE INDEX warehouse_shortfalls_invoice ON warehouse_shortfalls (invoice_id);
CREATE INDEX warehouse_shortfalls_tin ON warehouse_shortfalls (tin);
