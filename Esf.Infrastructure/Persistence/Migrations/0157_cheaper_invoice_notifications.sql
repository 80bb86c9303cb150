-- The invoice notification trigger of migration 0145 (ADR 0036), cheaper per statement and with the same rows (issue 17:
-- PostgreSQL's CPU per registered invoice rose by 21–37 µs with it). Measured by Esf.Tests/Performance/Measuring_the_verdict_writes
-- on a batch of 100 CREATED (BENCHMARKS.md): the old function joined the transition table to invoices twice (notifications, then
-- deadline reminders, which an ordinary invoice never gets: 5 shared blocks per invoice for nothing) and built each row through
-- a LATERAL UNION ALL of three SELECTs; a statement that changes no status that notifies (the gateway's IN_QUEUE rows) still
-- planned both joins.
--   - a statement without CREATED, DECLINED or REVOKED rows returns at once;
--   - the transition table is joined to invoices once (a materialized CTE) and both inserts read that;
--   - each history row gives at most one notification, chosen by CASE (every status has exactly one kind and recipient).
-- Every notification is still written in the status change's transaction, whatever code wrote the history.
CREATE OR REPLACE FUNCTION notify_invoice_changes() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- A statement that changes no status that notifies (the gateway's IN_QUEUE, FAILED, DELIVERED, ...) returns without a join.
    IF NOT EXISTS (SELECT 1 FROM changed WHERE to_status IN ('CREATED', 'DECLINED', 'REVOKED')) THEN
        RETURN NULL;
    END IF;

    WITH notifying AS MATERIALIZED (
        SELECT h.invoice_id, h.to_status, h.reason, h.changed_at, i.registration_number, i.num, i.seller_tin, i.customer_tin,
               i.invoice_type, i.invoice_date,
               h.to_status = 'CREATED' AND (h.from_status IS NULL OR h.from_status IN ('IN_QUEUE', 'IN_PROCESSING', 'IMPORTED')) AS inbound
        FROM changed h
        JOIN invoices i ON i.invoice_id = h.invoice_id
        WHERE h.to_status IN ('CREATED', 'DECLINED', 'REVOKED')),
    reminded AS (
        INSERT INTO deadline_reminders (tin, kind, document_type, document_id, document_number, message, last_day, remind_on)
        SELECT n.customer_tin, 'DECLINE_DEADLINE', 'INVOICE', n.invoice_id, n.registration_number,
               'Завтра истекает срок отклонения ЭСФ ' || coalesce(n.registration_number, n.num), d.last_day, d.last_day - 1
        FROM notifying n
        CROSS JOIN LATERAL (SELECT greatest(n.invoice_date, (n.changed_at AT TIME ZONE 'UTC' + interval '5 hours')::date) + 10 AS last_day) d
        WHERE n.inbound AND n.invoice_type IN ('FIXED_INVOICE', 'ADDITIONAL_INVOICE') AND n.customer_tin IS NOT NULL
        ON CONFLICT (kind, document_id) DO NOTHING)
    INSERT INTO notifications (tin, kind, document_type, document_id, document_number, message, created_at)
    SELECT m.tin, m.kind, 'INVOICE', n.invoice_id, n.registration_number, m.message, n.changed_at
    FROM notifying n
    CROSS JOIN LATERAL (VALUES (
        CASE WHEN n.to_status = 'DECLINED' THEN n.seller_tin ELSE n.customer_tin END,
        CASE n.to_status WHEN 'CREATED' THEN 'INBOUND_INVOICE' WHEN 'DECLINED' THEN 'INVOICE_DECLINED' ELSE 'INVOICE_REVOKED' END,
        CASE n.to_status
            WHEN 'CREATED' THEN 'Поступил ЭСФ ' || coalesce(n.registration_number, n.num) || ' от ' || n.seller_tin
            WHEN 'DECLINED' THEN 'Получатель отклонил ЭСФ ' || coalesce(n.registration_number, n.num) || coalesce(': ' || n.reason, '')
            ELSE 'Поставщик отозвал ЭСФ ' || coalesce(n.registration_number, n.num) || coalesce(': ' || n.reason, '') END)
    ) AS m(tin, kind, message)
    WHERE (n.to_status <> 'CREATED' OR n.inbound) AND m.tin IS NOT NULL;
    RETURN NULL;
END $$;
