-- health_change: which pairs' health facts a transaction changed, so that an instance holding a programme's assessment
-- (health.HealthBoard) re-reads only those pairs instead of every pair of the programme, and one holding a programme's
-- overview (insight.HeldReads) knows whether it may still use it. One row per statement and programme, with the ids of
-- the pairs it touched (a sweep batch of a thousand check-ins writes one row, not a thousand: measured, a row per pair
-- made the sweep ~25% slower), written by the statement-level triggers below in the writing transaction itself, so a
-- row is visible exactly when the change it records is; xid is that transaction's id, which a reader compares with
-- the snapshot it read its assessment in (pg_visible_in_snapshot). pair_ids null: the whole programme changed (its
-- settings, its skip dates). Rows older than an hour are deleted by the hourly health run (a scan of an hour's rows);
-- an assessment older than half that is read afresh.
create table health_change (
    xid          xid8        not null default pg_current_xact_id(),
    programme_id bigint      not null,
    pair_ids     bigint[],
    at           timestamptz not null default clock_timestamp()
);
create index health_change_programme on health_change (programme_id, xid);

-- Rows that carry a pair_id: check_in, meeting, checkin_slot. "changed" is the statement's new rows (insert, update)
-- or old rows (delete).
create function health_change_by_pair_id() returns trigger language plpgsql as $$
begin
    insert into health_change (programme_id, pair_ids)
    select p.programme_id, array_agg(distinct p.id) from changed t join pair p on p.id = t.pair_id
    group by p.programme_id;
    return null;
end $$;

create function health_change_by_check_in_id() returns trigger language plpgsql as $$
begin
    insert into health_change (programme_id, pair_ids)
    select p.programme_id, array_agg(distinct p.id)
    from changed t join check_in c on c.id = t.check_in_id join pair p on p.id = c.pair_id
    group by p.programme_id;
    return null;
end $$;

create function health_change_of_pair() returns trigger language plpgsql as $$
begin
    insert into health_change (programme_id, pair_ids)
    select t.programme_id, array_agg(distinct t.id) from changed t group by t.programme_id;
    return null;
end $$;

create function health_change_of_programme() returns trigger language plpgsql as $$
begin
    insert into health_change (programme_id, pair_ids) select distinct t.programme_id, null::bigint[] from changed t;
    return null;
end $$;

create function health_change_of_programme_row() returns trigger language plpgsql as $$
begin
    insert into health_change (programme_id, pair_ids) select distinct t.id, null::bigint[] from changed t;
    return null;
end $$;

-- A participant's own pause keeps their pairs' weeks without a meeting from counting; their name is shown in the
-- overview's list of changes; nothing else of theirs is read.
create function health_change_by_participant() returns trigger language plpgsql as $$
begin
    insert into health_change (programme_id, pair_ids)
    select p.programme_id, array_agg(distinct p.id)
    from changed n join old_rows o on o.id = n.id
    join pair p on p.mentor_id = n.id or p.mentee_id = n.id
    where n.paused_until is distinct from o.paused_until or n.display_name is distinct from o.display_name
    group by p.programme_id;
    return null;
end $$;

-- PostgreSQL allows transition tables only on single-event triggers: one trigger per table and event.
create trigger health_change_check_in_insert after insert on check_in
    referencing new table as changed for each statement execute function health_change_by_pair_id();
create trigger health_change_check_in_update after update on check_in
    referencing new table as changed for each statement execute function health_change_by_pair_id();
create trigger health_change_check_in_delete after delete on check_in
    referencing old table as changed for each statement execute function health_change_by_pair_id();

create trigger health_change_meeting_insert after insert on meeting
    referencing new table as changed for each statement execute function health_change_by_pair_id();
create trigger health_change_meeting_update after update on meeting
    referencing new table as changed for each statement execute function health_change_by_pair_id();
create trigger health_change_meeting_delete after delete on meeting
    referencing old table as changed for each statement execute function health_change_by_pair_id();

create trigger health_change_checkin_slot_insert after insert on checkin_slot
    referencing new table as changed for each statement execute function health_change_by_pair_id();
create trigger health_change_checkin_slot_update after update on checkin_slot
    referencing new table as changed for each statement execute function health_change_by_pair_id();
create trigger health_change_checkin_slot_delete after delete on checkin_slot
    referencing old table as changed for each statement execute function health_change_by_pair_id();

create trigger health_change_answer_insert after insert on answer
    referencing new table as changed for each statement execute function health_change_by_check_in_id();
create trigger health_change_answer_update after update on answer
    referencing new table as changed for each statement execute function health_change_by_check_in_id();
create trigger health_change_answer_delete after delete on answer
    referencing old table as changed for each statement execute function health_change_by_check_in_id();

create trigger health_change_pair_insert after insert on pair
    referencing new table as changed for each statement execute function health_change_of_pair();
create trigger health_change_pair_update after update on pair
    referencing new table as changed for each statement execute function health_change_of_pair();
create trigger health_change_pair_delete after delete on pair
    referencing old table as changed for each statement execute function health_change_of_pair();

create trigger health_change_skip_date_insert after insert on programme_skip_date
    referencing new table as changed for each statement execute function health_change_of_programme();
create trigger health_change_skip_date_update after update on programme_skip_date
    referencing new table as changed for each statement execute function health_change_of_programme();
create trigger health_change_skip_date_delete after delete on programme_skip_date
    referencing old table as changed for each statement execute function health_change_of_programme();

create trigger health_change_programme_insert after insert on programme
    referencing new table as changed for each statement execute function health_change_of_programme_row();
create trigger health_change_programme_update after update on programme
    referencing new table as changed for each statement execute function health_change_of_programme_row();

create trigger health_change_participant_update after update on participant
    referencing old table as old_rows new table as changed for each statement
    execute function health_change_by_participant();

-- The overview's states week by week and its changes of the week (insight.OverviewReader) read the pairs' history.
create trigger health_change_pair_state_change_insert after insert on pair_state_change
    referencing new table as changed for each statement execute function health_change_by_pair_id();
create trigger health_change_pair_state_change_update after update on pair_state_change
    referencing new table as changed for each statement execute function health_change_by_pair_id();
create trigger health_change_pair_state_change_delete after delete on pair_state_change
    referencing old table as changed for each statement execute function health_change_by_pair_id();
