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

    String note;

    @Column(name = "logged_by")
    long loggedBy;

    @Column(name = "created_at")
    Instant createdAt;

    protected Meeting() {}

    Meeting(long pairId, LocalDate heldOn, String note, long loggedBy, Instant createdAt) {
        this.pairId = pairId;
        this.heldOn = heldOn;
        this.note = note;
        this.loggedBy = loggedBy;
        this.createdAt = createdAt;
    }
}
