package dev.rapport.core.command;

import dev.rapport.core.chat.ChatMessage;
import dev.rapport.core.chat.ChatMessage.Block;
import dev.rapport.core.programme.ProgrammeService;
import dev.rapport.core.programme.ProgrammeView;
import dev.rapport.core.programme.Setting;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
            rows.add(List.of(s.key(), s.format(programmes.setting(programme.id(), s)), s.range(), s.summary()));
        }
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block.Text("*" + programme.name() + "*: check-ins go out on "
                + programme.cadence().day().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " at "
                + programme.cadence().time() + " (each person's local time), every "
                + (programme.cadence().everyWeeks() == 1
                        ? "week"
                        : programme.cadence().everyWeeks() + " weeks")
                + "; the programme's time zone is " + programme.zone().getId() + "."));
        blocks.add(new Block.Table(List.of("Setting", "Now", "Allowed", "What it does"), rows));
        CommandService service = commands.getObject();
        Subcommand set = service.find("set").orElseThrow().subcommand();
        Subcommand cadence = service.find("cadence").orElseThrow().subcommand();
        blocks.add(new Block.Text(
                "Change one with `" + CommandService.invocation(set, ctx.actor().platform())
                        + "` (a value, or `default`), the cadence with `"
                        + CommandService.invocation(cadence, ctx.actor().platform()) + "`."));
        return Reply.privately(new ChatMessage(programme.name() + ": settings", blocks));
    }
}
