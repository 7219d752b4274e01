package dev.rapport.core.command;

import dev.rapport.core.chat.ChatMessage;
import dev.rapport.core.chat.ChatMessage.Block;
import dev.rapport.core.i18n.Text;
import dev.rapport.core.programme.ProgrammeService;
import dev.rapport.core.programme.ProgrammeView;
import dev.rapport.core.programme.Setting;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** {@code /rapport settings}: the programme's settings, their ranges, and how to change them. */
@Component
class SettingsCommand extends Subcommand {

    private final ProgrammeService programmes;
    private final ObjectProvider<CommandService> commands;

    SettingsCommand(ProgrammeService programmes, ObjectProvider<CommandService> commands) {
        super(Definition.of("settings", Audience.COORDINATOR));
        this.programmes = programmes;
        this.commands = commands;
    }

    @Override
    public Reply run(CommandContext ctx) {
        ProgrammeView programme = ctx.coordinatedProgramme();
        List<List<String>> rows = new ArrayList<>();
        for (Setting s : Setting.values()) {
            rows.add(List.of(
                    s.key(),
                    s.format(programmes.setting(programme.id(), s), ctx.locale()),
                    s.range(ctx.locale()),
                    s.summary(ctx.locale())));
        }
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block.Text(ctx.text(
                "command.settings.heading",
                "programme",
                programme.name(),
                "day",
                Text.of("command.day", "day", programme.cadence().day().name()),
                "time",
                programme.cadence().time().toString(),
                "weeks",
                programme.cadence().everyWeeks(),
                "zone",
                programme.zone().getId())));
        blocks.add(new Block.Table(
                List.of(
                        ctx.text("command.settings.column.setting"),
                        ctx.text("command.settings.column.now"),
                        ctx.text("command.settings.column.allowed"),
                        ctx.text("command.settings.column.what")),
                rows));
        CommandService service = commands.getObject();
        Subcommand set = service.find("set").orElseThrow().subcommand();
        Subcommand cadence = service.find("cadence").orElseThrow().subcommand();
        blocks.add(new Block.Text(ctx.text(
                "command.settings.how",
                "set",
                CommandService.invocation(set, ctx.actor().platform(), ctx.locale()),
                "cadence",
                CommandService.invocation(cadence, ctx.actor().platform(), ctx.locale()))));
        return Reply.privately(
                new ChatMessage(ctx.text("command.settings.title", "programme", programme.name()), blocks));
    }
}
