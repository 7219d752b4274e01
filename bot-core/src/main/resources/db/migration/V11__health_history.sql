-- A pair's health over time and what coordinators did about it.
-- pair_state_change: one row each time the hourly health run finds a pair in another state than the run before
-- (its first assessment included), with the reasons as pair_health keeps them ("SEVERITY CODE: text" per line).
-- coordinator_note: what a coordinator did or agreed ("called both; agreed to meet fortnightly"), sealed at rest like
-- comments (AES-GCM, rapport/coordinator-notes key); read only by the programme's coordinators.
-- Both go with their pair (retention of ended pairs, erasure of a participant).
create table pair_state_change (
    id             bigserial    primary key,
    pair_id        bigint       not null references pair (id) on delete cascade,
    at             timestamptz  not null,
    state          varchar(16)  not null,
    previous_state varchar(16),
    reasons        text         not null
);
create index pair_state_change_pair on pair_state_change (pair_id, at);

create table coordinator_note (
    id        bigserial    primary key,
    pair_id   bigint       not null references pair (id) on delete cascade,
    author_id bigint       references participant (id) on delete set null,
    at        timestamptz  not null,
    body      text         not null
);
create index coordinator_note_pair on coordinator_note (pair_id, at);
