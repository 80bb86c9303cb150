-- Registries the format-and-logic control reads (issue 3). Every table is keyed so a CSV import can upsert idempotently.

-- Taxpayers: VAT registration with dates, special professions, deregistration reason, head office ↔ branch, non-resident unit.
ALTER TABLE taxpayers
    ADD COLUMN address_kz            text,
    ADD COLUMN vat_registered_on     date,
    ADD COLUMN vat_deregistered_on   date,
    ADD COLUMN is_lawyer             boolean     NOT NULL DEFAULT false,
    ADD COLUMN is_notary             boolean     NOT NULL DEFAULT false,
    ADD COLUMN is_bailiff            boolean     NOT NULL DEFAULT false,
    ADD COLUMN is_mediator           boolean     NOT NULL DEFAULT false,
    ADD COLUMN deregistration_reason text,
    ADD COLUMN head_office_tin       varchar(20);

CREATE INDEX taxpayers_head_office ON taxpayers (head_office_tin) WHERE head_office_tin IS NOT NULL;

-- Reorganization: the successor of a reorganized person (присоединение, слияние, разделение).
CREATE TABLE taxpayer_successors (
    reorganized_tin varchar(20) NOT NULL,
    successor_tin   varchar(20) NOT NULL,
    kind            varchar(20) NOT NULL,
    reorganized_on  date,
    PRIMARY KEY (reorganized_tin, successor_tin)
);

-- Liquidated branches: which active branch may issue for a liquidated one, and when.
CREATE TABLE branch_delegations (
    liquidated_tin  varchar(20) NOT NULL,
    delegate_tin    varchar(20) NOT NULL,
    head_office_tin varchar(20) NOT NULL,
    valid_from      date        NOT NULL,
    valid_to        date,
    PRIMARY KEY (liquidated_tin, delegate_tin, valid_from)
);

CREATE TABLE banks (
    bik         varchar(8)  PRIMARY KEY,
    name_ru     text        NOT NULL
);

-- Supplier bank accounts (ИИК, БИК, КБе).
CREATE TABLE bank_accounts (
    tin         varchar(20) NOT NULL,
    iik         varchar(20) NOT NULL,
    bik         varchar(8)  NOT NULL,
    kbe         varchar(2),
    PRIMARY KEY (tin, iik)
);

-- «Участники СРП».
CREATE TABLE srp_participants (
    tin         varchar(20) PRIMARY KEY,
    agreement   text
);

-- «Страна» with the EAEU membership flag.
CREATE TABLE countries (
    code        varchar(2)  PRIMARY KEY,
    name_ru     text        NOT NULL,
    is_eaeu     boolean     NOT NULL DEFAULT false
);

CREATE TABLE currencies (
    code        varchar(3)  PRIMARY KEY,
    name_ru     text        NOT NULL
);

-- National Bank RK market rates by date.
CREATE TABLE currency_rates (
    code        varchar(3)      NOT NULL,
    rate_date   date            NOT NULL,
    rate        numeric(18, 6)  NOT NULL,
    PRIMARY KEY (code, rate_date)
);

CREATE TABLE units (
    code        varchar(10) PRIMARY KEY,
    name_ru     text        NOT NULL
);

-- «Признак происхождения» (G2).
CREATE TABLE origin_signs (
    code        varchar(1)  PRIMARY KEY,
    name_ru     text        NOT NULL
);

-- VAT rates (G12) with their validity; «Без НДС» is an absent rate.
CREATE TABLE vat_rates (
    rate        integer     PRIMARY KEY,
    name_ru     text        NOT NULL,
    valid_from  date        NOT NULL,
    valid_to    date
);

-- ТН ВЭД ЕАЭС with the exemption-goods (изъятие) flag.
CREATE TABLE tnved (
    code         varchar(10) PRIMARY KEY,
    name_ru      text        NOT NULL,
    is_exemption boolean     NOT NULL DEFAULT false
);

-- Confirmed outages of ИС ЭСФ (paper invoices, decline-window extension).
CREATE TABLE outage_dates (
    outage_date date        PRIMARY KEY,
    reason      text
);
