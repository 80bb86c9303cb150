-- Issue 12: the scheduled effects of a waybill (СНТ) on the invoices issued on it (ADR 0026). A declined waybill annuls
-- them (CANCELED_BY_SNT_DECLINE) once 3 working days have passed after the decline (R154); a revoked one at once
-- (CANCELED_BY_SNT_REVOKE, R153). The row is written in the transaction that changes the waybill's status and applied in
-- the transaction that annuls the invoices (applied_at), so each effect runs exactly once and survives a restart.
CREATE TABLE waybill_effects (
    effect_id         bigint       GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    waybill_number    varchar(42)  NOT NULL,
    -- The waybill's seller: whose world's clock (the sandbox's) decides when the effect is due.
    seller_tin        varchar(12)  NOT NULL,
    invoice_status    varchar(40)  NOT NULL,
    recorded_at       timestamptz  NOT NULL,
    due_at            timestamptz  NOT NULL,
    applied_at        timestamptz,
    annulled_invoices integer
);

-- One effect per waybill and consequence: recording the same status change again changes nothing.
CREATE UNIQUE INDEX waybill_effects_once ON waybill_effects (waybill_number, invoice_status);
-- The runner's claim: the pending effects of a seller, by due time.
CREATE INDEX waybill_effects_pending ON waybill_effects (seller_tin, due_at) WHERE applied_at IS NULL;
