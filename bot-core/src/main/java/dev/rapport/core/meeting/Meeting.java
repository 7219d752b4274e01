package dev.rapport.core.meeting;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

@Entity
@Table(name = "meeting")
class Meeting {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "pair_id")
    long pairId;

    @Column(name = "held_on")
    LocalDate heldOn;

    /** Sealed ({@code dev.rapport.core.secrets}); {@link MeetingService} opens it. */
    String note;

    @Column(name = "logged_by")
    long loggedBy;

    @Column(name = "created_at")
    Instant createdAt;

    /** Read only: {@link MeetingService} writes meetings with their sealed note. */
    protected Meeting() {}
}
