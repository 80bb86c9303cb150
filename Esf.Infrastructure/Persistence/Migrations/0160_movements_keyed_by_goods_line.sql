-- A movement's warehouse is its goods line's (ADR 0043, amendment): one composite foreign key says both, where two keys let a
-- movement name another warehouse than its goods line's. It is also cheaper: the insert no longer share-locks the warehouse
-- row that every concurrent sale from (or into) that warehouse shares, which made PostgreSQL create multixacts for it; the goods
-- row it now checks is one the moving transaction has already locked (GoodsLineLocks) or just written.
ALTER TABLE warehouse_goods ADD CONSTRAINT warehouse_goods_in_warehouse UNIQUE (goods_id, warehouse_id);

ALTER TABLE warehouse_movements
    DROP CONSTRAINT warehouse_movements_goods_id_fkey,
    DROP CONSTRAINT warehouse_movements_warehouse_id_fkey,
    ADD CONSTRAINT warehouse_movements_goods_line FOREIGN KEY (goods_id, warehouse_id) REFERENCES warehouse_goods (goods_id, warehouse_id);
