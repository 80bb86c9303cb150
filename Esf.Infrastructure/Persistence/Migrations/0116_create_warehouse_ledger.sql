-- The ledger of the virtual warehouse. A goods line (партия) is one kind of goods in one warehouse, identified by its
-- catalogue and ТН ВЭД codes, its source document line (ДТ, ФНО 328.00, СТ-KZ, СТ-1), name, country, mark, price and
-- unit; its quantity is the sum of its movements, kept in the row so that a write-off can lock it and never overdraw it
-- (ADR 0027). The CHECK is the last line of defence; the code refuses with its rule before reaching it.
CREATE TABLE warehouse_goods (
    goods_id        bigint         GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    warehouse_id    bigint         NOT NULL REFERENCES warehouses (warehouse_id),
    tin             varchar(20)    NOT NULL,
    gsvs_code       varchar(40)    NOT NULL,
    tnved_code      varchar(10)    NOT NULL,
    source_kind     varchar(10)    NOT NULL,
    source_number   varchar(60)    NOT NULL,
    source_position integer,
    source_name     text           NOT NULL,
    country         varchar(2)     NOT NULL,
    physical_mark   text,
    price           numeric(20, 2) NOT NULL,
    unit            varchar(10)    NOT NULL,
    gsvs_name       text,
    quantity        numeric(20, 6) NOT NULL DEFAULT 0 CHECK (quantity >= 0),
    CONSTRAINT warehouse_goods_identity UNIQUE NULLS NOT DISTINCT
        (warehouse_id, gsvs_code, tnved_code, source_kind, source_number, source_position, source_name, country, physical_mark, price, unit)
);

CREATE INDEX warehouse_goods_tin ON warehouse_goods (tin);

-- Immutable movement lines: + receipt, - write-off. A cause (a ДТ line, a form line, an invoice line, a transfer) moves a
-- goods line once per direction: the unique key makes every effect exactly once however often it is retried.
CREATE TABLE warehouse_movements (
    movement_id     bigint         GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    goods_id        bigint         NOT NULL REFERENCES warehouse_goods (goods_id),
    warehouse_id    bigint         NOT NULL REFERENCES warehouses (warehouse_id),
    tin             varchar(20)    NOT NULL,
    quantity        numeric(20, 6) NOT NULL CHECK (quantity <> 0),
    kind            varchar(20)    NOT NULL,
    cause_kind      varchar(20)    NOT NULL,
    cause_ref       text           NOT NULL,
    occurred_at     timestamptz    NOT NULL,
    CONSTRAINT warehouse_movements_once UNIQUE (cause_kind, cause_ref, kind)
);

CREATE INDEX warehouse_movements_warehouse ON warehouse_movements (warehouse_id, movement_id);
CREATE INDEX warehouse_movements_goods ON warehouse_movements (goods_id, occurred_at);

CREATE FUNCTION warehouse_movements_are_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'warehouse movements are immutable: record a new movement instead';
END $$;

CREATE TRIGGER warehouse_movements_immutable BEFORE UPDATE ON warehouse_movements
    FOR EACH ROW EXECUTE FUNCTION warehouse_movements_are_immutable();
