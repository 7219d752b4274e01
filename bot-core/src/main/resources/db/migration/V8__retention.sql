-- Retention: how long an ended pair's check-ins, answers, comments, meetings and messages are kept after the day it
-- ended, for this programme; null means the deployment's default (rapport.retention.ended-pairs, two years).
alter table programme add column ended_pair_retention_days integer;
alter table programme add constraint programme_ended_pair_retention check (ended_pair_retention_days > 0);

-- Forgetting handled event ids is now part of the retention job; the old job of its own is removed from Quartz's
-- store, whose rows would otherwise name a class that no longer exists.
delete from qrtz_simple_triggers where trigger_name = 'inbound-events' and trigger_group = 'rapport';
delete from qrtz_triggers where trigger_name = 'inbound-events' and trigger_group = 'rapport';
delete from qrtz_job_details where job_name = 'inbound-events' and job_group = 'rapport';
