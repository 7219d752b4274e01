-- Authority: on Discord a programme is bound to one server role, by id, whose current holders coordinate it.
-- Holders are enrolled in coordinator (via_role_id set) so that at-risk alerts reach them; every command re-checks
-- the roles the person holds at that moment, and removes the enrolment once the role is gone. Rows with no
-- via_role_id are the coordinators named by setup (Slack) or by `/rapport coordinator add`.

alter table programme add column coordinator_role_id varchar(32);

alter table coordinator add column via_role_id varchar(32);
