-- What the chat adapters need from the core's tables: where a participant's time zone came from, whether
-- their platform profile has been read, whether Rapport can reach them at all, deduplication of platform
-- events that platforms deliver more than once, and workspace installations (Slack's OAuth installs).

-- DEFAULT: the programme's zone, assumed; PLATFORM: read from the platform profile (Slack's users.info);
-- CHOSEN: set by the person (/rapport timezone). A platform never overrides a chosen zone.
alter table participant add column time_zone_source varchar(16) not null default 'DEFAULT';
-- When the platform profile (display name, time zone) was last read; null = not yet (a new participant).
alter table participant add column profile_checked_at timestamptz;
-- Set when the platform said this person cannot be messaged (DMs closed, account gone); cleared when they
-- next use Rapport. While set, nothing is sent to them, so a closed DM never turns into a stream of refusals.
alter table participant add column unreachable_since timestamptz;
create index participant_profile_unchecked on participant (id) where profile_checked_at is null;

-- One row per platform event or interaction already handled; the primary key makes a redelivery a no-op.
create table inbound_event (
    platform    varchar(16)  not null,
    event_id    varchar(128) not null,
    received_at timestamptz  not null,
    primary key (platform, event_id)
);
create index inbound_event_received on inbound_event (received_at);

-- A workspace that installed Rapport through the platform's OAuth flow (Slack). The bot token is stored
-- encrypted (AES-GCM, key from the environment); it is never stored in the clear and never logged.
create table installation (
    platform          varchar(16)  not null,
    workspace_id      varchar(64)  not null,
    enterprise_id     varchar(64),
    workspace_name    varchar(200),
    app_id            varchar(64),
    bot_user_id       varchar(64),
    bot_id            varchar(64),
    bot_scopes        varchar(1000),
    bot_token_cipher  text         not null,
    installer_user_id varchar(64),
    installed_at      timestamptz  not null,
    primary key (platform, workspace_id)
);

-- OAuth "state" values handed out at the start of an install and checked when the platform redirects back,
-- so a forged redirect cannot install into someone else's workspace. Shared by all instances.
create table oauth_state (
    state      varchar(128) primary key,
    expires_at timestamptz  not null
);
