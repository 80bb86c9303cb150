-- A waybill's movements are found by the prefix of their cause (cause_ref = '<waybillId>#<line>', docs/warehouse.md
-- «Waybills»): a decline, revocation or confirmation reads back what the registration moved. text_pattern_ops lets LIKE
-- 'id#%' use the index whatever the database's collation.
CREATE INDEX warehouse_movements_cause_prefix ON warehouse_movements (cause_kind, cause_ref text_pattern_ops);
