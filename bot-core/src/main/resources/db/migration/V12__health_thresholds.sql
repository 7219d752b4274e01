-- Each programme's health thresholds, set by its coordinators (/rapport set), with the defaults Rapport always used.
-- response_*_percent: below this share of the mentee's recent check-ins answered, the pair is to watch / at risk.
-- level_*: at or below this mean level (1–5) of a dimension, the mentee's side is to watch / at risk.
-- drop_points: a fall of at least this much between two pairs of answers is to watch.
-- gap_points: mentee and mentor at least this far apart on a dimension is to watch.
alter table programme add column response_watch_percent   smallint         not null default 75;
alter table programme add column response_at_risk_percent smallint         not null default 50;
alter table programme add column level_watch              double precision not null default 3.0;
alter table programme add column level_at_risk            double precision not null default 2.0;
alter table programme add column drop_points              double precision not null default 1.5;
alter table programme add column gap_points               double precision not null default 2.0;
alter table programme add constraint programme_response_thresholds
    check (response_at_risk_percent between 1 and 100 and response_watch_percent between 1 and 100
           and response_at_risk_percent < response_watch_percent);
alter table programme add constraint programme_level_thresholds
    check (level_at_risk between 1 and 5 and level_watch between 1 and 5 and level_at_risk < level_watch
           and drop_points between 0.5 and 4 and gap_points between 0.5 and 4);
