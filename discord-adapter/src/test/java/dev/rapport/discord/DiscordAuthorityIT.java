package dev.rapport.discord;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.core.programme.CoordinatorRoles;
import dev.rapport.discord.LocalDiscordWorld.Person;
import dev.rapport.localdiscord.Options;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Who coordinates on Discord, end to end through JDA and the local Discord: a programme is bound to its role by id, the
 * roles are read from each interaction, and Manage Server sets programmes up without seeing their pairs.
 */
class DiscordAuthorityIT extends DiscordTestSupport {

    @Autowired
    CoordinatorRoles roles;

    /** A role a member made, with the coordinator role's very name. */
    static final long LOOKALIKE_ROLE = LocalDiscordWorld.GUILD + 50;

    @Test
    void a_member_who_creates_a_role_named_rapport_coordinator_gets_nothing() {
        Person cora = LocalDiscordWorld.coordinator();
        programmeWithPair(cora, LocalDiscordWorld.member(), LocalDiscordWorld.member());
        Person mallory = LocalDiscordWorld.member();
        discord.createRole(LocalDiscordWorld.GUILD, LOOKALIKE_ROLE, LocalDiscordWorld.COORDINATOR_ROLE_NAME, 0);
        discord.setRoles(LocalDiscordWorld.GUILD, mallory.id(), LOOKALIKE_ROLE);

        assertThat(say(mallory, "health", Map.of())).startsWith("Only programme coordinators");
        assertThat(say(mallory, "pair", Map.of("pair", "#1"))).startsWith("Only programme coordinators");
        assertThat(say(mallory, "export", Map.of())).startsWith("Only programme coordinators");
        assertThat(say(mallory, "setup", Map.of("name", "Mine", "role", Options.role(LOOKALIKE_ROLE))))
                .contains("set up by members with the Manage Server permission");
        assertThat(jdbc.queryForObject(
                        "select count(*) from coordinator c join participant p on p.id = c.participant_id"
                                + " where p.platform_user_id = ?",
                        Integer.class,
                        mallory.userId()))
                .isZero();
        assertThat(jdbc.queryForObject("select count(*) from programme", Integer.class))
                .isEqualTo(1);
    }

    @Test
    void a_coordinator_whose_role_is_taken_away_is_refused_at_the_very_next_command() {
        Person cora = LocalDiscordWorld.coordinator();
        programmeWithPair(cora, LocalDiscordWorld.member(), LocalDiscordWorld.member());
        assertThat(say(cora, "health", Map.of())).contains("Residents").contains("#1");
        assertThat(viaRole(cora)).isEqualTo(Long.toString(LocalDiscordWorld.COORDINATOR_ROLE));

        discord.setRoles(LocalDiscordWorld.GUILD, cora.id());

        assertThat(say(cora, "health", Map.of())).startsWith("Only programme coordinators");
        assertThat(say(cora, "pair", Map.of("pair", "#1"))).startsWith("Only programme coordinators");
        assertThat(viaRole(cora))
                .as("no longer enrolled for the programme's alerts")
                .isNull();

        discord.setRoles(LocalDiscordWorld.GUILD, cora.id(), LocalDiscordWorld.COORDINATOR_ROLE);
        assertThat(say(cora, "health", Map.of())).contains("#1");
    }

    @Test
    void a_role_holder_who_loses_the_role_gets_no_more_alerts_even_without_running_another_command() {
        Person cora = LocalDiscordWorld.coordinator();
        programmeWithPair(cora, LocalDiscordWorld.member(), LocalDiscordWorld.member());
        assertThat(say(cora, "health", Map.of())).contains("#1");
        assertThat(roles.revalidate())
                .as("she holds the role: her enrolment stays")
                .isZero();
        assertThat(viaRole(cora)).isEqualTo(Long.toString(LocalDiscordWorld.COORDINATOR_ROLE));

        discord.setRoles(LocalDiscordWorld.GUILD, cora.id());

        assertThat(roles.revalidate()).isEqualTo(1);
        assertThat(viaRole(cora))
                .as("no longer enrolled for the programme's alerts")
                .isNull();
    }

    @Test
    void manage_server_alone_sets_up_a_programme_and_names_its_role_but_sees_no_pair() {
        Person admin = LocalDiscordWorld.member();
        discord.setRoles(LocalDiscordWorld.GUILD, admin.id(), LocalDiscordWorld.ADMIN_ROLE);
        Person cora = LocalDiscordWorld.coordinator();

        assertThat(say(
                        admin,
                        "setup",
                        Map.of("name", "Fellows", "role", Options.role(LocalDiscordWorld.COORDINATOR_ROLE))))
                .contains("is set up")
                .contains("<@&" + LocalDiscordWorld.COORDINATOR_ROLE + ">")
                .contains("You don't hold that role");
        Person lee = LocalDiscordWorld.member();
        Person ana = LocalDiscordWorld.member();
        assertThat(say(cora, "add-pair", Map.of("mentor", Options.user(lee.id()), "mentee", Options.user(ana.id()))))
                .contains("added");

        assertThat(say(admin, "health", Map.of())).startsWith("Only programme coordinators");
        assertThat(say(admin, "pair", Map.of("pair", "#1"))).startsWith("Only programme coordinators");
        assertThat(say(admin, "export", Map.of())).startsWith("Only programme coordinators");
    }

    private String viaRole(Person who) {
        return jdbc
                .query(
                        "select c.via_role_id from coordinator c join participant p on p.id = c.participant_id"
                                + " where p.platform_user_id = ?",
                        (rs, n) -> rs.getString(1),
                        who.userId())
                .stream()
                .findFirst()
                .orElse(null);
    }
}
