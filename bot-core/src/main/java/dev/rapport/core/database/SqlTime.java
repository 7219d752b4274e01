package dev.rapport.core.database;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Binds instants to {@code timestamptz} parameters as UTC {@link OffsetDateTime}s. A {@link java.sql.Timestamp}
 * goes through the JVM's default zone on its way to the driver and came out shifted when that zone has a
 * half-hour offset (tests run in America/St_Johns on purpose); an OffsetDateTime carries its offset explicitly.
 */
public final class SqlTime {

    private SqlTime() {}

    public static OffsetDateTime of(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
