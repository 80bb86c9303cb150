-- Warehouse forms uploaded signed travel the upload outbox like invoices and waybills (ADR 0024, docs/warehouse.md «Forms»):
-- the form keeps its upload, its body exactly as signed, the signature and the certificate. A form uploaded as plain JSON has
-- none of them and is polled as before. Nullable columns without a default: the table is not rewritten.
ALTER TABLE warehouse_forms
    ADD COLUMN upload_id      bigint REFERENCES uploads (upload_id),
    ADD COLUMN body           text,
    ADD COLUMN signature      varchar(400),
    ADD COLUMN signature_type varchar(20),
    ADD COLUMN certificate    text;

CREATE INDEX warehouse_forms_upload ON warehouse_forms (upload_id) WHERE upload_id IS NOT NULL;
