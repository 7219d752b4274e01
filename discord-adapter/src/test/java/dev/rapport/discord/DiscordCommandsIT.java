package dev.rapport.discord;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.rapport.core.i18n.Catalogue;
import dev.rapport.discord.LocalDiscordWorld.Person;
import dev.rapport.localdiscord.GatewayLogin;
import dev.rapport.localdiscord.Intents;
import dev.rapport.localdiscord.Interaction;
import dev.rapport.localdiscord.InteractionResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code /rapport} on Discord: registered from the core's grammar, answered in time, coordinators by role. */
class DiscordCommandsIT extends DiscordTestSupport {

    @Test
    void the_bot_identifies_without_any_privileged_intent() {
        assertThat(discord.gatewayLogins())
                .filteredOn(l -> l.kind() == GatewayLogin.Kind.IDENTIFY && l.accepted())
                .isNotEmpty()
                .allSatisfy(l -> {
                    assertThat(Intents.anyPrivileged(l.intents())).isFalse();
                    assertThat(l.intents()).isEqualTo(Intents.GUILDS);
                });
    }

    @Test
    void rapport_is_registered_globally_with_every_subcommand_and_typed_options() {
        JsonObject rapport = command(0, "rapport");
        Map<String, JsonObject> top = byName(rapport);
        assertThat(top.keySet()).contains("help", "setup", "meeting", "timezone", "me", "my-data", "programme");
        assertThat(top)
                .as("Discord allows 25 subcommands and groups side by side")
                .hasSizeLessThanOrEqualTo(25);
        JsonObject programme = top.get("programme");
        assertThat(programme.get("type").getAsInt()).isEqualTo(2); // SUB_COMMAND_GROUP
        Map<String, JsonObject> grouped = byName(programme);
        assertThat(grouped).hasSizeLessThanOrEqualTo(25);
        assertThat(grouped.keySet())
                .as("every coordinator command, and only those, in the programme group")
                .contains("add-pair", "health", "import", "cadence", "export", "audit", "pair", "coordinator")
                .doesNotContain("help", "setup", "meeting", "me");
        assertThat(top.keySet()).doesNotContain("health", "audit");
        Map<String, JsonObject> subs = new HashMap<>(top);
        subs.putAll(grouped);
        assertThat(option(subs.get("add-pair"), "mentor").get("type").getAsInt())
                .isEqualTo(6); // USER
        assertThat(option(subs.get("add-pair"), "mentor").get("required").getAsBoolean())
                .isTrue();
        assertThat(option(subs.get("import"), "file").get("type").getAsInt()).isEqualTo(11); // ATTACHMENT
        assertThat(option(subs.get("timezone"), "zone").get("autocomplete").getAsBoolean())
                .isTrue();
        assertThat(option(subs.get("cadence"), "day").getAsJsonArray("choices")).hasSize(7);
        assertThat(option(subs.get("health"), "programme").get("type").getAsInt())
                .isEqualTo(3); // STRING
        // Contexts 0 (servers) and 1 (the bot's DMs), whether JDA writes them as numbers or strings.
        assertThat(rapport.getAsJsonArray("contexts").asList())
                .extracting(JsonElement::getAsInt)
                .containsExactlyInAnyOrder(0, 1);
        assertThat(discord.commandNames(LocalDiscordWorld.GUILD)).isEmpty();
    }

