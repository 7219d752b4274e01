-- The weekly digest and silent people.
-- digest_day: the ISO day of week (1 = Monday) on which each coordinator gets the programme's digest in their DM.
-- silent_after: after this many unanswered check-ins in a row, a person's check-ins are a gentle nudge instead.
-- silent_tell_after: after this many, the programme's coordinators are told, once per silence.
-- digest_opt_out: the coordinators who turned a programme's digest off (/rapport digest off).
alter table programme add column digest_day        smallint not null default 1;
alter table programme add column silent_after      smallint not null default 3;
alter table programme add column silent_tell_after smallint not null default 5;
alter table programme add constraint programme_digest_day check (digest_day between 1 and 7);
alter table programme add constraint programme_silence
    check (silent_after between 1 and 20 and silent_tell_after between 2 and 52 and silent_after < silent_tell_after);

create table digest_opt_out (
    programme_id   bigint      not null references programme (id) on delete cascade,
    participant_id bigint      not null references participant (id) on delete cascade,
    since          timestamptz not null,
    primary key (programme_id, participant_id)
);
