package dev.rapport.discord;

import dev.rapport.core.command.CommandService;
import dev.rapport.core.command.Parameter;
import dev.rapport.core.command.Subcommand;
import dev.rapport.core.i18n.Catalogue;
import dev.rapport.core.i18n.Languages;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.interactions.DiscordLocale;
import net.dv8tion.jda.api.interactions.IntegrationType;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.SlashCommandInteraction;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandGroupData;

/**
 * {@code /rapport} as a Discord slash command, made from the core's grammar ({@link CommandService#subcommands()} and
 * {@link CommandService#parameters}) so a new subcommand appears on Discord without a line here; and the way back: an
 * invocation with typed options turned into the same command line Slack would send, which the core parses.
 *
 * <p>Options by the core's parameter kinds: a person is a USER option (written back as {@code <@id|Name>}, the name
 * being what the server shows), a file an ATTACHMENT, a number an INTEGER, a word with fixed choices a STRING with
 * those choices, a time zone a STRING autocompleted from the IANA list, everything else (dates, times, pairs, names,
 * notes) a STRING whose description says the format. Discord lists required options first; the command line keeps the
 * core's order whatever order Discord shows them in.
 *
 * <p>Every description (the command's, the group's, each subcommand's summary and each option's) comes from the
 * catalogue: English as the description, and a localization for each of Discord's locales whose language Rapport
 * ships ({@code fr}, {@code es-ES}, {@code es-419}), so Discord shows each person the descriptions in their client's
 * language. Each text is held to Discord's 100 characters; {@code SubcommandTextsIT} keeps the catalogue within it.
 */
final class DiscordCommands {

    /** The slash command's name. */
    static final String NAME = "rapport";

    /** The catalogue key of the command's own description. */
    private static final String DESCRIPTION = "discord.command.description";

    /**
     * Discord's locales for which Rapport ships a language other than English, and that language: {@code fr} French,
     * {@code es-ES} and {@code es-419} Spanish. Discord shows a person the description in their client's locale where
     * there is one, and the English one elsewhere.
     */
    private static final Map<DiscordLocale, Locale> LOCALIZED = localized();

    /** The longest a value may be in an option Discord sends for a date (YYYY-MM-DD, "today", "yesterday"). */
    private static final int MAX_WORD = 100;

    private final CommandService commands;

    DiscordCommands(CommandService commands) {
        this.commands = commands;
    }

    /**
     * The command to register. Usable in servers and in the bot's DMs (where a global command can be reached; the DM
     * is where Rapport asks people for their time zone); for servers that install the bot, not for user installs.
     */
    SlashCommandData definition() {
        SlashCommandData command = Commands.slash(NAME, english(DESCRIPTION))
                .setDescriptionLocalizations(localizations(DESCRIPTION))
                .setContexts(InteractionContextType.GUILD, InteractionContextType.BOT_DM)
                .setIntegrationTypes(IntegrationType.GUILD_INSTALL);
        Map<String, SubcommandGroupData> groups = new LinkedHashMap<>();
        for (Subcommand s : commands.subcommands()) {
            Optional<String> group = s.group();
            if (group.isEmpty()) {
                command.addSubcommands(subcommand(s));
            } else {
                groups.computeIfAbsent(group.get(), DiscordCommands::group).addSubcommands(subcommand(s));
            }
        }
        groups.values().forEach(command::addSubcommandGroups);
        return command;
    }

    private SubcommandData subcommand(Subcommand s) {
        SubcommandData sub = new SubcommandData(s.name(), english(s.summaryKey()))
                .setDescriptionLocalizations(localizations(s.summaryKey()));
        List<Parameter> parameters = new ArrayList<>(commands.parameters(s));
        // Discord refuses a required option after an optional one; the command line keeps the core's order.
        parameters.sort(Comparator.comparing(p -> !p.required()));
        for (Parameter p : parameters) {
            sub.addOptions(option(p));
        }
        return sub;
    }

    static OptionData option(Parameter p) {
        OptionData option = new OptionData(type(p.kind()), p.name(), english(p.descriptionKey()), p.required())
                .setDescriptionLocalizations(localizations(p.descriptionKey()));
        switch (p.kind()) {
            case TIME_ZONE -> option.setAutoComplete(true).setMaxLength(64);
            case WORD -> {
                for (String choice :
                        p.choices().stream().limit(OptionData.MAX_CHOICES).toList()) {
                    option.addChoice(choice, choice);
                }
                option.setMaxLength(MAX_WORD);
            }
            case DATE -> option.setMaxLength(MAX_WORD);
            case TIME -> option.setMaxLength(32);
            case PAIR -> option.setMaxLength(MAX_WORD);
            case NUMBER -> option.setMinValue(1).setMaxValue(1000);
            case TEXT -> option.setMaxLength(200);
            case REST -> option.setMaxLength(1000);
            default -> {}
        }
        return option;
    }

