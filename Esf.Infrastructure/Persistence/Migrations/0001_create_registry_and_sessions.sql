-- Taxpayers: the registry the rules read (Государственная база данных налогоплательщиков, simplified).
CREATE TABLE taxpayers (
    tin                     varchar(20)  PRIMARY KEY,
    name_ru                 text         NOT NULL,
    name_kz                 text,
    address_ru              text,
    is_resident             boolean      NOT NULL DEFAULT true,
    enterprise_type         varchar(40)  NOT NULL DEFAULT 'PRIVATE_ENTERPRISE',
    vat_certificate_series  varchar(20),
    vat_certificate_num     varchar(20),
    kogd                    varchar(8),
    registered_on           date,
    deregistered_on         date
);

-- Users log in with their ИИН and the ESF account password.
CREATE TABLE users (
    login           varchar(20)  PRIMARY KEY,
    password_hash   text         NOT NULL,
    first_name      text,
    last_name       text,
    email           text,
    status          varchar(40)  NOT NULL DEFAULT 'ACTIVE'
);

-- Which enterprises a user may act for, and in which business profile.
CREATE TABLE user_enterprises (
    login                   varchar(20)  NOT NULL REFERENCES users (login),
    tin                     varchar(20)  NOT NULL REFERENCES taxpayers (tin),
    business_profile_type   varchar(40)  NOT NULL,
    PRIMARY KEY (login, tin)
);

CREATE TABLE sessions (
    session_id              varchar(100) PRIMARY KEY,
    login                   varchar(20)  NOT NULL REFERENCES users (login),
    tin                     varchar(20)  NOT NULL REFERENCES taxpayers (tin),
    business_profile_type   varchar(40)  NOT NULL,
    project_code            bigint,
    source_type             varchar(20),
    certificate             text         NOT NULL,
    created_at              timestamptz  NOT NULL DEFAULT now(),
    last_seen_at            timestamptz  NOT NULL DEFAULT now(),
    closed_at               timestamptz
);

-- One open session per user, as the real service enforces; the index makes the rule race-free.
CREATE UNIQUE INDEX sessions_one_open_per_user ON sessions (login) WHERE closed_at IS NULL;
