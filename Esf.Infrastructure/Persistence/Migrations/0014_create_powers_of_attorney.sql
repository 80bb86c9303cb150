-- Powers of attorney (доверенности): a principal enterprise lets a person (ИИН) sign invoices for it (signatureType OPERATOR)
-- from valid_from to valid_to inclusive, until revoked.
CREATE TABLE powers_of_attorney (
    id              bigint       GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    principal_tin   varchar(20)  NOT NULL REFERENCES taxpayers (tin),
    attorney_iin    varchar(20)  NOT NULL,
    valid_from      date         NOT NULL,
    valid_to        date         NOT NULL,
    granted_by      varchar(20)  NOT NULL REFERENCES users (login),
    created_at      timestamptz  NOT NULL DEFAULT now(),
    revoked_at      timestamptz,
    CHECK (valid_from <= valid_to)
);

CREATE INDEX powers_of_attorney_principal ON powers_of_attorney (principal_tin, attorney_iin);