    @Test
    void every_description_reaches_discord_with_its_french_and_spanish_localizations_within_100_characters() {
        JsonObject rapport = command(0, "rapport", true);
        Catalogue catalogue = Catalogue.standard();
        Locale french = Locale.FRENCH;
        Locale spanish = Locale.of("es");
        assertThat(localization(rapport, "fr"))
                .isEqualTo(catalogue.text(french, "discord.command.description"))
                .startsWith("Points de suivi du mentorat");
        assertThat(localization(rapport, "es-ES")).isEqualTo(catalogue.text(spanish, "discord.command.description"));
        Map<String, JsonObject> top = byName(rapport);
        JsonObject help = top.get("help");
        assertThat(help.get("description").getAsString())
                .isEqualTo(catalogue.text(Locale.ENGLISH, "command.help.summary"));
        assertThat(localization(help, "fr")).isEqualTo(catalogue.text(french, "command.help.summary"));
        assertThat(localization(help, "es-419")).isEqualTo(catalogue.text(spanish, "command.help.summary"));
        JsonObject programme = top.get("programme");
        assertThat(localization(programme, "fr")).startsWith("Pour les coordinateurs");
        JsonObject mentor = option(byName(programme).get("add-pair"), "mentor");
        assertThat(localization(mentor, "fr")).isEqualTo(catalogue.text(french, "command.add-pair.option.mentor"));
        assertThat(localization(mentor, "es-ES")).isEqualTo(catalogue.text(spanish, "command.add-pair.option.mentor"));
        assertThat(localization(option(byName(programme).get("health"), "programme"), "es-ES"))
                .isEqualTo(catalogue.text(spanish, "command.option.programme"));
        // Every command, group, subcommand and option: its description and one per shipped language's locales.
        List<JsonObject> all = new java.util.ArrayList<>();
        collect(rapport, all);
        assertThat(all).hasSizeGreaterThan(40).allSatisfy(o -> {
            assertThat(o.get("description").getAsString()).hasSizeBetween(1, 100);
            JsonObject localized = o.getAsJsonObject("description_localizations");
            assertThat(localized.keySet())
                    .as(o.get("name").getAsString())
                    .containsExactlyInAnyOrder("fr", "es-ES", "es-419");
            localized
                    .entrySet()
                    .forEach(e -> assertThat(e.getValue().getAsString()).hasSizeBetween(1, 100));
            assertThat(localized.get("fr").getAsString())
                    .isNotEqualTo(o.get("description").getAsString());
        });
        // Listed without asking for them, the dictionaries are left out, as Discord does.
        assertThat(command(0, "rapport", false).has("description_localizations"))
                .isFalse();
    }

    private static String localization(JsonObject o, String locale) {
        return o.getAsJsonObject("description_localizations").get(locale).getAsString();
    }

    private static void collect(JsonObject o, List<JsonObject> out) {
        out.add(o);
        if (o.has("options")) {
            for (JsonElement child : o.getAsJsonArray("options")) {
                collect(child.getAsJsonObject(), out);
            }
        }
    }

    private static Map<String, JsonObject> byName(JsonObject command) {
        Map<String, JsonObject> byName = new HashMap<>();
        for (JsonElement s : command.getAsJsonArray("options")) {
            byName.put(s.getAsJsonObject().get("name").getAsString(), s.getAsJsonObject());
        }
        return byName;
    }

    @Test
    void the_help_names_coordinator_commands_where_discord_lists_them_and_the_typed_lookup_agrees() {
        Person cora = LocalDiscordWorld.coordinator();
        programmeWithPair(cora, LocalDiscordWorld.member(), LocalDiscordWorld.member());

        String help = say(cora, "help", Map.of());
        assertThat(help)
                .contains("/rapport programme health")
                .contains("/rapport programme audit [#pair | @person]")
                .contains("/rapport meeting [@partner]")
                .doesNotContain("/rapport programme meeting");

        say(cora, "pair", Map.of("pair", "#1"));
        Interaction audit = discord.as(LocalDiscordWorld.GUILD, cora.id())
                .slashCommand("rapport", "programme audit", Map.of("pair", "#1"));
        assertThat(reply(audit)).contains("What coordinators read and changed: pair #1");
    }

    @Test
    void a_coordinator_with_the_role_sets_up_a_programme_adds_a_pair_and_sees_it_in_health() {
        Person cora = LocalDiscordWorld.coordinator();
        Person lee = LocalDiscordWorld.member();
        Person ana = LocalDiscordWorld.member();

        programmeWithPair(cora, lee, ana);
        dispatcher.drain("test");

        assertThat(awaitDm(ana, m -> m.content().contains("Welcome to Residents"))
                        .content())
                .contains(ana.name());
        assertThat(awaitDm(lee, m -> m.content().contains("Welcome to Residents")))
                .isNotNull();
        String health = say(cora, "health", Map.of());
        assertThat(health).contains("Residents").contains("#1").contains(lee.name());
    }

