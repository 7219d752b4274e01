package dev.rapport.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.rapport.core.participant.ProfileRefresh;
import dev.rapport.discord.LocalDiscordWorld.Person;
import dev.rapport.localdiscord.DiscordMessage;
import dev.rapport.localdiscord.Endpoint;
import dev.rapport.localdiscord.Interaction;
import dev.rapport.localdiscord.InteractionResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Discord never tells anyone's time zone: people Rapport has just met are looked up (for their name), then asked for
 * their zone in a DM whose button opens a one-field modal.
 */
class DiscordOnboardingIT extends DiscordTestSupport {

    @Autowired
    ProfileRefresh profiles;

    Person cora;
    Person lee;
    Person ana;

    @BeforeEach
    void aNewPair() {
        cora = LocalDiscordWorld.coordinator();
        lee = LocalDiscordWorld.member();
        ana = LocalDiscordWorld.member();
        programmeWithPair(cora, lee, ana);
    }

    private DiscordMessage question(Person who) {
        profiles.readNewProfiles();
        dispatcher.drain("test");
        return awaitDm(who, m -> m.customIds().contains("rapport:timezone"));
    }

    @Test
    void a_new_participant_is_looked_up_by_name_and_asked_for_their_zone_in_a_dm() {
        long memberLookups = discord.callsTo(Endpoint.GET_GUILD_MEMBER);

        DiscordMessage asked = question(ana);

        assertThat(discord.callsTo(Endpoint.GET_GUILD_MEMBER)).isGreaterThan(memberLookups);
        assertThat(asked.content()).contains("which time zone are you in?").contains("Europe/Lisbon");
        assertThat(asked.buttonLabels()).containsExactly("Set my time zone");
        assertThat(jdbc.queryForObject(
                        "select profile_checked_at is not null from participant where platform_user_id = ?",
                        Boolean.class,
                        ana.userId()))
                .isTrue();
    }

    @Test
    void the_button_opens_a_modal_and_the_zone_typed_there_is_saved_and_shown_on_the_message() {
        DiscordMessage asked = question(ana);

        Interaction open = discord.as(ana.id()).click(asked, "rapport:timezone");
        InteractionResponse modal = open.awaitResponse();
        assertThat(modal.type()).isEqualTo(InteractionResponse.MODAL);
        assertThat(modal.latency()).isLessThan(THREE_SECONDS);
        assertThat(modal.customIds()).containsExactly("zone");

        Interaction saved = discord.as(ana.id()).submitModal(open, Map.of("zone", "america/new york"));

        assertThat(saved.awaitResponse().type()).isEqualTo(InteractionResponse.DEFERRED_UPDATE_MESSAGE);
        await().atMost(WAIT)
                .until(() -> plain(discord.message(asked.id()).orElseThrow().content())
                        .contains("Your time zone is America/New_York"));
        assertThat(discord.message(asked.id()).orElseThrow().customIds()).isEmpty();
        assertThat(jdbc.queryForList(
                        "select time_zone || ' ' || time_zone_source from participant where platform_user_id = ?",
                        String.class,
                        ana.userId()))
                .isEqualTo(List.of("America/New_York CHOSEN"));
    }

    @Test
    void a_zone_that_does_not_exist_is_explained_privately_and_the_button_stays() {
        DiscordMessage asked = question(ana);
        Interaction open = discord.as(ana.id()).click(asked, "rapport:timezone");
        open.awaitResponse();

        Interaction wrong = discord.as(ana.id()).submitModal(open, Map.of("zone", "Atlantis/Capital"));

        InteractionResponse notice = wrong.awaitFollowUps(1, WAIT).getFirst();
        assertThat(notice.ephemeral()).isTrue();
        assertThat(notice.content()).contains("isn't a time zone I know");
        assertThat(discord.message(asked.id()).orElseThrow().customIds()).containsExactly("rapport:timezone");
    }

    @Test
    void the_welcome_asks_about_research_and_a_tap_on_yes_is_recorded_and_confirmed_privately() {
        dispatcher.drain("test");
        DiscordMessage welcome = awaitDm(ana, m -> m.content().contains("Welcome to"));
        assertThat(welcome.content()).contains("may your anonymised answers be used to study mentoring?");
        assertThat(welcome.customIds()).containsExactly("rapport:consent:yes", "rapport:consent:no");

        Interaction tap = discord.as(ana.id()).click(welcome, "rapport:consent:yes");

        assertThat(tap.awaitResponse().latency()).isLessThan(THREE_SECONDS);
        InteractionResponse notice = tap.awaitFollowUps(1, WAIT).getFirst();
        assertThat(notice.ephemeral()).isTrue();
        assertThat(notice.content()).startsWith("Thank you: your anonymised answers may now be used");
        assertThat(jdbc.queryForObject(
                        "select research_consent from participant where platform_user_id = ?",
                        Boolean.class,
                        ana.userId()))
                .isTrue();
    }
}
