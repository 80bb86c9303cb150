-- Issue 13 (ADR 0031, a fourth kind): a warehouse form's verdict — «Обработанный» (PROCESSED) or «Ошибочный» (ERROR) — is an
-- event of the change feed and of webhooks (kind WAREHOUSE_FORM). warehouse_forms keeps only the current status, so its changes
-- are logged here, with the feed columns the other feed tables have; FeedSequencer numbers this table from the same counter.
-- A trigger writes the log (as the notifications of ADR 0036 are written): every path that decides a form — the poller, the
-- upload's worker, the relay's API-06 give-up — logs its change without knowing of the feed, in the same transaction.
CREATE TABLE warehouse_form_status_history (
    id            bigint        GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    form_id       bigint        NOT NULL REFERENCES warehouse_forms (form_id),
    tin           varchar(20)   NOT NULL,
    from_status   varchar(20),
    to_status     varchar(20)   NOT NULL,
    reason        text,
    changed_at    timestamptz   NOT NULL,
    feed_position bigint,
    feed_at       timestamptz
);

CREATE INDEX warehouse_form_status_history_form ON warehouse_form_status_history (form_id);
CREATE UNIQUE INDEX warehouse_form_status_history_feed_position ON warehouse_form_status_history (feed_position) WHERE feed_position IS NOT NULL;
CREATE INDEX warehouse_form_status_history_unsequenced ON warehouse_form_status_history (id) WHERE feed_position IS NULL;

-- The owner (the form's sender) is copied, so the feed's tenant predicate needs no join.
CREATE FUNCTION warehouse_forms_log_status() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO warehouse_form_status_history (form_id, tin, from_status, to_status, reason, changed_at)
    VALUES (NEW.form_id, NEW.tin, OLD.status, NEW.status, NEW.error_reason, coalesce(NEW.processed_at, clock_timestamp()));
    RETURN NULL;
END $$;

CREATE TRIGGER warehouse_forms_status_changed AFTER UPDATE OF status ON warehouse_forms
    FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status) EXECUTE FUNCTION warehouse_forms_log_status();

-- WAREHOUSE_FORM is longer than the 10 characters the kinds were given (0130); widening a varchar rewrites nothing.
ALTER TABLE webhook_subscriptions ALTER COLUMN kinds TYPE varchar(20)[];
ALTER TABLE webhook_deliveries ALTER COLUMN document_kind TYPE varchar(20);
