-- A head office manages its branches' delegations over the API, and an entity's head hands over to the next (issue 14
-- item 7; ADR 0037). Who headed the enterprise when matters: the Agreement (p.8) makes the new head answer for invoices
-- issued by a head who no longer was one.

-- The heads of an enterprise over time, as changed over the API (heads before the first change are not known here).
CREATE TABLE enterprise_heads (
    tin         varchar(20)  NOT NULL,
    head_iin    varchar(20)  NOT NULL,
    valid_from  timestamptz  NOT NULL,
    valid_to    timestamptz,
    changed_by  varchar(20)  NOT NULL,
    PRIMARY KEY (tin, valid_from)
);

-- Who granted or ended a delegation of a liquidated branch over the API, and when (an imported one names no one).
ALTER TABLE branch_delegations
    ADD COLUMN granted_by  varchar(20),
    ADD COLUMN granted_at  timestamptz;

-- The head office's own history: delegations granted and ended, heads changed.
CREATE TABLE enterprise_history (
    id          bigint       GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tin         varchar(20)  NOT NULL,
    action      varchar(30)  NOT NULL,
    detail      text         NOT NULL,
    actor       varchar(20)  NOT NULL,
    at          timestamptz  NOT NULL
);

CREATE INDEX enterprise_history_tin ON enterprise_history (tin, id);
