-- Registrations waiting for their e-mail confirmation; confirming one creates the taxpayer, the user and the profile.
CREATE TABLE participant_registrations (
    token_hash      varchar(64)  PRIMARY KEY,
    kind            varchar(20)  NOT NULL,
    iin             varchar(20)  NOT NULL,
    tin             varchar(20)  NOT NULL,
    name            text         NOT NULL,
    full_name       text         NOT NULL,
    address         text,
    email           text         NOT NULL,
    mobile          text,
    password_hash   text         NOT NULL,
    profile         varchar(40)  NOT NULL,
    agreement       text         NOT NULL,
    signatures      text         NOT NULL,
    created_at      timestamptz  NOT NULL,
    expires_at      timestamptz  NOT NULL,
    confirmed_at    timestamptz
);

-- Development e-mail: what a real sender would send, kept for the operator (and the tests) to read.
CREATE TABLE email_outbox (
    id              bigint       GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    recipient       text         NOT NULL,
    subject         text         NOT NULL,
    body            text         NOT NULL,
    created_at      timestamptz  NOT NULL DEFAULT now()
);
