package dev.rapport.core.outbox;

/** What an outbox row is. Check-in kinds are rendered from their check-in when sent; the rest carry their text. */
public enum OutboxKind {
    CHECK_IN,
    CHECK_IN_REMINDER,
    MEETING_REMINDER,
    WELCOME,
    ALERT,
    NOTICE,
    /** Asks someone whose platform gives no time zone (Discord) for theirs, once. */
    TIME_ZONE_QUESTION,
    /** A coordinator's weekly digest of a programme, with buttons to open or snooze its pairs. */
    DIGEST;

    public boolean rendersCheckIn() {
        return this == CHECK_IN || this == CHECK_IN_REMINDER;
    }
}
