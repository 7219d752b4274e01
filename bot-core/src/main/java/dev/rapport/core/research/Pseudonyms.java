package dev.rapport.core.research;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Pseudonymous ids for one research export: HMAC-SHA256 of the internal id under a random 256-bit key made for this
 * export and never stored, cut to 64 bits and written in hex ({@code person-9f2c…}, {@code pair-41d0…}). Within one
 * export a person or pair always gets the same id, so answers can be followed over time; two exports have different
 * keys, so their ids cannot be joined, and nobody (Rapport included) can map an id back. Not thread-safe: one export,
 * one instance.
 */
final class Pseudonyms {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int KEY_BYTES = 32;
    private static final int ID_BYTES = 8;

    private final Mac mac;

    /** Pseudonyms under {@code key}; tests pass a known one, exports a {@link #fresh()} one. */
    Pseudonyms(byte[] key) {
        try {
            mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /** Pseudonyms under a new random key, which lives only in this object. */
    static Pseudonyms fresh() {
        byte[] key = new byte[KEY_BYTES];
        RANDOM.nextBytes(key);
        Pseudonyms pseudonyms = new Pseudonyms(key);
        Arrays.fill(key, (byte) 0);
        return pseudonyms;
    }

    String person(long participantId) {
        return "person-" + digest("person:" + participantId);
    }

    String pair(long pairId) {
        return "pair-" + digest("pair:" + pairId);
    }

    private String digest(String what) {
        byte[] full = mac.doFinal(what.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(full, 0, ID_BYTES);
    }
}
