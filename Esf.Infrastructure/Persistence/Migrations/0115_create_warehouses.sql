-- Virtual warehouses (виртуальный склад, ВС) of a taxpayer: a tree (parent_id), a type, a responsible person and exactly one
-- default per taxpayer while any is open. A deleted warehouse keeps its row (deleted_at) because the ledger's movements refer to it.
CREATE TABLE warehouses (
    warehouse_id    bigint       GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tin             varchar(20)  NOT NULL,
    name            text         NOT NULL,
    parent_id       bigint       REFERENCES warehouses (warehouse_id),
    location        text         NOT NULL,
    kind            varchar(20)  NOT NULL,
    responsible_tin varchar(12)  NOT NULL,
    inheritable     boolean      NOT NULL DEFAULT false,
    is_default      boolean      NOT NULL DEFAULT false,
    created_at      timestamptz  NOT NULL,
    deleted_at      timestamptz,
    CONSTRAINT warehouses_deleted_not_default CHECK (deleted_at IS NULL OR NOT is_default)
);

CREATE INDEX warehouses_tin ON warehouses (tin) WHERE deleted_at IS NULL;
-- The database, not the code, keeps "exactly one default": a second one fails the statement.
CREATE UNIQUE INDEX warehouses_one_default ON warehouses (tin) WHERE is_default;
