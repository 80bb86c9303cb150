-- Notifications between participants (Rules p.18.2; issue 14 item 6; ADR 0036): the inbox of each enterprise for what
-- needs its attention. Rows are written by the statement triggers below, in the transaction of the status change that
-- causes them, so no write path can forget one and the registration path pays one INSERT ... SELECT per statement.
CREATE TABLE notifications (
    id               bigint       GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    -- The enterprise whose inbox it is (the tenant predicate, ADR 0003).
    tin              varchar(50)  NOT NULL,
    kind             varchar(40)  NOT NULL,
    document_type    varchar(20)  NOT NULL,
    document_id      bigint       NOT NULL,
    document_number  varchar(60),
    message          text         NOT NULL,
    created_at       timestamptz  NOT NULL,
    read_at          timestamptz,
    -- Ids come from an identity (insert order, not commit order): FeedSequencer gives committed rows their position,
    -- which the stream and the webhooks follow, as for invoice_status_history (migration 0005).
    feed_position    bigint,
    feed_at          timestamptz
);

CREATE UNIQUE INDEX notifications_feed_position ON notifications (feed_position) WHERE feed_position IS NOT NULL;
CREATE INDEX notifications_unsequenced ON notifications (id) WHERE feed_position IS NULL;
CREATE INDEX notifications_inbox ON notifications (tin, id);
-- The stream and the webhook dispatcher read an enterprise's notifications after a position.
CREATE INDEX notifications_feed ON notifications (tin, feed_position) WHERE feed_position IS NOT NULL;
CREATE INDEX notifications_unread ON notifications (tin) WHERE read_at IS NULL;

-- Deadlines about to pass: one row per document and deadline, written with the event that opens the window; the
-- DeadlineReminderRunner turns the due ones into notifications on the enterprise's own clock (its sandbox world).
CREATE TABLE deadline_reminders (
    id               bigint       GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tin              varchar(50)  NOT NULL,
    kind             varchar(40)  NOT NULL,
    document_type    varchar(20)  NOT NULL,
    document_id      bigint       NOT NULL,
    document_number  varchar(60),
    message          text         NOT NULL,
    -- The last day the action is allowed, and the day (Kazakhstan time) the reminder is due: the day before it.
    last_day         date         NOT NULL,
    remind_on        date         NOT NULL,
    done_at          timestamptz
);

CREATE UNIQUE INDEX deadline_reminders_once ON deadline_reminders (kind, document_id);
CREATE INDEX deadline_reminders_pending ON deadline_reminders (tin, remind_on) WHERE done_at IS NULL;

-- Invoices: an inbound invoice for the recipient (registered or transferred from IMPORTED, not given back by ИС ГО), a
-- decline for the supplier, a revocation for the recipient; a corrected or additional invoice opens the recipient's
-- 10-day decline window (DocumentFlowWindows: from the later of its date and its registration day).
CREATE FUNCTION notify_invoice_changes() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO notifications (tin, kind, document_type, document_id, document_number, message, created_at)
    SELECT n.tin, n.kind, 'INVOICE', h.invoice_id, i.registration_number, n.message, h.changed_at
    FROM changed h
    JOIN invoices i ON i.invoice_id = h.invoice_id
    CROSS JOIN LATERAL (
        SELECT i.customer_tin, 'INBOUND_INVOICE', 'Поступил ЭСФ ' || coalesce(i.registration_number, i.num) || ' от ' || i.seller_tin
        WHERE h.to_status = 'CREATED' AND (h.from_status IS NULL OR h.from_status IN ('IN_QUEUE', 'IN_PROCESSING', 'IMPORTED'))
        UNION ALL
        SELECT i.seller_tin, 'INVOICE_DECLINED', 'Получатель отклонил ЭСФ ' || coalesce(i.registration_number, i.num) || coalesce(': ' || h.reason, '')
        WHERE h.to_status = 'DECLINED'
        UNION ALL
        SELECT i.customer_tin, 'INVOICE_REVOKED', 'Поставщик отозвал ЭСФ ' || coalesce(i.registration_number, i.num) || coalesce(': ' || h.reason, '')
        WHERE h.to_status = 'REVOKED'
    ) AS n(tin, kind, message)
    WHERE h.to_status IN ('CREATED', 'DECLINED', 'REVOKED') AND n.tin IS NOT NULL;

    INSERT INTO deadline_reminders (tin, kind, document_type, document_id, document_number, message, last_day, remind_on)
    SELECT i.customer_tin, 'DECLINE_DEADLINE', 'INVOICE', i.invoice_id, i.registration_number,
           'Завтра истекает срок отклонения ЭСФ ' || coalesce(i.registration_number, i.num), d.last_day, d.last_day - 1
    FROM changed h
    JOIN invoices i ON i.invoice_id = h.invoice_id
    CROSS JOIN LATERAL (SELECT greatest(i.invoice_date, (h.changed_at AT TIME ZONE 'UTC' + interval '5 hours')::date) + 10 AS last_day) d
    WHERE h.to_status = 'CREATED' AND (h.from_status IS NULL OR h.from_status IN ('IN_QUEUE', 'IN_PROCESSING', 'IMPORTED'))
      AND i.invoice_type IN ('FIXED_INVOICE', 'ADDITIONAL_INVOICE') AND i.customer_tin IS NOT NULL
    ON CONFLICT (kind, document_id) DO NOTHING;
    RETURN NULL;
