package dev.rapport.core.pair;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

@Entity
@Table(name = "pair")
class Pair {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "programme_id")
    long programmeId;

    @Column(name = "mentor_id")
    long mentorId;

    @Column(name = "mentee_id")
    long menteeId;

    @Column(name = "started_on")
    LocalDate startedOn;

    @Column(name = "ended_on")
    LocalDate endedOn;

    String status = "ACTIVE";

    @Column(name = "paused_until")
    LocalDate pausedUntil;

    @Column(name = "created_at")
    Instant createdAt;

    protected Pair() {}

    Pair(long programmeId, long mentorId, long menteeId, LocalDate startedOn, Instant createdAt) {
        this.programmeId = programmeId;
        this.mentorId = mentorId;
        this.menteeId = menteeId;
        this.startedOn = startedOn;
        this.createdAt = createdAt;
    }
}
