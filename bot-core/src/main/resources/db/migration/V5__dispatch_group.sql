-- Sends in flight are recorded per group rather than per row: a worker writes the group it is about to send into
-- dispatch_group (one row per worker) in the transaction that records the previous group's outcomes. One small write
-- per group instead of an update of every row in it; after a crash exactly those rows are in doubt.
--
-- Outbox statuses are now:
--   PENDING   waiting for next_attempt_at;
--   CLAIMED   taken by a worker (claimed_by, of instance claimed_instance); the lease is next_attempt_at. The rows of
--             the worker's current group in dispatch_group are being sent: if the worker dies, their outcome is unknown;
--   SENT, FAILED, CANCELLED (the recipient left), EXPIRED (pointless by the time it could be sent; last_error says why).
create table dispatch_group (
    worker     varchar(120) primary key,
    instance   varchar(80)  not null,
    began_at   timestamptz  not null,
    ids        bigint[]     not null
);

-- Rows a worker of the previous version was sending when this version was installed: their outcome is unknown, so
-- they wait again in doubt (the next send first checks whether the earlier one arrived).
update outbox set status = 'PENDING', unknown_since = coalesce(unknown_since, in_flight_since, created_at),
                  claimed_by = null, claimed_instance = null
where status = 'SENDING';
alter table outbox drop column in_flight_since;
drop index outbox_ready;
create index outbox_ready on outbox (next_attempt_at) where status in ('PENDING', 'CLAIMED');
