-- Every warehouse form now travels the upload outbox (ADR 0024, docs/virtual-warehouse.md «Forms»): the plain JSON upload is an
-- upload of one unsigned form, and the worker's polling of forms without an upload is gone. A form still QUEUED without an upload
-- (uploaded as plain JSON before this migration and not yet polled) gets an upload of its own, never published: the relay
-- publishes it and the worker decides it, so nothing accepted is left behind. One upload per form keeps each its own verdict
-- transaction, as the poller decided them one by one.
DO $$
DECLARE
    form record;
    adopted bigint;
BEGIN
    FOR form IN SELECT form_id, tin FROM warehouse_forms WHERE status = 'QUEUED' AND upload_id IS NULL ORDER BY form_id LOOP
        INSERT INTO uploads (session_id, tin, login, channel, item_count, accepted_count, document_kind)
        VALUES ('migration-0163', form.tin, form.tin, 'REST', 1, 1, 'VS_FORM')
        RETURNING upload_id INTO adopted;
        UPDATE warehouse_forms SET upload_id = adopted WHERE form_id = form.form_id;
    END LOOP;
END $$;
