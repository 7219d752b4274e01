-- Rapport's domain: programmes, participants, pairs, the check-in schedule, answers, meetings,
-- the outbox and pair health. Every timestamp is timestamptz (an instant); local dates and times
-- are always read in the participant's own IANA time zone.

create table programme (
    id                     bigserial primary key,
    platform               varchar(16)  not null,            -- SLACK | DISCORD
    workspace_id           varchar(64)  not null,            -- Slack team id or Discord guild id
    name                   varchar(120) not null,
    time_zone              varchar(64)  not null,            -- default zone for participants who have not set one
    cadence_day            smallint     not null default 1,  -- ISO day of week, 1 = Monday
    cadence_time           time         not null default '10:00',
    cadence_weeks          smallint     not null default 1,
    meeting_reminder_weeks smallint     not null default 3,
    reminder_after_hours   smallint     not null default 48,
    grace_hours            smallint     not null default 12,
    created_at             timestamptz  not null,
    constraint programme_name_unique unique (platform, workspace_id, name),
    constraint programme_cadence_day check (cadence_day between 1 and 7),
    constraint programme_cadence_weeks check (cadence_weeks between 1 and 8)
);

-- Dates on which no check-in is sent (exam weeks, holidays), per programme.
create table programme_skip_date (
    programme_id bigint not null references programme (id) on delete cascade,
    day          date   not null,
    primary key (programme_id, day)
);

create table participant (
    id               bigserial primary key,
    platform         varchar(16)  not null,
    workspace_id     varchar(64)  not null,
    platform_user_id varchar(64)  not null,
    display_name     varchar(200) not null,
    time_zone        varchar(64)  not null,
    quiet_start      time,
    quiet_end        time,
    paused_until     date,                      -- inclusive, in the participant's zone
    left_at          timestamptz,
    created_at       timestamptz  not null,
    constraint participant_identity unique (platform, workspace_id, platform_user_id)
);

create table coordinator (
    programme_id   bigint      not null references programme (id) on delete cascade,
    participant_id bigint      not null references participant (id),
    added_at       timestamptz not null,
    primary key (programme_id, participant_id)
);

create table pair (
    id           bigserial primary key,
    programme_id bigint      not null references programme (id),
    mentor_id    bigint      not null references participant (id),
    mentee_id    bigint      not null references participant (id),
    started_on   date        not null,
    ended_on     date,
    status       varchar(16) not null,          -- ACTIVE | PAUSED | ENDED
    paused_until date,
    created_at   timestamptz not null,
    constraint pair_two_people check (mentor_id <> mentee_id)
);
create unique index pair_open_unique on pair (programme_id, mentor_id, mentee_id) where status <> 'ENDED';
create index pair_mentor on pair (mentor_id);
create index pair_mentee on pair (mentee_id);
create index pair_programme on pair (programme_id);

-- The schedule is data: one row per pair and role says when that side's next check-in is due.
-- The sweep reads it through the partial index below; there is no Quartz trigger per pair.
create table checkin_slot (
    pair_id     bigint      not null references pair (id) on delete cascade,
    role        varchar(8)  not null,           -- MENTEE | MENTOR
    next_due_at timestamptz not null,
    next_period date        not null,           -- the local date of the cadence day this slot is for
    seq         integer     not null default 0, -- how many periods this slot has passed (drives rotation)
    primary key (pair_id, role)
);
create index checkin_slot_due on checkin_slot (next_due_at);

create table check_in (
    id             bigserial primary key,
    pair_id        bigint       not null references pair (id) on delete cascade,
    role           varchar(8)   not null,
    participant_id bigint       not null references participant (id),
    period         date         not null,
    seq            integer      not null,
    bank_version   varchar(32)  not null,
    question_ids   varchar(400) not null,       -- comma-separated, in the order asked
    due_at         timestamptz  not null,
    status         varchar(16)  not null,       -- PENDING | SENT | ANSWERED | MISSED | SKIPPED
    skip_reason    varchar(32),
    sent_at        timestamptz,
    answered_at    timestamptz,
    reminded_at    timestamptz,
    met            boolean,
    comment        text,
    comment_shared boolean      not null default false,
    constraint check_in_once_per_period unique (pair_id, role, period)
);
create index check_in_awaiting_answer on check_in (sent_at) where status = 'SENT';
create index check_in_participant on check_in (participant_id);

create table answer (
    check_in_id  bigint      not null references check_in (id) on delete cascade,
    question_id  varchar(64) not null,
    bank_version varchar(32) not null,
    dimension    varchar(16) not null,
    score        smallint    not null,
    answered_at  timestamptz not null,
    primary key (check_in_id, question_id),
    constraint answer_score check (score between 1 and 5)
);

create table meeting (
    id         bigserial primary key,
    pair_id    bigint      not null references pair (id) on delete cascade,
    held_on    date        not null,
    note       text,
    logged_by  bigint      not null references participant (id),
    created_at timestamptz not null
);
create index meeting_pair on meeting (pair_id, held_on desc);

-- Every outbound message is a row here first. Unique per (pair, kind, period, recipient), so a
-- sweep that runs twice, or on two instances at once, cannot produce a second message.
create table outbox (
    id                  bigserial primary key,
    pair_id             bigint,
    recipient_id        bigint       not null references participant (id),
    kind                varchar(32)  not null,
    period              varchar(64)  not null,
    check_in_id         bigint,
    payload             text,
    status              varchar(16)  not null default 'PENDING', -- PENDING | SENDING | SENT | FAILED | CANCELLED
    attempts            integer      not null default 0,
    next_attempt_at     timestamptz  not null,
    claimed_by          varchar(80),
    platform_message_id varchar(200),
    last_error          varchar(500),
    created_at          timestamptz  not null,
    sent_at             timestamptz
);
create unique index outbox_pair_once on outbox (pair_id, kind, period, recipient_id) where pair_id is not null;
create unique index outbox_personal_once on outbox (recipient_id, kind, period) where pair_id is null;
create index outbox_ready on outbox (next_attempt_at) where status in ('PENDING', 'SENDING');

create table pair_health (
    pair_id             bigint primary key references pair (id) on delete cascade,
    state               varchar(16) not null,
    reasons             text        not null,
    computed_at         timestamptz not null,
    at_risk_since       timestamptz,
    alert_snoozed_until timestamptz
);
