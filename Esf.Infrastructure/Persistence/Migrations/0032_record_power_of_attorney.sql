-- Issue 10 (H2): an invoice whose seller is not the uploading session's enterprise is accepted only from an attorney
-- (signatureType OPERATOR) holding the seller's power of attorney on the day of the upload; the invoice records that power
-- (and so its principal, the seller, and its attorney). NULL: the seller's own enterprise sent it.
ALTER TABLE invoices ADD COLUMN power_of_attorney_id bigint REFERENCES powers_of_attorney (id);
