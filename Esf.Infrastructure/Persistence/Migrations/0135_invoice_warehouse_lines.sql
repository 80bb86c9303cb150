-- Invoices sold through the virtual warehouse (issue 13 item 5). The invoice body has no field naming a warehouse and a
-- goods line, so the upload carries them beside it: [{line, warehouseId, goodsId}], NULL for the plain invoice (which then
-- costs the worker no query of the ledger). A movement an invoice causes names it, so its return on revocation, decline
-- or annulment finds exactly what moved.
ALTER TABLE invoices ADD COLUMN warehouse_lines jsonb;

ALTER TABLE warehouse_movements ADD COLUMN invoice_id bigint;

CREATE INDEX warehouse_movements_invoice ON warehouse_movements (invoice_id) WHERE invoice_id IS NOT NULL;
