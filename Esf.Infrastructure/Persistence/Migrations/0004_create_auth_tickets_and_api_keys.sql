-- Tickets of AuthService.createAuthTicket: the server's nonce (state) is the key; a ticket opens one session at most.
CREATE TABLE auth_tickets (
    state           varchar(64)  PRIMARY KEY,
    iin             varchar(20)  NOT NULL,
    time_mark       bigint       NOT NULL,
    ttl_minutes     integer      NOT NULL,
    expires_at      timestamptz  NOT NULL,
    used_at         timestamptz
);

CREATE INDEX auth_tickets_expires_at ON auth_tickets (expires_at);

-- API keys for machine-to-machine REST calls: only a SHA-256 of the secret is kept (the secret is 256 random bits).
CREATE TABLE api_keys (
    key_id          varchar(32)  PRIMARY KEY,
    tin             varchar(20)  NOT NULL REFERENCES taxpayers (tin),
    login           varchar(20)  NOT NULL REFERENCES users (login),
    name            text         NOT NULL,
    secret_hash     varchar(64)  NOT NULL,
    created_at      timestamptz  NOT NULL DEFAULT now(),
    revoked_at      timestamptz
);

CREATE INDEX api_keys_tin ON api_keys (tin);
