package dev.rapport.core.command;

import dev.rapport.core.audit.AuditKind;
import dev.rapport.core.programme.ProgrammeService;
import dev.rapport.core.programme.ProgrammeView;
import dev.rapport.core.programme.Setting;
import java.util.Arrays;
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
                                .shownAs("<setting>"),
                        Parameter.required("value", Parameter.Kind.WORD).shownAs("<value>")));
        this.programmes = programmes;
    }

    @Override
    public Reply run(CommandContext ctx) {
        ProgrammeView programme = ctx.coordinatedProgramme();
        Setting setting = Setting.named(ctx.arg(0))
                .orElseThrow(() -> new CommandException("There is no setting called \"" + ctx.arg(0) + "\". "
                        + "`/rapport settings` lists them: "
                        + String.join(
                                ", ",
                                Arrays.stream(Setting.values())
                                        .map(Setting::key)
                                        .toList()) + "."));
        Double value = programmes.set(programme.id(), setting, ctx.arg(1));
        return Reply.privately(setting.key() + " in " + programme.name() + " is now "
                + (value == null ? "the operator's default" : setting.format(value)) + ".");
    }
}
