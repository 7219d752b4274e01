package dev.rapport.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.rapport.core.chat.ChatMessage;
import dev.rapport.core.chat.ChatMessage.Block;
import dev.rapport.core.chat.ChatMessage.Choice;
import dev.rapport.core.chat.Platform;
import dev.rapport.core.chat.Recipient;
import dev.rapport.core.chat.SendKey;
import dev.rapport.core.chat.SendResult;
import dev.rapport.core.participant.ProfileRefresh;
import dev.rapport.core.test.EnglishWords;
import dev.rapport.discord.LocalDiscordWorld.Person;
import dev.rapport.localdiscord.DiscordMessage;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Each person reads Rapport in their own language on Discord: a mentee whose Discord client is in Spanish (every
 * interaction of hers carries {@code locale: es-ES}) gets her messages in Spanish once she has interacted, since
 * Discord says a person's language only then; messages waiting in the outbox are rendered when they are sent, so even
 * her welcome, written before she first interacted, arrives in Spanish. Her mentor and the coordinator, whose clients
 * are in English, read English in the same programme.
 */
class DiscordLanguagesIT extends DiscordTestSupport {

    /** Sentences and words of Rapport's English texts that a Spanish reader must never see. */
    static final List<String> ENGLISH = Stream.concat(EnglishWords.SENTINELS.stream(), Stream.of("time zone"))
            .toList();

    @Autowired
    ProfileRefresh profiles;

    @Autowired
    DiscordChatPort port;

    @Test
    void a_mentee_whose_discord_is_in_spanish_reads_everything_in_spanish_and_the_others_in_english() {
        Person cora = LocalDiscordWorld.coordinator();
        Person lee = LocalDiscordWorld.member();
        Person ana = LocalDiscordWorld.member();
        discord.setLocale(ana.id(), "es-ES");
        programmeWithPair(cora, lee, ana);
        assertThat(jdbc.queryForObject(
                        "select platform_locale from participant where platform_user_id = ?",
                        String.class,
                        ana.userId()))
                .as("Discord has not said Ana's language: she has not interacted yet")
                .isNull();

        // Her first interaction tells Rapport her language.
        assertThat(say(ana, "me", Map.of())).isNotBlank();
        assertThat(jdbc.queryForObject(
                        "select platform_locale from participant where platform_user_id = ?",
                        String.class,
                        ana.userId()))
                .isEqualTo("es-ES");
        profiles.readNewProfiles(); // Discord gives no zone: both are asked for theirs
        dispatcher.drain("test");

        DiscordMessage welcome = awaitDm(ana, m -> m.content().contains("Le damos la bienvenida a Residents"));
        assertThat(text(welcome)).contains("Su mentor es " + lee.name()).contains("Quién ve qué");
        inSpanishOnly(welcome);
        DiscordMessage zone = awaitDm(ana, m -> m.content().contains("¿en qué zona horaria se encuentra?"));
        assertThat(zone.buttonLabels()).containsExactly("Elegir mi zona horaria");
        inSpanishOnly(zone);
        assertThat(text(awaitDm(lee, m -> m.content().contains("Welcome to Residents"))))
                .contains("You are mentoring " + ana.name());

        at("2026-11-30T10:00:00Z"); // Monday 10:00 in Lisbon: check-in time
        DiscordMessage checkIn = awaitDm(ana, m -> m.content().contains("es la hora del seguimiento"));
        assertThat(text(checkIn)).contains("¿Se ha reunido con " + lee.name() + " desde el último seguimiento?");
        assertThat(checkIn.buttonLabels()).contains("Sí", "No", "Añadir un comentario (opcional)");
        inSpanishOnly(checkIn);
        // The statements name their select menus: Spanish for Ana, with Spanish anchors and N/A.
        assertThat(checkIn.selectMenus()).isNotEmpty().allSatisfy(menu -> {
            assertThat(menu.placeholder()).startsWith("Desde el último seguimiento");
            assertThat(menu.labels())
                    .contains("1 – Totalmente en desacuerdo", "N/A – No aplica desde el último seguimiento");
        });
        assertThat(awaitDm(lee, m -> m.content().contains("it's check-in time")).selectMenus())
                .isNotEmpty()
                .allSatisfy(menu -> assertThat(menu.placeholder()).startsWith("Since our last check-in"));

        clock.set(Instant.parse("2026-12-02T11:00:00Z")); // past the programme's 48 h
        assertThat(reminders.remindUnansweredCheckIns()).isEqualTo(2);
        dispatcher.drain("test");
        DiscordMessage reminder =
                awaitDm(ana, m -> m.content().contains("Un pequeño recordatorio: su seguimiento sigue abierto."));
        assertThat(text(reminder)).contains("¿Se ha reunido con " + lee.name());
        inSpanishOnly(reminder);

        String yes = reminder.customIds().stream()
                .filter(id -> id.startsWith("rapport:met:") && id.endsWith(":yes"))
                .findFirst()
                .orElseThrow();
        discord.as(ana.id()).click(reminder, yes).awaitResponses(2, WAIT);
        await().atMost(WAIT)
                .until(() ->
                        discord.message(reminder.id()).orElseThrow().content().contains("✓"));
        DiscordMessage answered = discord.message(reminder.id()).orElseThrow();
        assertThat(text(answered)).contains("¿Se ha reunido con " + lee.name()).contains("Sí");
        inSpanishOnly(answered);

        // The coordinator writes in English and is answered in English, in the same programme.
        assertThat(say(cora, "health", Map.of())).contains("Residents").contains(lee.name());
    }

