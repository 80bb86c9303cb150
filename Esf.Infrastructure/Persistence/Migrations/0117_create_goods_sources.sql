-- The lines of customs declarations (ДТ) and ФНО 328.00 applications, as the customs and tax systems would send them
-- (imported here in the registry style). A line is stored once, in the transaction that credits it to the importer's default
-- warehouse, so importing it again credits nothing.
CREATE TABLE goods_sources (
    source_kind     varchar(10)    NOT NULL,
    source_number   varchar(60)    NOT NULL,
    source_position integer        NOT NULL,
    importer_tin    varchar(20)    NOT NULL,
    gsvs_code       varchar(40)    NOT NULL,
    tnved_code      varchar(10)    NOT NULL,
    name            text           NOT NULL,
    country         varchar(2)     NOT NULL,
    price           numeric(20, 2) NOT NULL,
    quantity        numeric(20, 6) NOT NULL,
    unit            varchar(10)    NOT NULL,
    warehouse_id    bigint         NOT NULL REFERENCES warehouses (warehouse_id),
    imported_at     timestamptz    NOT NULL,
    PRIMARY KEY (source_kind, source_number, source_position)
);

CREATE INDEX goods_sources_importer ON goods_sources (importer_tin, source_kind);

-- The global catalogue of the virtual warehouse (Глобальный справочник ВС, ГС ВС): a registry, imported like the others.
CREATE TABLE gsvs_catalogue (
    code       varchar(40) PRIMARY KEY,
    name_ru    text        NOT NULL,
    tnved_code varchar(10)
);
