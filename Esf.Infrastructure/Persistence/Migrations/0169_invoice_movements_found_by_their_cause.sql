-- An invoice's movements are found by their cause instead of an index of their own (issue 13: one index entry less per
-- movement, two movements per warehouse sale, and again when the feed sequencer rewrites the row). Every movement an invoice
-- causes has the cause INVOICE '<invoiceId>/<line>/<round>' (InvoiceGoods), so its movements are one range of
-- warehouse_movements_once, byte-ordered since 0168: cause_ref >= '<id>/' AND cause_ref < '<id>0' (InvoiceGoods.MovedBy).
-- The CHECK makes that a property of the table rather than of the code that writes it today: a movement names an invoice
-- exactly when its cause is an invoice's, and then that invoice's; invoice_id stays, for readers of the rows.
ALTER TABLE warehouse_movements ADD CONSTRAINT warehouse_movements_invoice_cause
    CHECK ((invoice_id IS NOT NULL) = (cause_kind = 'INVOICE')
           AND (invoice_id IS NULL OR starts_with(cause_ref, invoice_id::text || '/')));

DROP INDEX warehouse_movements_invoice;
