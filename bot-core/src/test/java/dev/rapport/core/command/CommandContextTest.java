package dev.rapport.core.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.rapport.core.chat.ChatUser;
import dev.rapport.core.chat.Platform;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The parts of {@link CommandContext} that read the command's own words: no lookups, so no database. The lookups that
 * enforce who may see what are proven on PostgreSQL by {@code AuthorityIT} and {@code AuthorizationMatrixIT}.
 */
class CommandContextTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-05T23:30:00Z"), ZoneOffset.UTC);

    private static final Subcommand SNOOZE =
            new Subcommand(Definition.of("snooze", Audience.COORDINATOR)
                    .withParameters(
                            Parameter.required("pair", Parameter.Kind.PAIR),
                            Parameter.optional("days", Parameter.Kind.NUMBER))) {
                @Override
                public Reply run(CommandContext context) {
                    return Reply.privately("ran");
                }
            };

    private static CommandContext context(Platform platform, String... words) {
        return context(Locale.ENGLISH, platform, words);
    }

    private static CommandContext context(Locale locale, Platform platform, String... words) {
        ChatUser ana = ChatUser.of(platform, "T1", "U1", "Ana");
        return new CommandContext(
                new CommandRequest(ana, String.join(" ", words)),
                SNOOZE,
                List.of(words),
                null,
                null,
                null,
                null,
                CLOCK,
                locale);
    }

    @Test
    void the_programme_option_is_taken_out_of_the_arguments_wherever_it_is() {
        CommandContext ctx = context(Platform.SLACK, "programme=Year 2", "#12", "PROGRAM=ignored-second", "30");
        assertThat(ctx.args()).containsExactly("#12", "30");
    }

    @Test
    void a_missing_argument_explains_the_usage_as_the_platform_writes_it() {
        assertThatThrownBy(() -> context(Platform.SLACK).arg(0))
                .hasMessage("Usage: `/rapport snooze <#pair | @person> [days]`");
        assertThatThrownBy(() -> context(Platform.DISCORD).arg(0))
                .hasMessage("Usage: `/rapport programme snooze <#pair | @person> [days]`");
        assertThat(context(Platform.SLACK, "#3").arg(0)).isEqualTo("#3");
    }

    @Test
    void confirm_and_the_rest_of_the_line() {
        CommandContext ctx = context(Platform.SLACK, "<@U2>", "CONFIRM", "met", "at", "noon");
        assertThat(ctx.confirmed(1)).isTrue();
        assertThat(ctx.confirmed(0)).isFalse();
        assertThat(ctx.confirmed(9)).isFalse();
        assertThat(ctx.rest(2)).isEqualTo("met at noon");
        assertThat(ctx.rest(9)).isEmpty();
    }

    @Test
    void a_person_is_read_from_a_mention_only() {
        CommandContext ctx = context(Platform.SLACK);
        assertThat(ctx.user("<@U2|Ben Okafor>")).isEqualTo(ChatUser.of(Platform.SLACK, "T1", "U2", "Ben Okafor"));
        assertThat(ctx.isMention("<@U2>")).isTrue();
        assertThatThrownBy(() -> ctx.user("ben"))
                .isInstanceOf(CommandException.class)
                .hasMessageContaining("I expected a person")
                .hasMessageContaining("/rapport snooze");
    }

    @Test
    void dates_are_read_in_the_persons_zone() {
        CommandContext ctx = context(Platform.SLACK);
        ZoneId lisbon = ZoneId.of("Europe/Lisbon");
        ZoneId tokyo = ZoneId.of("Asia/Tokyo");
        assertThat(ctx.date("today", lisbon)).isEqualTo(LocalDate.parse("2026-12-05"));
        assertThat(ctx.date("TODAY", tokyo)).as("already the 6th in Tokyo").isEqualTo(LocalDate.parse("2026-12-06"));
        assertThat(ctx.date("yesterday", lisbon)).isEqualTo(LocalDate.parse("2026-12-04"));
        assertThat(ctx.date("2027-01-31", lisbon)).isEqualTo(LocalDate.parse("2027-01-31"));
        assertThatThrownBy(() -> ctx.date("31/01/2027", lisbon))
                .isInstanceOf(CommandException.class)
                .hasMessageContaining("YYYY-MM-DD");
        assertThat(ctx.looksLikeDate("2027-01-31")).isTrue();
        assertThat(ctx.looksLikeDate("Yesterday")).isTrue();
        assertThat(ctx.looksLikeDate("soon")).isFalse();
    }

    @Test
    void a_zone_is_an_iana_name_with_a_hint_otherwise() {
        assertThat(CommandContext.zone("Europe/Lisbon")).isEqualTo(ZoneId.of("Europe/Lisbon"));
        assertThatThrownBy(() -> CommandContext.zone("Lisbon")).isInstanceOf(CommandException.class);
    }

    @Test
    void errors_are_written_in_the_language_of_the_person_running_the_command() {
        CommandContext french = context(Locale.of("fr"), Platform.DISCORD);
        assertThat(french.locale()).isEqualTo(Locale.of("fr"));
        assertThat(french.usageError().in(french.locale()))
                .isEqualTo("Utilisation : `/rapport programme snooze <#binôme | @personne> [days]`");
        assertThat(french.usageError().getMessage())
                .as("the English message, for logs")
                .startsWith("Usage: `/rapport programme snooze");
        CommandException date = catchThrowableOfType(
                CommandException.class, () -> french.date("31/01/2027", ZoneId.of("Europe/Paris")));
        assertThat(date.in(Locale.of("fr"))).contains("« 31/01/2027 »").contains("AAAA-MM-JJ");
        CommandException zone = catchThrowableOfType(CommandException.class, () -> CommandContext.zone("Lisbon"));
        assertThat(zone.in(Locale.of("es"))).startsWith("«Lisbon» no es una zona horaria");
    }
}
