-- Issue 12: the waybill (СНТ) an invoice was issued on — section F, field 32.1, when it holds a 42-digit waybill number.
-- The worker writes it with the verdict, in the UPDATE it already runs (no extra round trip on the invoice path); the
-- waybill's rules (R004: one invoice in force per waybill) and its effects (a declined or revoked waybill annuls its
-- invoices) find the invoices of a waybill through the partial index, which holds only invoices issued on one.
ALTER TABLE invoices ADD COLUMN waybill_number varchar(42);

CREATE INDEX invoices_waybill_number ON invoices (waybill_number) WHERE waybill_number IS NOT NULL;
