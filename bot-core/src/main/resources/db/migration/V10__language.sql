-- The language each person reads (i18n.Languages.resolve decides it at send time):
--   participant.language         what they chose with /rapport language (en, fr, es); null until they choose
--   participant.platform_locale  what their platform last reported (Slack users.info with include_locale, Discord's
--                                interaction locale), as the platform wrote it (fr-FR, es-419); null until known
--   programme.default_language   the language of a programme's people who neither chose nor have a shipped locale
alter table participant add column language varchar(16);
alter table participant add column platform_locale varchar(35);
alter table programme add column default_language varchar(16) not null default 'en';