END $$;

CREATE TRIGGER invoice_status_history_notifies AFTER INSERT ON invoice_status_history
    REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION notify_invoice_changes();

-- Waybills (СНТ): an inbound waybill for the buyer, a decline for the seller, a revocation for the buyer.
CREATE FUNCTION notify_waybill_changes() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO notifications (tin, kind, document_type, document_id, document_number, message, created_at)
    SELECT n.tin, n.kind, 'WAYBILL', h.waybill_id, w.registration_number, n.message, h.changed_at
    FROM changed h
    JOIN waybills w ON w.waybill_id = h.waybill_id
    CROSS JOIN LATERAL (
        SELECT w.customer_tin, 'INBOUND_WAYBILL', 'Поступила СНТ ' || coalesce(w.registration_number, w.num) || ' от ' || w.seller_tin
        WHERE h.to_status = 'NOT_VIEWED' AND (h.from_status IS NULL OR h.from_status IN ('IN_QUEUE', 'IN_PROCESSING'))
        UNION ALL
        SELECT w.seller_tin, 'WAYBILL_DECLINED', 'Получатель отклонил СНТ ' || coalesce(w.registration_number, w.num) || coalesce(': ' || h.reason, '')
        WHERE h.to_status = 'DECLINED'
        UNION ALL
        SELECT w.customer_tin, 'WAYBILL_REVOKED', 'Поставщик отозвал СНТ ' || coalesce(w.registration_number, w.num) || coalesce(': ' || h.reason, '')
        WHERE h.to_status = 'REVOKED'
    ) AS n(tin, kind, message)
    WHERE h.to_status IN ('NOT_VIEWED', 'DECLINED', 'REVOKED') AND n.tin IS NOT NULL;
    RETURN NULL;
END $$;

CREATE TRIGGER waybill_status_history_notifies AFTER INSERT ON waybill_status_history
    REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION notify_waybill_changes();

-- A declined waybill's invoices are annulled when its 3-working-day window has passed (waybill_effects.due_at, the start
-- of the annulment day): the seller is reminded the day before the window's last day to issue the corrected invoice.
CREATE FUNCTION remind_waybill_effects() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO deadline_reminders (tin, kind, document_type, document_id, document_number, message, last_day, remind_on)
    SELECT w.seller_tin, 'WAYBILL_CORRECTION_DEADLINE', 'WAYBILL', w.waybill_id, w.registration_number,
           'Завтра истекает срок выписки исправленного ЭСФ по отклоненной СНТ ' || w.registration_number, d.last_day, d.last_day - 1
    FROM added e
    JOIN waybills w ON w.registration_number = e.waybill_number
    CROSS JOIN LATERAL (SELECT (e.due_at AT TIME ZONE 'UTC' + interval '5 hours')::date - 1 AS last_day) d
    WHERE e.invoice_status = 'CANCELED_BY_SNT_DECLINE' AND e.applied_at IS NULL
    ON CONFLICT (kind, document_id) DO NOTHING;
    RETURN NULL;
END $$;

CREATE TRIGGER waybill_effects_remind AFTER INSERT ON waybill_effects
    REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION remind_waybill_effects();

-- ИС ГО requests: a request to confirm for the counterparty; the refusal and the outcomes for the initiator.
CREATE FUNCTION notify_isgo_changes() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO notifications (tin, kind, document_type, document_id, message, created_at)
    SELECT n.tin, n.kind, 'ISGO_REQUEST', h.request_id, n.message, h.changed_at
    FROM changed h
    JOIN isgo_requests r ON r.request_id = h.request_id
    CROSS JOIN LATERAL (
        SELECT r.counterparty_tin, 'ISGO_REQUEST_TO_CONFIRM', 'Запрос ИС ГО ' || r.request_id || ' от ' || r.initiator_tin || ' ожидает подтверждения'
        WHERE h.to_status = 'SENT_FOR_CONFIRMATION'
        UNION ALL
        SELECT r.initiator_tin, 'ISGO_REQUEST_DECLINED', 'Контрагент отклонил запрос ИС ГО ' || r.request_id || coalesce(': ' || h.note, '')
        WHERE h.to_status = 'DECLINED_BY_COUNTERPARTY'
        UNION ALL
        SELECT r.initiator_tin, 'ISGO_REQUEST_OUTCOME', 'Запрос ИС ГО ' || r.request_id || ': ' || CASE h.to_status
                   WHEN 'NOT_ACCEPTED_BY_SHEP' THEN 'Не принят ШЭП'
                   WHEN 'NOT_INCLUDED_IN_APPLICATION' THEN 'ЭСФ не включен в заявку'
                   WHEN 'SUPPORT_REFUSED' THEN 'Отказано в мерах господдержки'
                   ELSE 'Выплачена бюджетная субсидия' END || coalesce(': ' || h.note, '')
        WHERE h.to_status IN ('NOT_ACCEPTED_BY_SHEP', 'NOT_INCLUDED_IN_APPLICATION', 'SUPPORT_REFUSED', 'SUBSIDY_PAID')
    ) AS n(tin, kind, message);
    RETURN NULL;
END $$;

CREATE TRIGGER isgo_request_history_notifies AFTER INSERT ON isgo_request_history
    REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION notify_isgo_changes();
