-- One index for a movement's cause instead of two (issue 13: fewer index entries per movement, two movements per warehouse sale).
-- warehouse_movements_once (cause_kind, cause_ref, kind) already starts with the columns of warehouse_movements_cause_prefix
-- (0140), which existed only because a LIKE 'id#%' prefix can use a B-tree in the database's collation only when that collation
-- is C. A cause's reference is a machine key ('<waybillId>#<line>', '<invoiceId>/<line>/<round>', a form line, a transfer's
-- GUID), never text for people, so it is compared byte by byte whatever the database's collation: the unique index then serves
-- the prefix lookups too, and each movement writes one index entry less (also when the feed sequencer rewrites the row).
-- The column is named by the immutability trigger (0167), which PostgreSQL will not let a column's type change under: it is
-- dropped and created again as it was.
DROP TRIGGER warehouse_movements_immutable ON warehouse_movements;

ALTER TABLE warehouse_movements ALTER COLUMN cause_ref TYPE text COLLATE "C";

CREATE TRIGGER warehouse_movements_immutable
    BEFORE UPDATE OF movement_id, goods_id, warehouse_id, tin, quantity, kind, cause_kind, cause_ref, occurred_at, invoice_id
    ON warehouse_movements FOR EACH ROW EXECUTE FUNCTION warehouse_movements_refuse_change();

DROP INDEX warehouse_movements_cause_prefix;

-- Altering the column's type dropped its statistics; the planner needs them to keep choosing the index for a waybill's causes.
ANALYZE warehouse_movements (cause_ref);
