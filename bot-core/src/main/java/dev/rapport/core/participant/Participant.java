package dev.rapport.core.participant;

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
import java.time.LocalDate;
import java.time.LocalTime;

@Entity
@Table(name = "participant")
class Participant {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Enumerated(EnumType.STRING)
    Platform platform;

    @Column(name = "workspace_id")
    String workspaceId;

    @Column(name = "platform_user_id")
    String platformUserId;

    @Column(name = "display_name")
    String displayName;

    @Column(name = "time_zone")
    String timeZone;

    @Column(name = "quiet_start")
    LocalTime quietStart;

    @Column(name = "quiet_end")
    LocalTime quietEnd;

    @Column(name = "paused_until")
    LocalDate pausedUntil;

    @Column(name = "left_at")
    Instant leftAt;

    @Column(name = "created_at")
    Instant createdAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "time_zone_source")
    TimeZoneSource timeZoneSource = TimeZoneSource.DEFAULT;

    @Column(name = "profile_checked_at")
    Instant profileCheckedAt;

    @Column(name = "unreachable_since")
    Instant unreachableSince;

    protected Participant() {}

    Participant(
            Platform platform,
            String workspaceId,
            String platformUserId,
            String displayName,
            String timeZone,
            Instant createdAt) {
        this.platform = platform;
        this.workspaceId = workspaceId;
        this.platformUserId = platformUserId;
        this.displayName = displayName;
        this.timeZone = timeZone;
        this.createdAt = createdAt;
    }
}
