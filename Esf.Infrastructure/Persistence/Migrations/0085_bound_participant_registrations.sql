-- Security review M6. The agreement a registrant signs carries a nonce the gateway issued: each nonce signs one registration,
-- once, before it expires, so a signature cannot be replayed.
CREATE TABLE registration_nonces (
    nonce_hash      varchar(64)  PRIMARY KEY,
    expires_at      timestamptz  NOT NULL
);

-- A ЮЛ registration for an enterprise that already has an ADMIN_ENTERPRISE, by someone whose entity key does not carry the НУЦ РК
-- head role, waits after its confirmation for that admin's approval (docs/adr/0019-registration-trust.md).
ALTER TABLE participant_registrations
    ADD COLUMN id               bigint       GENERATED ALWAYS AS IDENTITY,
    ADD COLUMN entity_head      boolean      NOT NULL DEFAULT false,
    ADD COLUMN awaits_approval  boolean      NOT NULL DEFAULT false,
    ADD COLUMN approved_by      varchar(20),
    ADD COLUMN approved_at      timestamptz;

CREATE UNIQUE INDEX participant_registrations_id ON participant_registrations (id);
-- The pending registrations of one person are counted at each registration (bounded per ИИН).
CREATE INDEX participant_registrations_pending_iin ON participant_registrations (iin) WHERE confirmed_at IS NULL;
CREATE INDEX participant_registrations_awaiting ON participant_registrations (tin) WHERE awaits_approval;