    @Test
    void the_adapters_own_words_in_a_message_are_in_its_recipients_language() {
        Person ana = LocalDiscordWorld.member();
        Person lee = LocalDiscordWorld.member();
        // More questions than Discord's five rows of buttons: the last ones say, in French, that theirs come later.
        List<Block> questions = IntStream.rangeClosed(1, 6)
                .mapToObj(q -> (Block) new Block.Question(
                        "Statement " + q,
                        IntStream.rangeClosed(1, 5)
                                .mapToObj(n -> new Choice(Integer.toString(n), "rapport:test:" + q + ":" + n))
                                .toList(),
                        null))
                .toList();
        assertThat(port.send(recipient(ana, Locale.FRENCH), new ChatMessage("Six", questions), SendKey.first(901)))
                .isInstanceOf(SendResult.Sent.class);
        assertThat(text(awaitDm(ana, m -> m.content().contains("Statement 6"))))
                .contains("Les boutons de cette question apparaîtront une fois les questions précédentes répondues.")
                .doesNotContain("Buttons for this one");
        // A table too long for its embed says in Spanish how many rows it left out.
        List<List<String>> rows = IntStream.range(0, 400)
                .mapToObj(i -> List.of("pair " + i, "a cell that takes some room in the table"))
                .toList();
        ChatMessage table = new ChatMessage("Tabla", List.of(new Block.Table(List.of("Pair", "Note"), rows)));
        assertThat(port.send(recipient(lee, Locale.of("es")), table, SendKey.first(902)))
                .isInstanceOf(SendResult.Sent.class);
        assertThat(text(awaitDm(lee, m -> !m.embedDescriptions().isEmpty()))).containsPattern("…y \\d+ más");
    }

    private static Recipient recipient(Person who, Locale language) {
        return new Recipient(
                Platform.DISCORD, Long.toString(LocalDiscordWorld.GUILD), who.userId(), who.name(), language);
    }

    private static void inSpanishOnly(DiscordMessage m) {
        String text = text(m) + "\n" + String.join("\n", m.buttonLabels()) + "\n"
                + String.join(
                        "\n",
                        m.selectMenus().stream()
                                .flatMap(menu -> java.util.stream.Stream.concat(
                                        java.util.stream.Stream.of(menu.placeholder()), menu.labels().stream()))
                                .toList());
        for (String english : ENGLISH) {
            assertThat(text)
                    .as("a Spanish message has no English (%s)", english)
                    .doesNotContain(english);
        }
    }
}
