package dev.rapport.core.command;

import dev.rapport.core.audit.Audit;
import dev.rapport.core.audit.AuditKind;
import dev.rapport.core.chat.Platform;
import dev.rapport.core.i18n.Catalogue;
import dev.rapport.core.i18n.TextException;
import dev.rapport.core.inbound.ErrorReference;
import dev.rapport.core.pair.PairService;
import dev.rapport.core.participant.ParticipantLanguages;
import dev.rapport.core.participant.ParticipantService;
import dev.rapport.core.programme.ProgrammeService;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Runs {@code /rapport} commands. Bad input gets a friendly private reply; an unexpected failure gets a
 * reference the operator can find in the log, and never a stack trace in chat.
 */
@Service
public class CommandService {

    private static final Logger log = LoggerFactory.getLogger(CommandService.class);
    private static final Catalogue CATALOGUE = Catalogue.standard();

    private final Map<String, Subcommand> byName = new HashMap<>();
    private final List<Subcommand> subcommands;
    private final ProgrammeService programmes;
    private final ParticipantService participants;
    private final ParticipantLanguages languages;
    private final PairService pairs;
    private final Authority authority;
    private final Clock clock;
    private final Audit audit;

    CommandService(
            List<Subcommand> subcommands,
            ProgrammeService programmes,
            ParticipantService participants,
            ParticipantLanguages languages,
            PairService pairs,
            Authority authority,
            Clock clock,
            Audit audit) {
        this.subcommands = List.copyOf(subcommands);
        this.programmes = programmes;
        this.participants = participants;
        this.languages = languages;
        this.pairs = pairs;
        this.authority = authority;
        this.clock = clock;
        this.audit = audit;
        for (Subcommand s : subcommands) {
            register(s.name(), s);
            s.aliases().forEach(a -> register(a, s));
        }
    }

    private void register(String name, Subcommand s) {
        Subcommand previous = byName.put(name.toLowerCase(Locale.ROOT), s);
        if (previous != null) {
            throw new IllegalStateException(
                    "Two subcommands answer to " + name + ": " + previous.getClass() + " and " + s.getClass());
        }
    }

    /** The coordinators' {@code programme} option, described by a text every coordinator command shares. */
    private static final Parameter PROGRAMME = Parameter.optional("programme", Parameter.Kind.TEXT)
            .describedBy("command.option.programme")
            .writtenAs("programme=%s");

    /** Every subcommand, for help texts and for adapters that register typed commands (Discord). */
    public List<Subcommand> subcommands() {
        return subcommands;
    }

    /** A subcommand and the words after its name. */
    public record Invocation(Subcommand subcommand, List<String> arguments) {}

    /**
     * The subcommand a line's words name, by its name or an alias in any case, with or without the
     * {@link Definition#COORDINATOR_GROUP} word before a coordinator command; empty words name {@code help}. The one
     * lookup every way in uses: {@link #handle}, Discord's typed commands and the sandbox.
     */
    public Optional<Invocation> find(List<String> words) {
        if (words.isEmpty()) {
            return Optional.ofNullable(byName.get("help")).map(help -> new Invocation(help, List.of()));
        }
        int at = 0;
        if (words.size() > 1 && words.get(0).equalsIgnoreCase(Definition.COORDINATOR_GROUP)) {
            Subcommand nested = byName.get(words.get(1).toLowerCase(Locale.ROOT));
            if (nested != null && nested.group().isPresent()) {
                at = 1;
            }
        }
        Subcommand named = byName.get(words.get(at).toLowerCase(Locale.ROOT));
        if (named == null) {
            return Optional.empty();
        }
        return Optional.of(new Invocation(named, List.copyOf(words.subList(at + 1, words.size()))));
    }

    /** {@link #find(List)} for a line of text, split by the core's {@link Tokens tokenizer}. */
    public Optional<Invocation> find(String line) {
        return find(Tokens.split(line));
    }

    /**
     * How a person calls a subcommand on their platform: {@code /rapport snooze <#pair | @person> [days]}, or on a
     * platform that nests subcommands {@code /rapport programme snooze …}.
     */
    public static String invocation(Subcommand command, Platform platform) {
        return invocation(command, command.usage(), platform);
    }

    /** {@link #invocation(Subcommand, Platform)} with the usage line's placeholders in {@code locale}'s language. */
    public static String invocation(Subcommand command, Platform platform, Locale locale) {
        return invocation(command, command.usage(locale), platform);
    }

