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
                        Parameter.required("name", Parameter.Kind.TEXT).shownAs(Parameter.HINT_KEY + "programme-name"),
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
            throw new CommandException("command.setup.error.name-length");
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
            return Reply.privately(ctx.text(
                            "command.setup.done.role",
                            "programme",
                            p.name(),
                            "role",
                            role,
                            "holds",
                            holds ? "yes" : "no",
                            "cadence",
                            CadenceCommand.describe(p.cadence()),
                            "zone",
                            zone.getId())
                    + "\n" + ctx.text("command.setup.next-steps"));
        }
        ParticipantView me = ctx.ensureParticipant(zone);
        if (me.hasLeft()) {
            throw new CommandException("command.setup.error.left");
        }
        ProgrammeView p = programmes.create(ctx.actor().platform(), ctx.actor().workspaceId(), name, zone, me.id());
        return Reply.privately(ctx.text(
                        "command.setup.done",
                        "programme",
                        p.name(),
                        "cadence",
                        CadenceCommand.describe(p.cadence()),
                        "zone",
                        zone.getId())
                + "\n" + ctx.text("command.setup.next-steps"));
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
        throw new CommandException("command.setup.error.role-mention");
    }
}
