package dev.rapport.core.command;

import dev.rapport.core.chat.Mentions;
import dev.rapport.core.participant.ParticipantView;
import dev.rapport.core.programme.ProgrammeService;
import dev.rapport.core.programme.ProgrammeView;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import org.springframework.stereotype.Component;

/**
 * {@code /rapport setup "Name" [Area/City] [role=@Role]}: start a programme here. On Slack whoever sets it up is its
 * first coordinator; on Discord it is bound to a role, by id, whose holders coordinate it. Who may run it is {@link
 * Authority}'s decision.
 */
@Component
class SetupCommand extends Subcommand {

    private final ProgrammeService programmes;

    SetupCommand(ProgrammeService programmes) {
        super(Definition.of("setup", Audience.EVERYONE)
                .withParameters(
                        Parameter.required("name", Parameter.Kind.TEXT).shownAs("\"Programme name\""),
                        Parameter.optional("timezone", Parameter.Kind.TIME_ZONE),
                        Parameter.optional("role", Parameter.Kind.ROLE).writtenAs("role=%s")));
        this.programmes = programmes;
    }

    @Override
    public Reply run(CommandContext ctx) {
        List<String> args = new ArrayList<>();
        String roleToken = null;
        for (String a : ctx.args()) {
            if (a.toLowerCase(Locale.ROOT).startsWith("role=")) {
                roleToken = a.substring("role=".length());
            } else {
                args.add(a);
            }
        }
        String role = ctx.setUpRole(
                roleToken == null || !ctx.actor().platform().coordinatorsByRole() ? roleToken : roleId(roleToken));
        if (args.isEmpty()) {
            throw ctx.usageError();
        }
        String name = args.get(0).strip();
        if (name.length() < 2 || name.length() > 120) {
            throw new CommandException("A programme name has 2 to 120 characters.");
        }
        ZoneId zone = args.size() > 1
                ? CommandContext.zone(args.get(1))
                : ctx.participant().map(ParticipantView::zone).orElse(ZoneOffset.UTC);
        if (role != null) {
            ProgrammeView p =
                    programmes.create(ctx.actor().platform(), ctx.actor().workspaceId(), name, zone, null, role);
            boolean holds = ctx.holdsRole(p);
            if (holds) {
                programmes.enrolViaRole(p.id(), ctx.ensureParticipant(zone).id(), role);
            }
            return Reply.privately("*" + p.name() + "* is set up. Members with the role <@&" + role
                    + "> coordinate it, for as long as they hold it"
                    + (holds
                            ? ", you among them."
                            : ". You don't hold that role, so its pairs stay hidden from you; give it to the"
                                    + " coordinators (and to yourself if you are one).")
                    + " Check-ins go out " + p.cadence().describe()
                    + " in each participant's time zone (new participants default to " + zone.getId() + ")."
                    + nextSteps());
        }
        ParticipantView me = ctx.ensureParticipant(zone);
        if (me.hasLeft()) {
            throw new CommandException("You left Rapport earlier; ask an administrator to restore your account first.");
        }
        ProgrammeView p = programmes.create(ctx.actor().platform(), ctx.actor().workspaceId(), name, zone, me.id());
        return Reply.privately("*" + p.name() + "* is set up, and you are its coordinator. Check-ins go out "
                + p.cadence().describe()
                + " in each participant's time zone (new participants default to " + zone.getId() + ")."
                + nextSteps());
    }

    private static String nextSteps() {
        return "\nNext steps:\n"
                + "• `/rapport cadence monday 10:00` to change the check-in day and time\n"
                + "• `/rapport add-pair @mentor @mentee` to add a pair, or `/rapport import` with a CSV file for many\n"
                + "• `/rapport coordinator add @colleague` to share the work\n"
                + "• `/rapport health` to see how the pairs are doing";
    }

    /** A role as written: a mention {@code <@&123>} or a bare id; a name is refused, roles are bound by id. */
    private static String roleId(String token) {
        String t = token.strip();
        Matcher m = Mentions.ROLE.matcher(t);
        if (m.matches()) {
            return m.group(1);
        }
        if (t.matches("\\d{1,20}")) {
            return t;
        }
        throw new CommandException("Give the role as a mention (@Role), not its name: Rapport goes by the role"
                + " itself, which its name cannot prove.");
    }
}
