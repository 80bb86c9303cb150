-- «Сопоставление первичной импортной СНТ с ФНО 328.00» (seed 001 L2500–2513, docs/warehouse.md «ФНО 328.00 matching»): each
-- line of origin 1 or 2 of a primary import waybill paired with the importer's ФНО 328.00 position, once per waybill line.
-- The ФНО position is not a foreign key: goods_sources is keyed by the source kind too, and a matching names ФНО 328.00 only.
CREATE TABLE fno_matchings (
    waybill_id    bigint         NOT NULL REFERENCES waybills (waybill_id),
    section       integer        NOT NULL,
    position      integer        NOT NULL,
    importer_tin  varchar(20)    NOT NULL,
    fno_number    varchar(60)    NOT NULL,
    fno_position  integer        NOT NULL,
    quantity      numeric(20, 6) NOT NULL,
    matched_by    varchar(50)    NOT NULL,
    matched_at    timestamptz    NOT NULL,
    PRIMARY KEY (waybill_id, section, position)
);

CREATE INDEX fno_matchings_position ON fno_matchings (fno_number, fno_position);
CREATE INDEX fno_matchings_importer ON fno_matchings (importer_tin);
