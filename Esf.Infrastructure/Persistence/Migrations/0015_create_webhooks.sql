-- Webhook subscriptions per enterprise: every status change of the change feed the enterprise sees (optionally only some
-- target statuses) is POSTed to the URL as JSON signed with HMAC-SHA256 of the secret. Each subscription keeps its own
-- feed cursor and advances it only after a delivery succeeded, so deliveries are at least once and in feed order.
CREATE TABLE webhook_subscriptions (
    subscription_id bigint       GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tin             varchar(20)  NOT NULL,
    url             text         NOT NULL,
    events          varchar(40)[] NOT NULL DEFAULT '{}',
    secret          text         NOT NULL,
    feed_cursor     bigint       NOT NULL DEFAULT 0,
    active          boolean      NOT NULL DEFAULT true,
    -- One dispatcher at a time per subscription (several workers may run): whoever holds an unexpired lease.
    leased_by       uuid,
    lease_until     timestamptz,
    created_at      timestamptz  NOT NULL DEFAULT now()
);

CREATE INDEX webhook_subscriptions_tin ON webhook_subscriptions (tin) WHERE active;

-- One row per delivery attempt (the delivery log).
CREATE TABLE webhook_deliveries (
    delivery_id     bigint       GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    subscription_id bigint       NOT NULL REFERENCES webhook_subscriptions (subscription_id),
    feed_position   bigint       NOT NULL,
    invoice_id      bigint       NOT NULL,
    attempt         integer      NOT NULL,
    succeeded       boolean      NOT NULL,
    response_status integer,
    error           text,
    attempted_at    timestamptz  NOT NULL DEFAULT now()
);

CREATE INDEX webhook_deliveries_subscription ON webhook_deliveries (subscription_id, delivery_id);
