-- Issue 14 item 4: the ЭГЗ act an invoice was issued on (field 32.1, or 32.3 beside a waybill; spec-rest §3.2–3.4). The
-- worker writes it with the verdict, in the UPDATE it already runs, only when the number named an act of the invoice's
-- supplier; EGZ-03 (one invoice in force per act) finds the invoices of an act through the partial index, which holds only
-- invoices issued on one. Invoices naming no act never touch it.
ALTER TABLE invoices ADD COLUMN procurement_act_number varchar(100);

CREATE INDEX invoices_procurement_act ON invoices (seller_tin, procurement_act_number) WHERE procurement_act_number IS NOT NULL;
