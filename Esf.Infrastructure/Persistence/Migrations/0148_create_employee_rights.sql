-- People inside an enterprise (Rules p.11, Agreement p.9–12; issue 14 item 7; ADR 0037). The head of an enterprise enrols
-- employees (уполномоченные физические лица), grants them rights with terms, withdraws them and blocks a membership.

-- A membership added by the head over the API records who added it; NULL: the registry import, a sandbox world or an
-- approved registration enrolled it (see the trigger below).
ALTER TABLE user_enterprises
    ADD COLUMN enrolled_by  varchar(20),
    ADD COLUMN blocked_at   timestamptz,
    ADD COLUMN blocked_by   varchar(20);

-- The rights an employee holds in one enterprise, each with its term (inclusive dates, Kazakhstan time; valid_to NULL: open).
-- One current row per right: a new grant replaces the term, a withdrawal deletes the row (the history keeps what was).
CREATE TABLE employee_rights (
    login       varchar(20)  NOT NULL,
    tin         varchar(20)  NOT NULL,
    right_name  varchar(20)  NOT NULL CHECK (right_name IN ('VIEW', 'CREATE', 'SIGN', 'CHANGE_STATUS')),
    valid_from  date         NOT NULL,
    valid_to    date,
    granted_by  varchar(20),
    granted_at  timestamptz  NOT NULL,
    PRIMARY KEY (login, tin, right_name),
    FOREIGN KEY (login, tin) REFERENCES user_enterprises (login, tin) ON DELETE CASCADE,
    CHECK (valid_to IS NULL OR valid_from <= valid_to)
);

-- Who changed what about whom, and when: enrolment, grants, withdrawals, blocks, removal.
CREATE TABLE employee_history (
    id          bigint       GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tin         varchar(20)  NOT NULL,
    login       varchar(20)  NOT NULL,
    action      varchar(30)  NOT NULL,
    detail      text,
    actor       varchar(20)  NOT NULL,
    at          timestamptz  NOT NULL
);

CREATE INDEX employee_history_person ON employee_history (tin, login, id);

-- A member the head did not enrol over the API keeps what such members always could do: every right of its profile,
-- open-ended, until the head narrows it. An entrepreneur's employee never signs (Rules p.11: «без права заверения ЭСФ»).
CREATE FUNCTION grant_enrolment_rights() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.enrolled_by IS NULL AND NEW.business_profile_type LIKE '%USER' THEN
        INSERT INTO employee_rights (login, tin, right_name, valid_from, valid_to, granted_by, granted_at)
        SELECT NEW.login, NEW.tin, r, DATE '2000-01-01', NULL, NULL, now()
        FROM unnest(ARRAY['VIEW', 'CREATE', 'SIGN', 'CHANGE_STATUS']) AS r
        WHERE NOT (r = 'SIGN' AND NEW.business_profile_type = 'ENTREPRENEUR_USER')
        ON CONFLICT DO NOTHING;
    END IF;
    RETURN NEW;
END $$;

CREATE TRIGGER user_enterprises_enrolment_rights AFTER INSERT ON user_enterprises
    FOR EACH ROW EXECUTE FUNCTION grant_enrolment_rights();

INSERT INTO employee_rights (login, tin, right_name, valid_from, valid_to, granted_by, granted_at)
SELECT e.login, e.tin, r, DATE '2000-01-01', NULL, NULL, now()
FROM user_enterprises e CROSS JOIN unnest(ARRAY['VIEW', 'CREATE', 'SIGN', 'CHANGE_STATUS']) AS r
WHERE e.business_profile_type LIKE '%USER' AND NOT (r = 'SIGN' AND e.business_profile_type = 'ENTREPRENEUR_USER');
