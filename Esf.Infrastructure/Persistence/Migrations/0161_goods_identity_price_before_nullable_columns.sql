-- A goods line is found by its identity AND its price (a buyer's line of a sale, ADR 0033 amendment 4): with the identity's
-- columns in their old order the two nullable ones (source_position, physical_mark) came before the price, and a join on them
-- (IS NOT DISTINCT FROM) cannot bound an index scan, so every lookup of a buyer's line walked all the buyer's lines of those
-- goods at every price (one per price paid: a customer buying at many prices holds thousands). The same constraint with the
-- NOT NULL columns and the price first bounds the scan to the one line; the nullable columns are checked on it. Same columns,
-- same uniqueness, same name (ON CONFLICT ON CONSTRAINT warehouse_goods_identity is unchanged).
ALTER TABLE warehouse_goods
    DROP CONSTRAINT warehouse_goods_identity,
    ADD CONSTRAINT warehouse_goods_identity UNIQUE NULLS NOT DISTINCT
        (warehouse_id, gsvs_code, tnved_code, source_kind, source_number, source_name, country, unit, price, source_position, physical_mark);
