package dev.rapport.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.core.secrets.SecretField;
import dev.rapport.core.secrets.SecretUnreadableException;
import dev.rapport.core.secrets.Secrets;
import java.util.List;
import org.junit.jupiter.api.Test;

class TokenCipherTest {

    static final String KEY = "a-local-test-key-of-at-least-32-chars";

    private final TokenCipher cipher = new TokenCipher(Secrets.of(KEY, List.of()));

    @Test
    void a_token_comes_back_as_it_went_in_and_is_never_stored_in_the_clear() {
        String stored = cipher.encrypt("T0ACME", "local-bot-token-for-T0ACME");

        assertThat(stored).startsWith("rk1:").doesNotContain("local-bot-token");
        assertThat(cipher.decrypt("T0ACME", stored)).isEqualTo("local-bot-token-for-T0ACME");
        assertThat(cipher.encrypt("T0ACME", "local-bot-token-for-T0ACME")).isNotEqualTo(stored);
    }

    @Test
    void a_token_is_bound_to_its_workspace() {
        String stored = cipher.encrypt("T0ACME", "local-bot-token-for-T0ACME");

        assertThatThrownBy(() -> cipher.decrypt("T0OTHER", stored))
                .isInstanceOf(SecretUnreadableException.class)
                .hasMessageContaining("SLACK/T0OTHER")
                .hasMessageNotContaining(stored)
                .hasMessageNotContaining("local-bot-token");
        // The associated data is the installation's primary key, as the core's Secrets spell it.
        assertThat(Secrets.of(KEY, List.of())
                        .open(SecretField.BOT_TOKEN, SecretField.installationRow("SLACK", "T0ACME"), stored))
                .isEqualTo("local-bot-token-for-T0ACME");
        // Sealed for another purpose (a comment), the same key and row open nothing as a token.
        String comment = Secrets.of(KEY, List.of()).seal(SecretField.CHECK_IN_COMMENT, "SLACK/T0ACME", "x");
        assertThatThrownBy(() -> cipher.decrypt("T0ACME", comment)).isInstanceOf(SecretUnreadableException.class);
    }

    @Test
    void the_wrong_key_is_detected_and_says_which_setting_to_check() {
        String stored = cipher.encrypt("T0ACME", "local-bot-token-for-T0ACME");
        TokenCipher other = new TokenCipher(Secrets.of("another-local-test-key-of-32-chars!!", List.of()));

        assertThatThrownBy(() -> other.decrypt("T0ACME", stored))
                .isInstanceOf(SecretUnreadableException.class)
                .hasMessageContaining("RAPPORT_SECRET_KEY")
                .hasMessageNotContaining(stored);
        TokenCipher rotated = new TokenCipher(Secrets.of("another-local-test-key-of-32-chars!!", List.of(KEY)));
        assertThat(rotated.decrypt("T0ACME", stored))
                .as("after a rotation the previous key still opens it")
                .isEqualTo("local-bot-token-for-T0ACME");
    }
}
