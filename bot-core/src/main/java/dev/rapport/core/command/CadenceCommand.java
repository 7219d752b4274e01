package dev.rapport.core.command;

import dev.rapport.core.audit.AuditKind;
import dev.rapport.core.calendar.Cadence;
import dev.rapport.core.i18n.Text;
import dev.rapport.core.programme.ProgrammeService;
import dev.rapport.core.programme.ProgrammeView;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.springframework.stereotype.Component;

/** {@code /rapport cadence monday 10:00 [every 2 weeks]}: when check-ins go out. */
@Component
class CadenceCommand extends Subcommand {

    /** The words around an interval in the command line ({@code every 2 weeks}): grammar, the same in every language. */
    static final String EVERY = "every";

    static final String WEEKS = "weeks";

    private final ProgrammeService programmes;

    CadenceCommand(ProgrammeService programmes) {
        super(Definition.of("cadence", Audience.COORDINATOR)
                .withAudit(AuditKind.CHANGE)
                .withParameters(
                        Parameter.required("day", Parameter.Kind.WORD)
                                .withChoices(
                                        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
                                .shownAs(Parameter.HINT_KEY + "day"),
                        Parameter.required("time", Parameter.Kind.TIME),
                        Parameter.optional("weeks", Parameter.Kind.NUMBER)
                                .writtenAs(String.join(" ", EVERY, "%s", WEEKS))
                                .shownAs("N")));
        this.programmes = programmes;
    }

    @Override
    public Reply run(CommandContext ctx) {
        ProgrammeView programme = ctx.coordinatedProgramme();
        if (ctx.args().isEmpty()) {
            return Reply.privately(ctx.text(
                    "command.cadence.now", "programme", programme.name(), "cadence", describe(programme.cadence())));
        }
        DayOfWeek day = day(ctx.arg(0));
        LocalTime time;
        try {
            String t = ctx.arg(1);
            time = LocalTime.parse(t.length() == 4 ? "0" + t : t);
        } catch (DateTimeParseException e) {
            throw new CommandException("command.cadence.error.time");
        }
        int weeks = 1;
        if (ctx.args().size() >= 4 && ctx.args().get(2).equalsIgnoreCase(EVERY)) {
            try {
                weeks = Integer.parseInt(ctx.args().get(3));
            } catch (NumberFormatException e) {
                throw new CommandException("command.cadence.error.weeks");
            }
        }
        Cadence cadence = new Cadence(day, time, weeks);
        programmes.setCadence(programme.id(), cadence);
        return Reply.privately(
                ctx.text("command.cadence.done", "programme", programme.name(), "cadence", describe(cadence)));
    }

    /** A cadence as replies describe it: {@code every 2 weeks on Tuesday at 09:30}, in the reader's language. */
    static Text describe(Cadence cadence) {
        return Text.of(
                "command.cadence.describe",
                "weeks",
                cadence.everyWeeks(),
                "day",
                Text.of("command.day", "day", cadence.day().name()),
                "time",
                cadence.time().toString());
    }

    private static DayOfWeek day(String token) {
        String t = token.toLowerCase(Locale.ROOT);
        for (DayOfWeek d : DayOfWeek.values()) {
            String name = d.name().toLowerCase(Locale.ROOT);
            if (t.length() >= 3 && name.startsWith(t)) {
                return d;
            }
        }
        throw new CommandException("command.cadence.error.day", "token", token);
    }
}
