-- The working-day calendar of Kazakhstan (issue 12): the days the Government changes, imported per year like the other
-- registries. A weekday listed with is_working = false is a day off (a public holiday or a day off moved onto it); a weekend
-- day listed with is_working = true is a working day (перенос рабочего дня). Every other day is Monday–Friday working.
-- WorkingDayCalendar counts the decline window (3 working days, R154/R155) on it.
CREATE TABLE working_calendar (
    day         date     PRIMARY KEY,
    is_working  boolean  NOT NULL DEFAULT false,
    name_ru     text
);
