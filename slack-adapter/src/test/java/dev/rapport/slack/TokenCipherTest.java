package dev.rapport.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TokenCipherTest {

    private final TokenCipher cipher = new TokenCipher("a-local-test-key-of-at-least-32-chars");

    @Test
    void a_token_comes_back_as_it_went_in_and_is_never_stored_in_the_clear() {
        String stored = cipher.encrypt("local-bot-token-for-T0ACME");

        assertThat(stored).startsWith("v1:").doesNotContain("local-bot-token");
        assertThat(cipher.decrypt(stored)).isEqualTo("local-bot-token-for-T0ACME");
        assertThat(cipher.encrypt("local-bot-token-for-T0ACME")).isNotEqualTo(stored);
    }

    @Test
    void the_wrong_key_is_detected_and_says_which_setting_to_check() {
        String stored = cipher.encrypt("local-bot-token-for-T0ACME");
        TokenCipher other = new TokenCipher("another-local-test-key-of-32-chars!!");

        assertThatThrownBy(() -> other.decrypt(stored))
                .hasMessageContaining("RAPPORT_SLACK_TOKEN_KEY")
                .hasMessageNotContaining(stored);
        assertThatThrownBy(() -> new TokenCipher("too short")).isInstanceOf(IllegalArgumentException.class);
    }
}
