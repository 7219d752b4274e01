package dev.rapport.core.programme;

import dev.rapport.core.chat.Platform;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalTime;

@Entity
@Table(name = "programme")
class Programme {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Enumerated(EnumType.STRING)
    Platform platform;

    @Column(name = "workspace_id")
    String workspaceId;

    String name;

    @Column(name = "time_zone")
    String timeZone;

    @Column(name = "cadence_day")
    short cadenceDay = 1;

    @Column(name = "cadence_time")
    LocalTime cadenceTime = LocalTime.of(10, 0);

    @Column(name = "cadence_weeks")
    short cadenceWeeks = 1;

    @Column(name = "meeting_reminder_weeks")
    short meetingReminderWeeks = 3;

    @Column(name = "reminder_after_hours")
    short reminderAfterHours = 48;

    @Column(name = "grace_hours")
    short graceHours = 12;

    /** Days an ended pair's data is kept; null follows the operator's {@code rapport.retention.ended-pairs}. */
    @Column(name = "ended_pair_retention_days")
    Integer endedPairRetentionDays;

    @Column(name = "response_watch_percent")
    short responseWatchPercent = 75;

    @Column(name = "response_at_risk_percent")
    short responseAtRiskPercent = 50;

    @Column(name = "level_watch")
    double levelWatch = 3.0;

    @Column(name = "level_at_risk")
    double levelAtRisk = 2.0;

    @Column(name = "drop_points")
    double dropPoints = 1.5;

    @Column(name = "gap_points")
    double gapPoints = 2.0;

    /** The ISO day of week (1 = Monday) of the weekly digest to coordinators. */
    @Column(name = "digest_day")
    short digestDay = 1;

    @Column(name = "silent_after")
    short silentAfter = 3;

    @Column(name = "silent_tell_after")
    short silentTellAfter = 5;

    @Column(name = "created_at")
    Instant createdAt;

    /** The platform role whose current holders coordinate the programme (Discord), or null. */
    @Column(name = "coordinator_role_id")
    String coordinatorRoleId;

    protected Programme() {}

    Programme(Platform platform, String workspaceId, String name, String timeZone, Instant createdAt) {
        this.platform = platform;
        this.workspaceId = workspaceId;
        this.name = name;
        this.timeZone = timeZone;
        this.createdAt = createdAt;
    }
}
