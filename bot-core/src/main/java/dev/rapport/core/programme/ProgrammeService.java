package dev.rapport.core.programme;

import dev.rapport.core.calendar.Cadence;
import dev.rapport.core.chat.Platform;
import dev.rapport.core.database.SqlTime;
import dev.rapport.core.i18n.Languages;
import dev.rapport.core.i18n.TextException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creating and configuring programmes, and who coordinates them. */
@Service
public class ProgrammeService {

    private final ProgrammeRepository programmes;
    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ProgrammeService(ProgrammeRepository programmes, JdbcTemplate jdbc, ApplicationEventPublisher events, Clock clock) {
        this.programmes = programmes;
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    /** Creates a programme; the creator (a participant id) becomes its first coordinator. */
    @Transactional
    public ProgrammeView create(
            Platform platform, String workspaceId, String name, ZoneId zone, long creatorParticipantId) {
        return create(platform, workspaceId, name, zone, creatorParticipantId, null);
    }

    /**
     * Creates a programme, bound to a platform role whose holders coordinate it if {@code coordinatorRoleId} is set;
     * the creator, if given, becomes its first named coordinator.
     */
    @Transactional
    public ProgrammeView create(
            Platform platform,
            String workspaceId,
            String name,
            ZoneId zone,
            Long creatorParticipantId,
            String coordinatorRoleId) {
        if (programmes
                .findByPlatformAndWorkspaceIdAndNameIgnoreCase(platform, workspaceId, name)
                .isPresent()) {
            throw TextException.of("programme.error.name-taken", "name", name);
        }
        Programme created = new Programme(platform, workspaceId, name, zone.getId(), clock.instant());
        created.coordinatorRoleId = coordinatorRoleId;
        Programme p = programmes.saveAndFlush(created);
        if (creatorParticipantId != null) {
            addCoordinator(p.id, creatorParticipantId);
        }
        return ProgrammeView.of(p);
    }

    public Optional<ProgrammeView> find(long id) {
        return programmes.findById(id).map(ProgrammeView::of);
    }

    public List<ProgrammeView> inWorkspace(Platform platform, String workspaceId) {
        return programmes.findByPlatformAndWorkspaceIdOrderByName(platform, workspaceId).stream()
                .map(ProgrammeView::of)
                .toList();
    }

    public Optional<ProgrammeView> findByName(Platform platform, String workspaceId, String name) {
        return programmes
                .findByPlatformAndWorkspaceIdAndNameIgnoreCase(platform, workspaceId, name)
                .map(ProgrammeView::of);
    }

    /** Sets the cadence and moves every pair's next check-in to match. */
    @Transactional
    public ProgrammeView setCadence(long programmeId, Cadence cadence) {
        Programme p = programmes.findById(programmeId).orElseThrow();
        p.cadenceDay = (short) cadence.day().getValue();
        p.cadenceTime = cadence.time();
        p.cadenceWeeks = (short) cadence.everyWeeks();
        programmes.saveAndFlush(p);
        events.publishEvent(new CadenceChanged(programmeId));
        return ProgrammeView.of(p);
    }

    /** A programme's value of a setting; null where the operator's configuration decides. */
    public Double setting(long programmeId, Setting setting) {
        Programme p = programmes.findById(programmeId).orElseThrow();
        return switch (setting) {
            case MEETING_REMINDER -> (double) p.meetingReminderWeeks;
            case REMINDER_AFTER -> (double) p.reminderAfterHours;
            case GRACE -> (double) p.graceHours;
            case ENDED_PAIR_RETENTION -> p.endedPairRetentionDays == null ? null : (double) p.endedPairRetentionDays;
            case RESPONSE_WATCH -> (double) p.responseWatchPercent;
            case RESPONSE_AT_RISK -> (double) p.responseAtRiskPercent;
            case LEVEL_WATCH -> p.levelWatch;
            case LEVEL_AT_RISK -> p.levelAtRisk;
            case DROP -> p.dropPoints;
            case GAP -> p.gapPoints;
            case DIGEST_DAY -> (double) p.digestDay;
            case SILENT_AFTER -> (double) p.silentAfter;
            case SILENT_TELL_AFTER -> (double) p.silentTellAfter;
        };
    }

    /**
     * Changes a setting to a value a coordinator typed ({@link Setting#parse}); returns the value now in force. A
     * watch threshold stays above its at-risk one. The schedule, reminders, health and retention read these at each
     * run, so the change applies from their next run. Throws IllegalArgumentException with a message for the person.
     */
    @Transactional
    public Double set(long programmeId, Setting setting, String typed) {
        Double value = setting.parse(typed);
        Programme p = programmes.findById(programmeId).orElseThrow();
        switch (setting) {
            case MEETING_REMINDER -> p.meetingReminderWeeks = value.shortValue();
            case REMINDER_AFTER -> p.reminderAfterHours = value.shortValue();
            case GRACE -> p.graceHours = value.shortValue();
            case ENDED_PAIR_RETENTION -> p.endedPairRetentionDays = value == null ? null : value.intValue();
            case RESPONSE_WATCH -> p.responseWatchPercent = value.shortValue();
            case RESPONSE_AT_RISK -> p.responseAtRiskPercent = value.shortValue();
            case LEVEL_WATCH -> p.levelWatch = value;
            case LEVEL_AT_RISK -> p.levelAtRisk = value;
            case DROP -> p.dropPoints = value;
            case GAP -> p.gapPoints = value;
            case DIGEST_DAY -> p.digestDay = value.shortValue();
            case SILENT_AFTER -> p.silentAfter = value.shortValue();
            case SILENT_TELL_AFTER -> p.silentTellAfter = value.shortValue();
        }
        if (p.responseAtRiskPercent >= p.responseWatchPercent) {
            throw outOfOrder(
                    setting,
                    Setting.RESPONSE_AT_RISK,
                    p.responseAtRiskPercent,
                    Setting.RESPONSE_WATCH,
                    p.responseWatchPercent);
        }
        if (p.levelAtRisk >= p.levelWatch) {
            throw outOfOrder(setting, Setting.LEVEL_AT_RISK, p.levelAtRisk, Setting.LEVEL_WATCH, p.levelWatch);
        }
        if (p.silentAfter >= p.silentTellAfter) {
            throw outOfOrder(
                    setting, Setting.SILENT_AFTER, p.silentAfter, Setting.SILENT_TELL_AFTER, p.silentTellAfter);
        }
        programmes.saveAndFlush(p);
        return value;
    }

    /** The refusal of a value that would put an at-risk threshold at or above its watch threshold. */
    private static TextException outOfOrder(
            Setting changed, Setting atRisk, double atRiskValue, Setting watch, double watchValue) {
        return changed == atRisk
                ? TextException.of(
                        "setting.error.below",
                        "setting",
                        atRisk.key(),
                        "other",
                        watch.key(),
                        "value",
                        watch.formatText(watchValue))
                : TextException.of(
                        "setting.error.above",
                        "setting",
                        watch.key(),
                        "other",
                        atRisk.key(),
                        "value",
                        atRisk.formatText(atRiskValue));
    }

    /**
     * Sets the language of the programme's people who neither chose one nor have a shipped platform locale
     * ({@link Languages#resolve}); {@code en} until set.
     *
     * @param code one of {@link Languages#codes()}, or a tag of one
     * @return the language set
     * @throws IllegalArgumentException when the code names no shipped language
     */
    @Transactional
    public Locale setDefaultLanguage(long programmeId, String code) {
        Locale language = Languages.match(code).orElseThrow(() -> Languages.unknown(code));
        jdbc.update("update programme set default_language = ? where id = ?", language.getLanguage(), programmeId);
        return language;
    }

    /** The language of the programme's people who neither chose one nor have a shipped platform locale. */
    public Locale defaultLanguage(long programmeId) {
        return Languages.resolve(
                null,
                null,
                jdbc.queryForObject("select default_language from programme where id = ?", String.class, programmeId));
    }

    /** Names a coordinator (an enrolment through a role becomes a named one). */
    @Transactional
    public void addCoordinator(long programmeId, long participantId) {
        jdbc.update("""
                insert into coordinator (programme_id, participant_id, added_at) values (?, ?, ?)
                on conflict (programme_id, participant_id) do update set via_role_id = null""", programmeId, participantId, SqlTime.of(clock.instant()));
    }

    /**
     * Enrols a current holder of the programme's role, so its at-risk alerts reach them; a named coordinator stays
     * named. Only {@code command.Authority} calls this, having just seen the person hold the role.
     */
    @Transactional
    public void enrolViaRole(long programmeId, long participantId, String roleId) {
        jdbc.update("""
                insert into coordinator (programme_id, participant_id, added_at, via_role_id) values (?, ?, ?, ?)
                on conflict (programme_id, participant_id) do update set via_role_id = excluded.via_role_id
                where coordinator.via_role_id is not null and coordinator.via_role_id <> excluded.via_role_id""", programmeId, participantId, SqlTime.of(clock.instant()), roleId);
    }

    /** Ends an enrolment through a role (the person no longer holds it); a named coordinator stays. */
    @Transactional
    public void dropViaRole(long programmeId, long participantId) {
        jdbc.update(
                "delete from coordinator where programme_id = ? and participant_id = ? and via_role_id is not null",
                programmeId,
                participantId);
    }

    @Transactional
    public void removeCoordinator(long programmeId, long participantId) {
        jdbc.update(
                "delete from coordinator where programme_id = ? and participant_id = ? and via_role_id is null",
                programmeId,
                participantId);
    }

    /** Whether the participant is a named coordinator of the programme (not one through a role). */
    public boolean isCoordinator(long programmeId, long participantId) {
        Integer n = jdbc.queryForObject(
                "select count(*) from coordinator where programme_id = ? and participant_id = ? and via_role_id is null",
                Integer.class,
                programmeId,
                participantId);
        return n != null && n > 0;
    }

    /** The named coordinators of a programme (not those through a role), first named first. */
    public List<Long> coordinatorIds(long programmeId) {
        return jdbc.queryForList(
                "select participant_id from coordinator where programme_id = ? and via_role_id is null order by added_at",
                Long.class,
                programmeId);
    }

    /**
     * The programmes a participant is a named coordinator of. Coordination through a role is decided per command
     * from the roles the person holds then ({@code command.Authority}), never from a stored enrolment.
     */
    public List<ProgrammeView> coordinatedBy(long participantId) {
        List<Long> ids = jdbc.queryForList(
                "select programme_id from coordinator where participant_id = ? and via_role_id is null order by programme_id",
                Long.class,
                participantId);
        return programmes.findAllById(ids).stream().map(ProgrammeView::of).toList();
    }

    /** Adds skip dates (inclusive range); no check-in is sent on a cadence day that falls on one. */
    @Transactional
    public int addSkipDates(long programmeId, LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw TextException.of("programme.error.skip-reversed", "from", from.toString(), "to", to.toString());
        }
        if (from.plusDays(366).isBefore(to)) {
            throw TextException.of("programme.error.skip-too-long");
        }
        int n = 0;
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            n += jdbc.update(
                    "insert into programme_skip_date (programme_id, day) values (?, ?) on conflict do nothing",
                    programmeId,
                    d);
        }
        return n;
    }

    public List<LocalDate> skipDates(long programmeId) {
        return jdbc.queryForList(
                "select day from programme_skip_date where programme_id = ? order by day",
                LocalDate.class,
                programmeId);
    }
}
