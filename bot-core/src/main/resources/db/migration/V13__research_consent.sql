-- Whether a participant lets their anonymised answers be used to study mentoring (/rapport consent, the welcome's
-- buttons). No by default; it can be changed at any time, and a research export reads it as it stands when the
-- export runs. research_consent_at is when it was last changed (null: never answered, so no).
alter table participant add column research_consent    boolean     not null default false;
alter table participant add column research_consent_at timestamptz;
