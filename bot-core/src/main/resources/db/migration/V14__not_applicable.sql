-- "Not applicable" on every pulse statement (issue 12, item 6). An answer is either a score 1-5 or "not applicable":
-- score is then null and not_applicable true. Existing rows keep their score and get not_applicable = false; the
-- columns readers already use (check_in_id, question_id, bank_version, dimension, score, answered_at) keep their
-- names and meaning, so a reader that filters "score is not null" reads exactly the scores it read before.
alter table answer alter column score drop not null;
alter table answer add column not_applicable boolean not null default false;
alter table answer drop constraint answer_score;
alter table answer add constraint answer_score
    check ((not not_applicable and score between 1 and 5) or (not_applicable and score is null));
