-- Keyset pages and exports read each party's invoices in (invoice_date, invoice_id) order and stop after a page
-- (InvoiceSearch.PageSql). With invoice_id in the index that is an index-ordered scan; without it every page sorted all of
-- the party's remaining rows. The new indexes replace the old ones, which they cover, so writes keep the same index count.
CREATE INDEX invoices_seller_date_id ON invoices (seller_tin, invoice_date, invoice_id);
CREATE INDEX invoices_customer_date_id ON invoices (customer_tin, invoice_date, invoice_id);
CREATE INDEX invoices_sender_date_id ON invoices (sender_tin, invoice_date, invoice_id);
DROP INDEX invoices_seller_date;
DROP INDEX invoices_customer_date;
DROP INDEX invoices_sender_date;
