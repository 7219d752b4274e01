-- Delivery that keeps its promises: each send's outcome recorded as soon as it is known, sends whose outcome is
-- unknown resolved before they are retried, platform outages that delay and never fail a message, pointless rows
-- expired with their reason, crashed instances noticed within seconds, and rate limits shared by every instance.

-- Outbox statuses are now:
--   PENDING   waiting for next_attempt_at;
--   CLAIMED   taken by a worker (claimed_by) that has not begun sending it; the lease is next_attempt_at;
--   SENDING   a send has begun (in_flight_since): if its worker dies, the outcome is unknown;
--   SENT, FAILED, CANCELLED (the recipient left), EXPIRED (pointless by the time it could be sent; last_error says why).
-- The instance whose worker holds a row, so a crashed instance's rows are recovered at once rather than after the lease.
alter table outbox add column claimed_instance varchar(80);
-- When the current send began.
alter table outbox add column in_flight_since timestamptz;
-- When the earliest send whose outcome is unknown began; the next attempt first checks whether it arrived.
alter table outbox add column unknown_since timestamptz;
-- How a send in doubt ended: FOUND (the earlier attempt had arrived: nothing new posted) or RESENT (posted again,
-- because the platform could not tell; a duplicate if the earlier one had arrived after all).
alter table outbox add column resolution varchar(16);
-- Rows a worker held when this version was installed were claimed under the old meaning (perhaps already sent).
update outbox set in_flight_since = created_at where status = 'SENDING';
drop index outbox_ready;
create index outbox_ready on outbox (next_attempt_at) where status in ('PENDING', 'CLAIMED', 'SENDING');

-- The instances whose dispatch workers are running, with a heartbeat in the database's own time. An instance whose
-- heartbeat stops is dead: its claims are released at once (and its sends in flight become unknown).
create table dispatch_instance (
    id         varchar(80) primary key,
    started_at timestamptz not null,
    seen_at    timestamptz not null
);

-- A platform, or one workspace of it, that is failing as a whole (5xx, timeouts, a revoked token). While a row is
-- here no message is sent there; one probe at a time checks for recovery. workspace_id '' means every workspace.
create table delivery_outage (
    platform      varchar(16)  not null,
    workspace_id  varchar(64)  not null default '',
    since         timestamptz  not null,
    reason        varchar(500) not null,
    next_probe_at timestamptz  not null,
    probes        integer      not null default 0,
    primary key (platform, workspace_id)
);

-- Token buckets for the platforms' rate limits, shared by every instance (Bucket4j's PostgreSQL store). state is
-- Bucket4j's serialised bucket; expires_at (epoch milliseconds) lets idle buckets be deleted.
create table rate_bucket (
    id         varchar(250) primary key,
    state      bytea,
    expires_at bigint
);
