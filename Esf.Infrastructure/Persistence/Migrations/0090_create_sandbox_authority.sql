-- The sandbox's test CA (issue 16): one row, its certificate and private key as PKCS#12, so every process of one database
-- issues and trusts the same CA and the keys it issued stay trusted across restarts. Only a sandbox (never Production) writes it.
CREATE TABLE sandbox_authority (
    id          smallint     PRIMARY KEY CHECK (id = 1),
    pkcs12      bytea        NOT NULL,
    created_at  timestamptz  NOT NULL DEFAULT now()
);

-- The keys the sandbox CA issued; a revoked one is listed in GET /api/v1/sandbox/ca.crl and refused by the gateway.
CREATE TABLE sandbox_keys (
    serial_number  varchar(64)  PRIMARY KEY,
    iin            varchar(12)  NOT NULL,
    bin            varchar(12),
    algorithm      varchar(10)  NOT NULL,
    purpose        varchar(20)  NOT NULL,
    issued_at      timestamptz  NOT NULL,
    revoked_at     timestamptz
);
