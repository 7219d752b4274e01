package dev.rapport.core.command;

import dev.rapport.core.audit.AuditKind;
import dev.rapport.core.programme.ProgrammeService;
import dev.rapport.core.programme.ProgrammeView;
import dev.rapport.core.programme.Setting;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** {@code /rapport set <setting> <value>}: changes one of the programme's settings, checked against its range. */
@Component
class SetCommand extends Subcommand {

    private final ProgrammeService programmes;

    SetCommand(ProgrammeService programmes) {
        super(Definition.of("set", Audience.COORDINATOR)
                .withAudit(AuditKind.CHANGE)
                .withParameters(
                        Parameter.required("setting", Parameter.Kind.WORD)
                                .withChoices(Arrays.stream(Setting.values())
                                        .map(Setting::key)
                                        .toArray(String[]::new))
                                .shownAs(Parameter.HINT_KEY + "setting"),
                        Parameter.required("value", Parameter.Kind.WORD).shownAs(Parameter.HINT_KEY + "value")));
        this.programmes = programmes;
    }

    @Override
    public Reply run(CommandContext ctx) {
        ProgrammeView programme = ctx.coordinatedProgramme();
        Setting setting = Setting.named(ctx.arg(0))
                .orElseThrow(() -> new CommandException(
                        "command.set.error.unknown",
                        "name",
                        ctx.arg(0),
                        "settings",
                        Arrays.stream(Setting.values()).map(Setting::key).collect(Collectors.joining(", "))));
        Double value = programmes.set(programme.id(), setting, ctx.arg(1));
        // A value's unit is the setting's own (programme.Setting#format).
        return Reply.privately(ctx.text(
                "command.set.done",
                "setting",
                setting.key(),
                "programme",
                programme.name(),
                "isDefault",
                value == null ? "yes" : "no",
                "value",
                value == null ? "" : setting.format(value, ctx.locale())));
    }
}
