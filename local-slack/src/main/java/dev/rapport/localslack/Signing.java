package dev.rapport.localslack;

/**
 * How an HTTP delivery is signed. Slack signs every request with {@code X-Slack-Request-Timestamp} and
 * {@code X-Slack-Signature: v0=<hex HMAC-SHA256 of "v0:{timestamp}:{body}" keyed with the signing secret>}; the
 * other values forge a request an app must refuse. Socket Mode deliveries are not signed (the connection is the
 * proof), so this only matters over HTTP.
 */
public enum Signing {
    /** Signed as Slack signs, with the local Slack's clock and signing secret. */
    VALID,
    /** Signed with another secret: the signature does not match. */
    WRONG_SIGNATURE,
    /** Correctly signed, but with a timestamp six minutes old: outside the five minutes an app accepts. */
    STALE_TIMESTAMP,
    /** Neither header. */
    UNSIGNED
}
