package dev.rapport.core.command;

import dev.rapport.core.chat.ChatUser;
import dev.rapport.core.i18n.Catalogue;
import dev.rapport.core.i18n.Text;
import dev.rapport.core.pair.PairService;
import dev.rapport.core.pair.PairView;
import dev.rapport.core.participant.ParticipantService;
import dev.rapport.core.participant.ParticipantView;
import dev.rapport.core.participant.Zones;
import dev.rapport.core.programme.ProgrammeService;
import dev.rapport.core.programme.ProgrammeView;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One command being run: who runs it, its arguments, and the lookups every subcommand needs, each of which
 * enforces the rules (a coordinator acts only on their own programmes; a participant only on their own pairs); and
 * the language of the person running it, in which replies are written ({@link #text}).
 */
public final class CommandContext {

    private static final Catalogue CATALOGUE = Catalogue.standard();

    private final CommandRequest request;
    private final Subcommand command;
    private final List<String> args;
    private final String programmeOption;
    private final ProgrammeService programmes;
    private final ParticipantService participants;
    private final PairService pairs;
    private final Authority authority;
    private final Clock clock;
    /** The language of the person running the command, in which every reply is written. */
    private final Locale locale;
    /** The programme and the pair this command turned out to concern, for the audit. */
    private ProgrammeView concernedProgramme;

    private PairView concernedPair;

    /** What the audit calls this command, when it is more than the command's name ({@code export research}). */
    private String auditAction;

    CommandContext(
            CommandRequest request,
            Subcommand command,
            List<String> rawArgs,
            ProgrammeService programmes,
            ParticipantService participants,
            PairService pairs,
            Authority authority,
            Clock clock,
            Locale locale) {
        this.request = request;
        this.locale = locale;
        this.command = command;
        this.programmes = programmes;
        this.participants = participants;
        this.pairs = pairs;
        this.authority = authority;
        this.clock = clock;
        List<String> rest = new ArrayList<>();
        String option = null;
        for (String a : rawArgs) {
            String lower = a.toLowerCase(Locale.ROOT);
            if (lower.startsWith("programme=") || lower.startsWith("program=")) {
                option = a.substring(a.indexOf('=') + 1);
            } else {
                rest.add(a);
            }
        }
        this.args = List.copyOf(rest);
        this.programmeOption = option;
    }

    /** Notes that this command concerns one pair (the audit records which). */
    void concerns(PairView pair) {
        this.concernedPair = pair;
    }

    ProgrammeView concernedProgramme() {
        return concernedProgramme;
    }

    PairView concernedPair() {
        return concernedPair;
    }

    /** Records this command in the audit as {@code action} rather than by its name (a variant, such as a research export). */
    void auditAs(String action) {
        this.auditAction = action;
    }

    /** What the audit records this command as: its name, unless it said otherwise. */
    String auditAction() {
        return auditAction == null ? command.name() : auditAction;
    }

    public ChatUser actor() {
        return request.actor();
    }

    public String commandName() {
        return command.name();
    }

    /** The language of the person running the command ({@code ParticipantLanguages.languageOf}): replies use it. */
    public Locale locale() {
        return locale;
    }

    /** The catalogue text {@code key} in the language of the person running the command; arguments as name, value… */
    public String text(String key, Object... namesAndValues) {
        return CATALOGUE.text(locale, key, namesAndValues);
    }

    /** A text in the language of the person running the command. */
    public String text(Text text) {
        return CATALOGUE.text(locale, text);
    }

    /** A friendly refusal that shows how this command is called, as the person's platform writes it. */
    public CommandException usageError() {
        return new CommandException(usage());
    }

    /** "Usage: …" for this command, its placeholders in the person's language. */
    private Text usage() {
        return Text.of("command.error.usage", "usage", CommandService.invocation(command, actor().platform(), locale));
    }

    public List<String> args() {
        return args;
    }

    public String attachment() {
        return request.attachment();
    }

    public Clock clock() {
        return clock;
    }

    /** The argument at {@code index}, or a friendly error showing how the command is called. */
    public String arg(int index) {
        if (index >= args.size()) {
            throw usageError();
        }
        return args.get(index);
    }

    /** Whether the argument at {@code index} is {@link Parameter#CONFIRM}, which a command with lasting effects needs. */
    public boolean confirmed(int index) {
        return index < args.size() && args.get(index).equalsIgnoreCase(Parameter.CONFIRM);
    }

    /** The words from {@code index} on, joined (a note, a name). */
    public String rest(int index) {
        return index >= args.size() ? "" : String.join(" ", args.subList(index, args.size()));
    }

    public Optional<ParticipantView> participant() {
        return participants.find(actor());
    }

    /** The person running the command, who must already take part in a programme here. */
    public ParticipantView requireParticipant() {
        return participant()
                .filter(p -> !p.hasLeft())
                .orElseThrow(() -> new CommandException("command.error.not-a-participant"));
    }

    /** Registers the person running the command if new (setup does this). */
    public ParticipantView ensureParticipant(ZoneId zone) {
        return participants.ensure(actor(), zone).participant();
    }

    /**
     * The programme this coordinator command is about: the only one the person coordinates in this workspace, or the
     * one named with {@code programme=Name}. Who coordinates is {@link Authority}'s decision; anyone else is refused,
     * with the same answer whether or not the workspace has programmes.
     */
    public ProgrammeView coordinatedProgramme() {
        List<ProgrammeView> mine = authority.coordinated(actor(), participant());
        if (mine.isEmpty()) {
            throw notCoordinator();
        }
        if (programmeOption != null) {
            concernedProgramme = mine.stream()
                    .filter(p -> p.name().equalsIgnoreCase(programmeOption))
                    .findFirst()
                    .orElseThrow(() -> new CommandException(
                            "command.error.no-such-programme", "name", programmeOption, "programmes", names(mine)));
            return concernedProgramme;
        }
        if (mine.size() > 1) {
            throw new CommandException("command.error.several-programmes", "programmes", names(mine));
        }
        concernedProgramme = mine.get(0);
        return concernedProgramme;
    }

    /** Whether the person running the command coordinates any programme here now. */
    public boolean coordinatesAny() {
        return !authority.coordinated(actor(), participant()).isEmpty();
    }

    /** The role id a setup binds its programme to (Discord), or null (Slack); refuses whoever may not set up. */
    String setUpRole(String role) {
        return authority.setUp(actor(), role);
    }

    /** Whether the person running the command holds the programme's role now. */
    public boolean holdsRole(ProgrammeView programme) {
        return Authority.holdsRole(actor(), programme);
    }

    private CommandException notCoordinator() {
        String how = !actor().platform().coordinatorsByRole() ? "named" : actor().roleIds() == null ? "dm" : "role";
        return new CommandException("command.error.coordinators-only", "command", command.name(), "how", how);
    }

    private static String names(List<ProgrammeView> list) {
        return list.stream().map(ProgrammeView::name).collect(Collectors.joining(", "));
    }

    /** The open pairs of the person running the command. */
    public List<PairView> myPairs(ParticipantView me) {
        return pairs.openFor(me.id());
    }

    /** A user named in the command: mention syntax, as the platforms produce it. */
    public ChatUser user(String token) {
        Tokens.Mention m = Tokens.mention(token)
                .orElseThrow(
                        () -> new CommandException("command.error.not-a-person", "token", token, "usage", usage()));
        return ChatUser.of(actor().platform(), actor().workspaceId(), m.userId(), m.name());
    }

    public boolean isMention(String token) {
        return Tokens.mention(token).isPresent();
    }

    /** A date written YYYY-MM-DD, or "today" / "yesterday" in the given zone. */
    public LocalDate date(String token, ZoneId zone) {
        LocalDate today = clock.instant().atZone(zone).toLocalDate();
        switch (token.toLowerCase(Locale.ROOT)) {
            case "today":
                return today;
            case "yesterday":
                return today.minusDays(1);
            default:
                try {
                    return LocalDate.parse(token);
                } catch (DateTimeParseException e) {
                    throw new CommandException("command.error.date", "token", token, "today", today);
                }
        }
    }

    public boolean looksLikeDate(String token) {
        return token.matches("\\d{4}-\\d{2}-\\d{2}")
                || token.equalsIgnoreCase("today")
                || token.equalsIgnoreCase("yesterday");
    }

    /** An IANA time zone id, with a hint when it is not one. */
    public static ZoneId zone(String token) {
        return Zones.parse(token).orElseThrow(() -> new CommandException("command.error.zone", "zone", token));
    }
}
