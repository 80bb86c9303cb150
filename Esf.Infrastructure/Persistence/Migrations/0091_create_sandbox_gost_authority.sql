-- The sandbox's GOST test CA (issue 16): one row, its certificate and private key as PKCS#12 (ГОСТ 34.10-2015 512, the НУЦ РК
-- layout), made once per database like sandbox_authority (RSA). The keys it issues are listed in sandbox_keys (algorithm GOST).
CREATE TABLE sandbox_gost_authority (
    id          smallint     PRIMARY KEY CHECK (id = 1),
    pkcs12      bytea        NOT NULL,
    created_at  timestamptz  NOT NULL DEFAULT now()
);
