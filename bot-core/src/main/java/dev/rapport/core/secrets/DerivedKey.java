package dev.rapport.core.secrets;

import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;

/**
 * The keys one configured secret gives: an AES-256 key per purpose and a public key id, each from HKDF-SHA256 (RFC 5869)
 * with the secret as input keying material, a fixed salt and a distinct {@code info}. HKDF's outputs for different
 * {@code info} are independent, so the id (stored with every record) says nothing about the keys.
 */
final class DerivedKey {

    /** The least a secret may have: 32 characters (e.g. {@code openssl rand -base64 32} gives 44). */
    static final int MIN_SECRET_LENGTH = 32;

    private static final byte[] SALT = "dev.rapport secrets at rest".getBytes(StandardCharsets.US_ASCII);
    private static final String ID_INFO = "rapport/key-id";

    private final String id;
    private final Map<SecretField.Purpose, SecretKeySpec> keys = new EnumMap<>(SecretField.Purpose.class);

    private DerivedKey(byte[] secret) {
        this.id = HexFormat.of().formatHex(hkdf(secret, ID_INFO, 4));
        for (SecretField.Purpose p : SecretField.Purpose.values()) {
            keys.put(p, new SecretKeySpec(hkdf(secret, p.info(), 32), "AES"));
        }
    }

    /**
     * The keys of a configured secret (surrounding white space, such as a file's last newline, is not part of it).
     *
     * @param name the setting it came from, for the message when it is too short
     */
    static DerivedKey of(String secret, String name) {
        String s = secret == null ? "" : secret.strip();
        if (s.length() < MIN_SECRET_LENGTH) {
            throw new SecretKeyMissingException(name + " has " + s.length() + " characters; it needs at least "
                    + MIN_SECRET_LENGTH + " (for example the output of: openssl rand -base64 32).");
        }
        return new DerivedKey(s.getBytes(StandardCharsets.UTF_8));
    }

    static DerivedKey ofBytes(byte[] secret) {
        return new DerivedKey(secret.clone());
    }

    private static byte[] hkdf(byte[] ikm, String info, int length) {
        HKDFBytesGenerator hkdf = new HKDFBytesGenerator(SHA256Digest.newInstance());
        hkdf.init(new HKDFParameters(ikm, SALT, info.getBytes(StandardCharsets.US_ASCII)));
        byte[] out = new byte[length];
        hkdf.generateBytes(out, 0, length);
        return out;
    }

    /** 8 hex digits naming this key in stored records; not secret. */
    String id() {
        return id;
    }

    SecretKeySpec key(SecretField.Purpose purpose) {
        return keys.get(purpose);
    }

    @Override
    public String toString() {
        return "key " + id;
    }
}
