-- Issues 13 and 17 (ADR 0043): the feed sequencer no longer rewrites the rows it numbers. Until now every history row,
-- movement and notification was written once by its writer and then UPDATEd by the sequencer to set feed_position/feed_at:
-- not a HOT update (feed_position is indexed), so a second full row version and every index entry again, more WAL than the
-- row's own INSERT. Now:
--   - a statement trigger queues the new rows' ids in a narrow pending table (no index) in the writer's transaction, so a
--     queued row is visible exactly when its row is;
--   - a pass takes the queue (DELETE ... RETURNING) and INSERTs the positions into a narrow append-only table, continuing a
--     one-row counter per feed; the wide rows are never touched again;
--   - readers join the positions table to the rows.
-- ADR 0031's guarantees are kept as they were: passes are serialized by the sequencer's advisory lock and each statement of a
-- pass takes its snapshot after the lock, so a pass only numbers rows committed before it, above every position handed out
-- before: the feed never skips and never repeats.

-- One row per feed: the last position handed out and its instant (a pass continues after both).
CREATE TABLE position_counters (
    name     varchar(20) PRIMARY KEY,
    position bigint      NOT NULL,
    at       timestamptz NOT NULL
);

-- The change feed (ADR 0031): source 1 invoice history, 2 waybill history, 3 movements, 4 warehouse form history
-- (FeedSource.Source; within one pass the rows are numbered in that order, then by id, as before).
-- The queue is emptied by every pass: vacuumed early so that the probe's scan stays a page or two.
CREATE TABLE feed_pending (
    source smallint NOT NULL,
    row_id bigint   NOT NULL
) WITH (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 5000);

CREATE TABLE feed_positions (
    position bigint      PRIMARY KEY,
    row_id   bigint      NOT NULL,
    at       timestamptz NOT NULL,
    source   smallint    NOT NULL
);

-- queryUpdates pages the invoices' changes by (instant, invoice id): read in instant order, only the rows of one instant are
-- sorted by invoice (as invoice_status_history_feed_at served before; invoice history rows only, as it did).
CREATE INDEX feed_positions_invoice_at ON feed_positions (at) WHERE source = 1;

-- The notification feed (the stream and webhooks): read per enterprise after a position, and the inbox shows each
-- notification's position (its cursor), hence the two indexes.
CREATE TABLE notification_pending (
    row_id bigint      NOT NULL,
    tin    varchar(20) NOT NULL
) WITH (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 5000);

CREATE TABLE notification_positions (
    row_id   bigint      PRIMARY KEY,
    position bigint      NOT NULL,
    at       timestamptz NOT NULL,
    tin      varchar(20) NOT NULL
);

CREATE UNIQUE INDEX notification_positions_feed ON notification_positions (tin, position);

-- A position, once handed out, is never changed: that is what lets a reader keep a cursor.
CREATE FUNCTION positions_are_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'feed positions are immutable';
END $$;

CREATE TRIGGER feed_positions_immutable BEFORE UPDATE ON feed_positions
    FOR EACH ROW EXECUTE FUNCTION positions_are_immutable();
CREATE TRIGGER notification_positions_immutable BEFORE UPDATE ON notification_positions
    FOR EACH ROW EXECUTE FUNCTION positions_are_immutable();

-- The positions already handed out move over as they are; the rows not yet sequenced are queued.
INSERT INTO feed_positions (position, row_id, at, source)
SELECT feed_position, id, feed_at, 1 FROM invoice_status_history WHERE feed_position IS NOT NULL
UNION ALL SELECT feed_position, id, feed_at, 2 FROM waybill_status_history WHERE feed_position IS NOT NULL
UNION ALL SELECT feed_position, movement_id, feed_at, 3 FROM warehouse_movements WHERE feed_position IS NOT NULL
UNION ALL SELECT feed_position, id, feed_at, 4 FROM warehouse_form_status_history WHERE feed_position IS NOT NULL;

INSERT INTO feed_pending (source, row_id)
SELECT 1, id FROM invoice_status_history WHERE feed_position IS NULL
UNION ALL SELECT 2, id FROM waybill_status_history WHERE feed_position IS NULL
UNION ALL SELECT 3, movement_id FROM warehouse_movements WHERE feed_position IS NULL
UNION ALL SELECT 4, id FROM warehouse_form_status_history WHERE feed_position IS NULL;

INSERT INTO notification_positions (row_id, position, at, tin)
SELECT id, feed_position, feed_at, tin FROM notifications WHERE feed_position IS NOT NULL;

INSERT INTO notification_pending (row_id, tin) SELECT id, tin FROM notifications WHERE feed_position IS NULL;

INSERT INTO position_counters (name, position, at)
SELECT 'feed', coalesce(max(position), 0), coalesce(max(at), '-infinity') FROM feed_positions
UNION ALL
SELECT 'notifications', coalesce(max(position), 0), coalesce(max(at), '-infinity') FROM notification_positions;

-- The queueing triggers: one INSERT per writing statement, whatever code (or trigger) wrote the rows.
CREATE FUNCTION feed_queue_rows() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO feed_pending (source, row_id) SELECT TG_ARGV[0]::smallint, id FROM added;
    RETURN NULL;
END $$;

CREATE FUNCTION feed_queue_movements() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO feed_pending (source, row_id) SELECT 3, movement_id FROM added;
    RETURN NULL;
END $$;

CREATE FUNCTION notifications_queue_rows() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO notification_pending (row_id, tin) SELECT id, tin FROM added;
    RETURN NULL;
END $$;

CREATE TRIGGER invoice_status_history_sequenced AFTER INSERT ON invoice_status_history
    REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION feed_queue_rows(1);
CREATE TRIGGER waybill_status_history_sequenced AFTER INSERT ON waybill_status_history
    REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION feed_queue_rows(2);
CREATE TRIGGER warehouse_movements_sequenced AFTER INSERT ON warehouse_movements
    REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION feed_queue_movements();
CREATE TRIGGER warehouse_form_status_history_sequenced AFTER INSERT ON warehouse_form_status_history
    REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION feed_queue_rows(4);
CREATE TRIGGER notifications_sequenced AFTER INSERT ON notifications
    REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION notifications_queue_rows();

-- The columns go, and their indexes with them (metadata only: nothing is rewritten).
ALTER TABLE invoice_status_history DROP COLUMN feed_position, DROP COLUMN feed_at;
ALTER TABLE waybill_status_history DROP COLUMN feed_position, DROP COLUMN feed_at;
ALTER TABLE warehouse_form_status_history DROP COLUMN feed_position, DROP COLUMN feed_at;
ALTER TABLE notifications DROP COLUMN feed_position, DROP COLUMN feed_at;

-- A movement is immutable again without exception (ADR 0027): nothing updates it any more.
CREATE OR REPLACE FUNCTION warehouse_movements_are_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'warehouse movements are immutable: record a new movement instead';
END $$;

ALTER TABLE warehouse_movements DROP COLUMN feed_position, DROP COLUMN feed_at;
