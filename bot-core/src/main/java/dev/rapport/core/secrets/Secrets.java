package dev.rapport.core.secrets;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Seals and opens the values of {@link SecretField}s: AES-256-GCM, a fresh random 96-bit nonce per record, and the
 * record's place as associated data. The one place that turns what is stored into what was written, and back.
 *
 * <p>Stored form: {@code rk1:<key id>:<base64(nonce || ciphertext || 128-bit tag)>}. The associated data is
 * {@code rk1:<key id>:<table>.<column>:<row id>}, so a value opens only in the row and column it was sealed for, and only
 * under the key its header names. New values are sealed under the current key; values sealed under a previous key
 * (during a rotation) still open.
 */
public final class Secrets {

    /**
     * Set (to {@code true}) by the sandbox when its data live in a database of their own, emptied at every start: with
     * no {@code RAPPORT_SECRET_KEY}, a random key then lives as long as the process. Not a setting.
     */
    public static final String EPHEMERAL_KEY_PROPERTY = "rapport.secrets.ephemeral";

    static final String FORMAT = "rk1";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final DerivedKey current;
    private final Map<String, DerivedKey> byId = new LinkedHashMap<>();

    Secrets(DerivedKey current, List<DerivedKey> previous) {
        this.current = Objects.requireNonNull(current, "current");
        byId.put(current.id(), current);
        for (DerivedKey k : previous) {
            byId.putIfAbsent(k.id(), k); // the same secret twice (or as current and previous) is one key
        }
    }

    /**
     * Secrets under {@code currentSecret}, opening also what was sealed under any of {@code previousSecrets}.
     *
     * @throws SecretKeyMissingException if a secret has fewer than 32 characters
     */
    public static Secrets of(String currentSecret, List<String> previousSecrets) {
        List<DerivedKey> previous = new ArrayList<>();
        for (String p : previousSecrets) {
            previous.add(DerivedKey.of(p, "A key of RAPPORT_SECRET_KEY_PREVIOUS"));
        }
        return new Secrets(DerivedKey.of(currentSecret, "RAPPORT_SECRET_KEY"), previous);
    }

    /** Secrets under a random key that lives as long as this object: for data that does not outlive the process. */
    public static Secrets ephemeral() {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return new Secrets(DerivedKey.ofBytes(secret), List.of());
    }

    /** Seals {@code text} for {@code field} of the row {@code rowId}; {@code null} stays {@code null}. */
    public String seal(SecretField field, Object rowId, String text) {
        if (text == null) {
            return null;
        }
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, current.key(field.purpose()), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData(current.id(), field, rowId));
            byte[] sealed = cipher.doFinal(text.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[NONCE_BYTES + sealed.length];
            System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
            System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
            return FORMAT + ":" + current.id() + ":" + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not seal a value of " + describe(field, rowId), e);
        }
    }

    /**
     * What was sealed for {@code field} of the row {@code rowId}; {@code null} stays {@code null}.
     *
     * @throws SecretUnreadableException if it is not a sealed value, was sealed under a key not configured here, was
     *     altered, or was sealed for another row or column
     */
    public String open(SecretField field, Object rowId, String stored) {
        if (stored == null) {
            return null;
        }
        Header h = Header.parse(stored)
                .orElseThrow(() -> new SecretUnreadableException(
                        "the value of " + describe(field, rowId) + " is not sealed in a form Rapport writes"));
        DerivedKey key = byId.get(h.keyId());
        if (key == null) {
            throw new SecretUnreadableException("the value of " + describe(field, rowId) + " was sealed under key id "
                    + h.keyId() + ", which is neither RAPPORT_SECRET_KEY (key id " + current.id()
                    + ") nor one of RAPPORT_SECRET_KEY_PREVIOUS");
        }
        try {
            byte[] all = Base64.getDecoder().decode(h.body());
            if (all.length < NONCE_BYTES + TAG_BITS / 8) {
                throw new SecretUnreadableException("the value of " + describe(field, rowId) + " is truncated");
            }
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(
                    Cipher.DECRYPT_MODE, key.key(field.purpose()), new GCMParameterSpec(TAG_BITS, all, 0, NONCE_BYTES));
            cipher.updateAAD(associatedData(key.id(), field, rowId));
            byte[] plain = cipher.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new SecretUnreadableException(
                    "the value of " + describe(field, rowId) + " does not open under key id " + key.id()
                            + ": it was altered, or sealed for another row or column");
        } catch (IllegalArgumentException e) {
            throw new SecretUnreadableException("the value of " + describe(field, rowId) + " is not valid base64");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not open a value of " + describe(field, rowId), e);
        }
    }

    /** Whether {@code stored} is sealed under the current key (else a rotation has yet to seal it again). */
    public boolean isCurrent(String stored) {
        return stored != null
                && Header.parse(stored).map(h -> h.keyId().equals(current.id())).orElse(false);
    }

    /** Whether {@code stored} has the form of a sealed value (says nothing of whether it opens). */
    public static boolean isSealed(String stored) {
        return stored != null && Header.parse(stored).isPresent();
    }

    /** What every value sealed under the current key starts with. */
    String currentPrefix() {
        return FORMAT + ":" + current.id() + ":";
    }

    /** The id of the key new values are sealed under (8 hex digits, not secret). */
    public String currentKeyId() {
        return current.id();
    }

    /** Whether keys other than the current one are configured (a rotation is under way). */
    public boolean hasPreviousKeys() {
        return byId.size() > 1;
    }

    private static byte[] associatedData(String keyId, SecretField field, Object rowId) {
        return (FORMAT + ":" + keyId + ":" + field.table() + "." + field.column() + ":" + Objects.requireNonNull(rowId))
                .getBytes(StandardCharsets.UTF_8);
    }

    private static String describe(SecretField field, Object rowId) {
        return field.table() + "." + field.column() + " of row " + rowId;
    }

    /** Never prints a key: only their ids. */
    @Override
    public String toString() {
        return "Secrets[current key " + current.id() + ", keys " + byId.keySet() + "]";
    }

    private record Header(String keyId, String body) {
        static Optional<Header> parse(String stored) {
            // rk1:xxxxxxxx:base64
            if (stored.length() < FORMAT.length() + 10
                    || !stored.startsWith(FORMAT + ":")
                    || stored.charAt(FORMAT.length() + 9) != ':') {
                return Optional.empty();
            }
            String id = stored.substring(FORMAT.length() + 1, FORMAT.length() + 9);
            for (int i = 0; i < id.length(); i++) {
                if (Character.digit(id.charAt(i), 16) < 0) {
                    return Optional.empty();
                }
            }
            return Optional.of(new Header(id, stored.substring(FORMAT.length() + 10)));
        }
    }
}
