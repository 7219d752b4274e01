package dev.rapport.core.database;

/** No PostgreSQL can be had; the message says what the operator should do. */
public class DatabaseUnavailableException extends RuntimeException {

    public DatabaseUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
