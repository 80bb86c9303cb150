-- A warehouse form that ends ERROR («Ошибочный») keeps the errorCode of the rule it broke (the real API's code: PRODUCT_DEFICIENCY,
-- UFORM_SENDER_NOT_VALID, GTD_NUMBER_INVALID …) beside the reason, so the journal answers it as the real service does. NULL for a
-- form processed or still queued, and for the forms decided before this migration (their reason names the rule). Nullable, no
-- default: the table is not rewritten.
ALTER TABLE warehouse_forms ADD COLUMN error_code varchar(100);
