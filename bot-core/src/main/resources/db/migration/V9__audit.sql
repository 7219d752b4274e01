-- Every coordinator read of pair-level data and every change they make, with who, what, which pair and when.
-- kind: READ (health, pair, at-risk, export) or CHANGE (add, import, end, pause, snooze, coordinators, erase, cadence,
-- skip dates). pair_id is null for a read or change of the whole programme. Kept rapport.retention.audit (a year).
create table audit_event (
    id           bigserial    primary key,
    at           timestamptz  not null,
    actor_id     bigint       not null references participant (id),
    programme_id bigint       not null references programme (id) on delete cascade,
    pair_id      bigint       references pair (id) on delete set null,
    action       varchar(32)  not null,
    kind         varchar(8)   not null,
    constraint audit_event_kind check (kind in ('READ', 'CHANGE'))
);
create index audit_event_programme on audit_event (programme_id, at);
create index audit_event_pair on audit_event (pair_id, at) where pair_id is not null;
create index audit_event_at on audit_event (at);
