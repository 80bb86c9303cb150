-- A delivery log row names either a change of a document (document_kind, document_id; migration 0130) or a notification
-- (notification_id; migration 0146): a notification's row has no document kind.
ALTER TABLE webhook_deliveries ALTER COLUMN document_kind DROP NOT NULL, ALTER COLUMN document_kind DROP DEFAULT;
