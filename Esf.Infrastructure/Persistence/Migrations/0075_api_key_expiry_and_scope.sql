-- API keys may expire, and may be read-only (security review L7): a key with scope 'read' may only call GET/HEAD.
ALTER TABLE api_keys
    ADD COLUMN expires_at timestamptz,
    ADD COLUMN scope      varchar(10) NOT NULL DEFAULT 'full' CHECK (scope IN ('full', 'read'));