    /** A group's description ({@code discord.group.<name>.description}), as Discord shows it under its name. */
    private static SubcommandGroupData group(String name) {
        String key = "discord.group." + name + ".description";
        return new SubcommandGroupData(name, english(key)).setDescriptionLocalizations(localizations(key));
    }

    /** A summary's or a description's English text, which Discord shows where it has no localization. */
    private static String english(String key) {
        return description(Locale.ENGLISH, key);
    }

    /** A description's text in each of {@link #LOCALIZED}'s locales. */
    static Map<DiscordLocale, String> localizations(String key) {
        Map<DiscordLocale, String> out = new EnumMap<>(DiscordLocale.class);
        LOCALIZED.forEach((locale, language) -> out.put(locale, description(language, key)));
        return out;
    }

    /** A description in a language, within Discord's 100 characters (the catalogue's tests keep them so). */
    private static String description(Locale language, String key) {
        return DiscordRenderer.cut(Catalogue.standard().text(language, key), OptionData.MAX_DESCRIPTION_LENGTH);
    }

    private static Map<DiscordLocale, Locale> localized() {
        Map<DiscordLocale, Locale> out = new EnumMap<>(DiscordLocale.class);
        for (DiscordLocale locale : DiscordLocale.values()) {
            if (locale == DiscordLocale.UNKNOWN) {
                continue;
            }
            Languages.match(locale.getLocale())
                    .filter(language -> !language.equals(Languages.ENGLISH))
                    .ifPresent(language -> out.put(locale, language));
        }
        return Map.copyOf(out);
    }

    static OptionType type(Parameter.Kind kind) {
        return switch (kind) {
            case USER -> OptionType.USER;
            case FILE -> OptionType.ATTACHMENT;
            case NUMBER -> OptionType.INTEGER;
            case ROLE -> OptionType.ROLE;
            default -> OptionType.STRING;
        };
    }

    /**
     * The core's subcommand an invocation names ({@code getSubcommandGroup()} and {@code getSubcommandName()}), if any:
     * the core's own lookup, so Discord and the typed line agree on every name.
     */
    Optional<Subcommand> subcommand(String group, String name) {
        if (name == null) {
            return Optional.empty();
        }
        List<String> words = group == null ? List.of(name) : List.of(group, name);
        return commands.find(words)
                .filter(found ->
                        found.arguments().isEmpty() && found.subcommand().name().equals(name))
                .filter(found -> Objects.equals(found.subcommand().group().orElse(null), group))
                .map(CommandService.Invocation::subcommand);
    }

    /** The core's parameters of a subcommand, in the command line's order. */
    List<Parameter> parameters(Subcommand s) {
        return commands.parameters(s);
    }

    /** The file parameter of a subcommand, if it takes one (the CSV of an import). */
    Optional<Parameter> fileParameter(Subcommand s) {
        return commands.parameters(s).stream()
                .filter(p -> p.kind() == Parameter.Kind.FILE)
                .findFirst();
    }

    /**
     * The command line the core reads for this invocation: the subcommand and each option given, written with
     * {@link Parameter#asText}, people as mentions with the name the server shows them by.
     */
    String commandLine(Subcommand s, SlashCommandInteraction event) {
        StringBuilder line = new StringBuilder(s.name());
        for (Parameter p : commands.parameters(s)) {
            OptionMapping given = event.getOption(p.name());
            if (given == null || p.kind() == Parameter.Kind.FILE) {
                continue;
            }
            String value = switch (p.kind()) {
                case USER -> mention(given.getAsUser(), given.getAsMember());
                case NUMBER -> Long.toString(given.getAsLong());
                case ROLE -> "<@&" + given.getAsRole().getId() + ">";
                default -> given.getAsString();
            };
            String words = p.asText(value);
            if (!words.isBlank()) {
                line.append(' ').append(words);
            }
        }
        return line.toString();
    }

    /** A person as the core's grammar writes them: {@code <@id|Name>}. */
    static String mention(User user, Member member) {
        String name = member != null ? member.getEffectiveName() : user.getEffectiveName();
        return "<@" + user.getId() + "|" + clean(name) + ">";
    }

    /** A name may not close the mention it sits in. */
    static String clean(String name) {
        return name == null
                ? ""
                : name.replace(">", "")
                        .replace("|", "")
                        .replace("<", "")
                        .replaceAll("\\s+", " ")
                        .strip();
    }
}
