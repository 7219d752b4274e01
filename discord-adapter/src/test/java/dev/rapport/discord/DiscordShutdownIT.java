package dev.rapport.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.rapport.core.chat.ChatMessage;
import dev.rapport.core.chat.Platform;
import dev.rapport.core.chat.Recipient;
import dev.rapport.core.chat.SendKey;
import dev.rapport.core.chat.SendResult;
import dev.rapport.core.test.FreshDatabase;
import dev.rapport.localdiscord.Interaction;
import dev.rapport.localdiscord.LocalDiscord;
import java.time.Duration;
import java.util.Map;
import net.dv8tion.jda.api.JDA;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;

/**
 * Stopping the application finishes the interactions already acknowledged, answers included, before JDA goes; and it
 * can start again, as Spring does with a cached test context it paused.
 */
@SpringBootTest(
        classes = DiscordTestApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {"rapport.schedule.enabled=false", "spring.quartz.auto-startup=false"})
@ContextConfiguration(initializers = {FreshDatabase.class, DiscordShutdownIT.World.class})
@DirtiesContext
class DiscordShutdownIT {

    /** The usual world, in a context of its own: this test stops its bot. */
    public static class World extends LocalDiscordWorld {}

    @Autowired
    LocalDiscord discord;

    @Autowired
    DiscordConnection connection;

    @Autowired
    DiscordChatPort port;

    @Test
    void a_command_acknowledged_before_the_stop_still_gets_its_reply_and_the_bot_answers_again_after_a_restart() {
        await().atMost(Duration.ofSeconds(30)).until(() -> connection.status() == DiscordConnection.Status.CONNECTED);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> discord.commandNames(0).contains("rapport"));
        var shards = connection.shardManager().getShards();
        // A DM before the stop: its channel is cached, and belongs to the JDA that opened it.
        assertThat(dm("before the stop", 1)).isInstanceOf(SendResult.Sent.class);
        // A slow Discord: the deferral and the reply each take a second and a half to be answered.
        discord.delayResponses(Duration.ofMillis(1500));
        Interaction help =
                discord.as(LocalDiscordWorld.GUILD, LocalDiscordWorld.ADMIN).slashCommand("rapport", "help", Map.of());
        help.awaitResponse();

        connection.stop();

        assertThat(help.originalMessage()).get().satisfies(m -> {
            assertThat(m.loading()).isFalse();
            assertThat(m.content()).contains("/rapport");
        });
        assertThat(shards).allSatisfy(j -> assertThat(j.getStatus()).isEqualTo(JDA.Status.SHUTDOWN));
        assertThat(connection.status()).isEqualTo(DiscordConnection.Status.STOPPED);
        assertThat(discord.connectedShards()).isEmpty();
        discord.delayResponses(Duration.ZERO);

        connection.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> connection.status() == DiscordConnection.Status.CONNECTED);
        Interaction again =
                discord.as(LocalDiscordWorld.GUILD, LocalDiscordWorld.ADMIN).slashCommand("rapport", "help", Map.of());
        again.awaitResponse();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> again.originalMessage()
                        .map(m -> !m.loading() && m.content().contains("/rapport"))
                        .orElse(false));
        assertThat(dm("after the restart", 2))
                .as("the channel cached before the stop is opened again by the new JDA")
                .isInstanceOf(SendResult.Sent.class);
        assertThat(discord.messagesTo(LocalDiscordWorld.ADMIN))
                .filteredOn(m -> m.interactionId() == 0)
                .extracting(m -> m.content())
                .containsExactly("before the stop", "after the restart");
    }

    private SendResult dm(String text, long outboxId) {
        return port.send(
                new Recipient(
                        Platform.DISCORD,
                        Long.toString(LocalDiscordWorld.GUILD),
                        Long.toString(LocalDiscordWorld.ADMIN),
                        "Admin"),
                ChatMessage.text(text),
                SendKey.first(outboxId));
    }
}
