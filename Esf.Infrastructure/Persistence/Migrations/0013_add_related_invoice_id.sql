-- The original a registered corrected or additional invoice refers to (relatedInvoice), resolved by the worker.
-- ADD-09 sums the G14 totals of the additional invoices already registered against one original through it.
-- Invoices registered before this migration keep NULL: their link is only in the body.
ALTER TABLE invoices ADD COLUMN related_invoice_id bigint REFERENCES invoices (invoice_id);

CREATE INDEX invoices_related_invoice ON invoices (related_invoice_id) WHERE related_invoice_id IS NOT NULL;
