package dev.rapport.core.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class SecretsTest {

    static final String KEY = "first-secret-key-with-at-least-32-chars";
    static final String OTHER = "second-secret-key-with-at-least-32-chars";
    static final String TEXT = "We did not meet: she cancelled twice";

    final Secrets secrets = Secrets.of(KEY, List.of());

    @Test
    void a_sealed_value_opens_to_what_was_written_and_shows_nothing_of_it() {
        String sealed = secrets.seal(SecretField.CHECK_IN_COMMENT, 7L, TEXT);
        assertThat(sealed).startsWith("rk1:" + secrets.currentKeyId() + ":").doesNotContain("cancelled");
        assertThat(secrets.open(SecretField.CHECK_IN_COMMENT, 7L, sealed)).isEqualTo(TEXT);
        assertThat(secrets.open(SecretField.CHECK_IN_COMMENT, "7", sealed))
                .as("the row id is compared as text")
                .isEqualTo(TEXT);
        assertThat(secrets.seal(SecretField.MEETING_NOTE, 1L, null)).isNull();
        assertThat(secrets.open(SecretField.MEETING_NOTE, 1L, null)).isNull();
        assertThat(secrets.open(SecretField.MEETING_NOTE, 1L, secrets.seal(SecretField.MEETING_NOTE, 1L, "")))
                .isEmpty();
    }

    @Test
    void each_record_gets_a_fresh_nonce() {
        String a = secrets.seal(SecretField.CHECK_IN_COMMENT, 7L, TEXT);
        String b = secrets.seal(SecretField.CHECK_IN_COMMENT, 7L, TEXT);
        assertThat(a).isNotEqualTo(b);
        assertThat(java.util.Arrays.copyOfRange(body(a), 0, 12))
                .isNotEqualTo(java.util.Arrays.copyOfRange(body(b), 0, 12));
    }

    @Test
    void a_changed_byte_anywhere_is_detected() {
        String sealed = secrets.seal(SecretField.CHECK_IN_COMMENT, 7L, TEXT);
        byte[] body = body(sealed);
        for (int i = 0; i < body.length; i++) {
            byte[] tampered = body.clone();
            tampered[i] ^= 0x01;
            String stored =
                    "rk1:" + secrets.currentKeyId() + ":" + Base64.getEncoder().encodeToString(tampered);
            assertThatThrownBy(() -> secrets.open(SecretField.CHECK_IN_COMMENT, 7L, stored))
                    .as("byte %d changed", i)
                    .isInstanceOf(SecretUnreadableException.class)
                    .hasMessageContaining("altered");
        }
        String truncated = sealed.substring(0, sealed.length() - 8);
        assertThatThrownBy(() -> secrets.open(SecretField.CHECK_IN_COMMENT, 7L, truncated))
                .isInstanceOf(SecretUnreadableException.class);
    }

    @Test
    void a_value_opens_only_in_its_own_row_column_and_purpose() {
        String sealed = secrets.seal(SecretField.CHECK_IN_COMMENT, 7L, TEXT);
        assertThatThrownBy(() -> secrets.open(SecretField.CHECK_IN_COMMENT, 8L, sealed))
                .isInstanceOf(SecretUnreadableException.class)
                .hasMessageContaining("check_in.comment of row 8")
                .hasMessageNotContaining(TEXT);
        assertThatThrownBy(() -> secrets.open(SecretField.MEETING_NOTE, 7L, sealed))
                .isInstanceOf(SecretUnreadableException.class);
        String token =
                secrets.seal(SecretField.BOT_TOKEN, SecretField.installationRow("SLACK", "T1"), "local-bot-token-1");
        assertThatThrownBy(() -> secrets.open(SecretField.BOT_TOKEN, SecretField.installationRow("SLACK", "T2"), token))
                .isInstanceOf(SecretUnreadableException.class);
    }

    @Test
    void each_purpose_has_its_own_key_and_none_is_a_bare_hash_of_the_secret() throws Exception {
        DerivedKey k = DerivedKey.of(KEY, "test");
        byte[] comments = k.key(SecretField.Purpose.COMMENTS).getEncoded();
        byte[] notes = k.key(SecretField.Purpose.MEETING_NOTES).getEncoded();
        byte[] tokens = k.key(SecretField.Purpose.SLACK_TOKENS).getEncoded();
        assertThat(comments).hasSize(32).isNotEqualTo(notes).isNotEqualTo(tokens);
        assertThat(notes).isNotEqualTo(tokens);
        byte[] sha256 = java.security.MessageDigest.getInstance("SHA-256")
                .digest(KEY.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(List.of(comments, notes, tokens)).noneMatch(key -> java.util.Arrays.equals(key, sha256));
        assertThat(DerivedKey.of(" " + KEY + "\n", "test").id())
                .as("white space around a configured secret is not part of it")
                .isEqualTo(k.id());
    }

    @Test
    void another_key_opens_nothing_and_says_which_key_the_value_needs() {
        String sealed = secrets.seal(SecretField.CHECK_IN_COMMENT, 7L, TEXT);
        Secrets other = Secrets.of(OTHER, List.of());
        assertThat(other.currentKeyId()).isNotEqualTo(secrets.currentKeyId());
        assertThatThrownBy(() -> other.open(SecretField.CHECK_IN_COMMENT, 7L, sealed))
                .isInstanceOf(SecretUnreadableException.class)
                .hasMessageContaining("key id " + secrets.currentKeyId())
                .hasMessageContaining("RAPPORT_SECRET_KEY_PREVIOUS");
        // A forged header naming the other key's id does not help: the tag is checked under that key.
        String forged = sealed.replace(secrets.currentKeyId(), other.currentKeyId());
        assertThatThrownBy(() -> other.open(SecretField.CHECK_IN_COMMENT, 7L, forged))
                .isInstanceOf(SecretUnreadableException.class)
                .hasMessageContaining("altered");
    }

    @Test
    void after_a_rotation_old_values_open_and_new_ones_are_sealed_under_the_new_key() {
        String old = secrets.seal(SecretField.MEETING_NOTE, 3L, TEXT);
        Secrets rotated = Secrets.of(OTHER, List.of(KEY));
        assertThat(rotated.open(SecretField.MEETING_NOTE, 3L, old)).isEqualTo(TEXT);
        assertThat(rotated.isCurrent(old)).isFalse();
        assertThat(rotated.hasPreviousKeys()).isTrue();
        String fresh = rotated.seal(SecretField.MEETING_NOTE, 3L, TEXT);
        assertThat(rotated.isCurrent(fresh)).isTrue();
        assertThat(fresh).startsWith("rk1:" + Secrets.of(OTHER, List.of()).currentKeyId() + ":");
        assertThatThrownBy(() -> secrets.open(SecretField.MEETING_NOTE, 3L, fresh))
                .as("the old key alone does not open what the new one sealed")
                .isInstanceOf(SecretUnreadableException.class);
    }

    @Test
    void plaintext_and_short_keys_are_refused() {
        assertThatThrownBy(() -> secrets.open(SecretField.CHECK_IN_COMMENT, 7L, TEXT))
                .isInstanceOf(SecretUnreadableException.class)
                .hasMessageContaining("not sealed")
                .hasMessageNotContaining(TEXT);
        assertThat(Secrets.isSealed(TEXT)).isFalse();
        assertThatThrownBy(() -> Secrets.of("too short", List.of()))
                .isInstanceOf(SecretKeyMissingException.class)
                .hasMessageContaining("RAPPORT_SECRET_KEY")
                .hasMessageNotContaining("too short");
        assertThatThrownBy(() -> Secrets.of(KEY, List.of("short")))
                .isInstanceOf(SecretKeyMissingException.class)
                .hasMessageContaining("RAPPORT_SECRET_KEY_PREVIOUS");
        assertThat(secrets.toString()).doesNotContain(KEY);
    }

    @Test
    void ephemeral_secrets_seal_and_open_within_the_process() {
        Secrets a = Secrets.ephemeral();
        String sealed = a.seal(SecretField.CHECK_IN_COMMENT, 1L, TEXT);
        assertThat(a.open(SecretField.CHECK_IN_COMMENT, 1L, sealed)).isEqualTo(TEXT);
        assertThatThrownBy(() -> Secrets.ephemeral().open(SecretField.CHECK_IN_COMMENT, 1L, sealed))
                .isInstanceOf(SecretUnreadableException.class);
    }

    private static byte[] body(String sealed) {
        return Base64.getDecoder().decode(sealed.substring(sealed.lastIndexOf(':') + 1));
    }
}
