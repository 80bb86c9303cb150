-- A movement stays immutable (ADR 0027) and the sequencer gives it its feed position once (0130), as before; the check no longer
-- runs a PL/pgSQL function with two to_jsonb() per row on every sequencing (issue 13: about 9 µs of PostgreSQL per movement, two
-- movements per warehouse sale, measured on 100,000 rows: 13.5 → 4.2 µs per row). An UPDATE naming any column but the feed's is
-- refused by the first trigger whatever it sets; one naming the feed's columns only is refused by the second when the movement
-- had a position already or would lose it. The sequencer's UPDATE (feed_position, feed_at of unsequenced rows) fires neither.
-- The test Keeping_the_goods_ledger tries every column of the table, so a column added later must be added to the list below.
DROP TRIGGER warehouse_movements_immutable ON warehouse_movements;
DROP FUNCTION warehouse_movements_are_immutable();

CREATE FUNCTION warehouse_movements_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'warehouse movements are immutable: record a new movement instead';
END $$;

CREATE TRIGGER warehouse_movements_immutable
    BEFORE UPDATE OF movement_id, goods_id, warehouse_id, tin, quantity, kind, cause_kind, cause_ref, occurred_at, invoice_id
    ON warehouse_movements FOR EACH ROW EXECUTE FUNCTION warehouse_movements_refuse_change();

CREATE TRIGGER warehouse_movements_sequenced_once
    BEFORE UPDATE OF feed_position, feed_at ON warehouse_movements
    FOR EACH ROW WHEN (OLD.feed_position IS NOT NULL OR NEW.feed_position IS NULL)
    EXECUTE FUNCTION warehouse_movements_refuse_change();