    /** {@code line}, which starts with {@code command}'s name, as a person on {@code platform} types it. */
    private static String invocation(Subcommand command, String line, Platform platform) {
        String group =
                platform.nestsSubcommands() ? command.group().map(g -> g + " ").orElse("") : "";
        return "/rapport " + group + line;
    }

    /**
     * A subcommand's typed arguments as an adapter offers them: its own, and for coordinator commands a last,
     * optional {@code programme}, written as {@code programme="Name"}, for workspaces with several programmes.
     */
    public List<Parameter> parameters(Subcommand command) {
        if (command.audience() != Audience.COORDINATOR) {
            return command.parameters();
        }
        List<Parameter> all = new ArrayList<>(command.parameters());
        all.add(PROGRAMME);
        return List.copyOf(all);
    }

    /**
     * A command line as a person on {@code platform} writes it: {@code /rapport pair #3}, or on a platform that nests
     * subcommands {@code /rapport programme pair #3}; for replies that tell people what to run next.
     */
    public String written(String line, Platform platform) {
        return find(line)
                .filter(found -> !line.startsWith(Definition.COORDINATOR_GROUP + " "))
                .map(found -> invocation(found.subcommand(), line, platform))
                .orElse("/rapport " + line);
    }

    /** Records a coordinator's successful read or change of pair-level data, in the one place every command passes. */
    private void audit(Subcommand command, CommandContext context) {
        if (command.audit() == AuditKind.NONE || context.concernedProgramme() == null) {
            return;
        }
        context.participant()
                .ifPresent(me -> audit.record(
                        me.id(),
                        context.concernedProgramme().id(),
                        context.concernedPair() == null
                                ? null
                                : context.concernedPair().id(),
                        context.auditAction(),
                        command.audit()));
    }

    /**
     * Whether the person may run the command this line names, without running it: the refusal they would get, or
     * empty. For an adapter that must answer before the command runs (Slack opens the import form at once, while its
     * trigger is valid), so a form is only offered to someone the command would serve.
     */
    public Optional<Reply> refusal(CommandRequest request) {
        Optional<Invocation> found = find(Tokens.split(request.text()));
        if (found.isEmpty() || found.get().subcommand().audience() != Audience.COORDINATOR) {
            return Optional.empty();
        }
        authority.revalidate(request.actor());
        Locale locale = languages.languageOf(request.actor());
        CommandContext context = context(request, found.get(), locale);
        try {
            context.coordinatedProgramme();
            return Optional.empty();
        } catch (CommandException e) {
            return Optional.of(Reply.privately(e.in(locale)));
        }
    }

    private CommandContext context(CommandRequest request, Invocation invocation, Locale locale) {
        return new CommandContext(
                request,
                invocation.subcommand(),
                invocation.arguments(),
                programmes,
                participants,
                pairs,
                authority,
                clock,
                locale);
    }

    public Reply handle(CommandRequest request) {
        // Someone who runs a command can be reached again, whatever the platform refused before.
        participants.markReachable(request.actor());
        // The language the platform reports for them (Discord's interaction locale) is kept for their messages.
        languages.platformLocale(request.actor(), request.actor().locale());
        // The name the platform gives the person acting is theirs; and what their roles allow is checked afresh.
        participants.actorNamed(request.actor());
        authority.revalidate(request.actor());
        // Every reply is in the language the person reads, their platform's locale just recorded included.
        Locale locale = languages.languageOf(request.actor());
        List<String> tokens = Tokens.split(request.text());
        Optional<Invocation> found = find(tokens);
        if (found.isEmpty()) {
            return Reply.privately(CATALOGUE.text(locale, "command.error.unknown", "word", tokens.get(0)));
        }
        Subcommand command = found.get().subcommand();
        CommandContext context = context(request, found.get(), locale);
        try {
            if (command.audience() == Audience.COORDINATOR) {
                context.coordinatedProgramme(); // refuses anyone who coordinates nothing here, before any work
            }
            Reply reply = command.run(context);
            audit(command, context);
            return reply;
        } catch (CommandException e) {
            return Reply.privately(e.in(locale));
        } catch (TextException e) {
            // A service's refusal of bad input (a zone, a setting's value), in the reader's language.
            return Reply.privately(e.text(locale));
        } catch (IllegalArgumentException e) {
            // A refusal not yet carrying a Text: its own message.
            return Reply.privately(e.getMessage());
        } catch (RuntimeException e) {
            return Reply.privately(
                    ErrorReference.logged(log, "/rapport " + command.name(), e).friendlyText(locale));
        }
    }
}
