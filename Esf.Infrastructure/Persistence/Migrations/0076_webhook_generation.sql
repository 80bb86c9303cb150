-- Replay bumps the generation (security review M2): a dispatch that read the subscription before a replay advances the
-- cursor only while the generation it read is still current, so it cannot undo the replay.
ALTER TABLE webhook_subscriptions ADD COLUMN generation bigint NOT NULL DEFAULT 0;