    @Test
    void a_mentee_running_a_coordinator_command_is_refused_politely() {
        Person cora = LocalDiscordWorld.coordinator();
        Person lee = LocalDiscordWorld.member();
        Person ana = LocalDiscordWorld.member();
        programmeWithPair(cora, lee, ana);

        String refused = say(ana, "health", Map.of());

        assertThat(refused).startsWith("Only programme coordinators").contains("coordinator role");
    }

    @Test
    void a_member_without_the_role_cannot_set_up_a_programme_but_one_with_manage_server_can() {
        Person plain = LocalDiscordWorld.member();

        assertThat(say(plain, "setup", Map.of("name", "Residents")))
                .contains("set up by members with the Manage Server permission");
        assertThat(say(new Person(LocalDiscordWorld.ADMIN, "Admin"), "setup", Map.of("name", "Fellows")))
                .contains("is set up");
    }

    @Test
    void time_zones_are_autocompleted_from_a_few_letters() {
        Person ana = LocalDiscordWorld.member();

        InteractionResponse choices = discord.as(LocalDiscordWorld.GUILD, ana.id())
                .autocomplete("rapport", "timezone", Map.of(), "zone", "lisb")
                .awaitResponse();

        assertThat(choices.latency()).isLessThan(THREE_SECONDS);
        assertThat(choices.type()).isEqualTo(InteractionResponse.APPLICATION_COMMAND_AUTOCOMPLETE_RESULT);
        assertThat(choices.choices())
                .extracting(InteractionResponse.Choice::value)
                .contains("Europe/Lisbon");
    }

    @Test
    void rapport_timezone_changes_the_zone_in_the_server_and_from_the_dms() {
        Person cora = LocalDiscordWorld.coordinator();
        Person lee = LocalDiscordWorld.member();
        Person ana = LocalDiscordWorld.member();
        programmeWithPair(cora, lee, ana);

        assertThat(say(ana, "timezone", Map.of("zone", "America/Chicago"))).contains("America/Chicago");
        assertThat(zoneOf(ana)).isEqualTo("America/Chicago");

        var inDm = discord.as(ana.id()).slashCommand("rapport", "timezone", Map.of("zone", "asia/kolkata"));
        assertThat(inDm.awaitResponse().latency()).isLessThan(THREE_SECONDS);
        assertThat(reply(inDm)).contains("Asia/Kolkata");
        assertThat(zoneOf(ana)).isEqualTo("Asia/Kolkata");
    }

    @Test
    void an_unknown_time_zone_gets_a_friendly_answer() {
        Person cora = LocalDiscordWorld.coordinator();
        Person lee = LocalDiscordWorld.member();
        Person ana = LocalDiscordWorld.member();
        programmeWithPair(cora, lee, ana);

        assertThat(say(ana, "timezone", Map.of("zone", "Mars/Olympus"))).contains("isn't a time zone I know");
    }

    private String zoneOf(Person p) {
        return jdbc.queryForObject(
                "select time_zone from participant where platform_user_id = ?", String.class, p.userId());
    }

    private JsonObject command(long scope, String name) {
        return command(scope, name, false);
    }

    /** A command as {@code GET …/commands} lists it, with its localizations when {@code withLocalizations}. */
    private JsonObject command(long scope, String name, boolean withLocalizations) {
        JsonArray all = JsonParser.parseString(discord.commandsJson(scope, withLocalizations))
                .getAsJsonArray();
        for (JsonElement c : all) {
            if (c.getAsJsonObject().get("name").getAsString().equals(name)) {
                return c.getAsJsonObject();
            }
        }
        throw new AssertionError("no command " + name + " in " + all);
    }

    private static JsonObject option(JsonObject sub, String name) {
        List<JsonElement> options = sub.getAsJsonArray("options").asList();
        return options.stream()
                .map(JsonElement::getAsJsonObject)
                .filter(o -> o.get("name").getAsString().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no option " + name + " in " + sub));
    }
}
