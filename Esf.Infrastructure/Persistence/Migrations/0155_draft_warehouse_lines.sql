-- Issue 13: a draft may name the lines it sells through the virtual warehouse, as the upload does (invoices.warehouse_lines,
-- 0135: [{line, warehouseId, goodsId}], NULL for none); sending the draft passes them on to its upload. Nullable without a
-- default: the table is not rewritten.
ALTER TABLE invoice_drafts ADD COLUMN warehouse_lines jsonb;
