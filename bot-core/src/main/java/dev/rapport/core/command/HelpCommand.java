package dev.rapport.core.command;

import dev.rapport.core.chat.Platform;
import java.util.Comparator;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** {@code /rapport help}: what you can do, for your role, in your language. */
@Component
class HelpCommand extends Subcommand {

    private final ObjectProvider<CommandService> service;

    HelpCommand(ObjectProvider<CommandService> service) {
        super(Definition.of("help", Audience.EVERYONE));
        this.service = service;
    }

    @Override
    public Reply run(CommandContext ctx) {
        boolean coordinator = ctx.coordinatesAny();
        StringBuilder text = new StringBuilder(ctx.text("command.help.intro")).append("\n\n");
        List<Subcommand> all = service.getObject().subcommands();
        append(ctx, text, "command.help.section.everyone", all, Audience.EVERYONE);
        append(ctx, text, "command.help.section.participants", all, Audience.PARTICIPANT);
        if (coordinator) {
            append(ctx, text, "command.help.section.coordinators", all, Audience.COORDINATOR);
            text.append('\n').append(ctx.text("command.help.several-programmes"));
        } else {
            text.append(ctx.text("command.help.more"));
        }
        return Reply.privately(text.toString());
    }

    private static void append(
            CommandContext ctx, StringBuilder text, String title, List<Subcommand> all, Audience audience) {
        Platform platform = ctx.actor().platform();
        text.append('*').append(ctx.text(title)).append("*\n");
        all.stream()
                .filter(s -> s.audience() == audience)
                .sorted(Comparator.comparing(Subcommand::name))
                .forEach(s -> text.append(ctx.text(
                                "command.help.line",
                                "invocation",
                                CommandService.invocation(s, platform, ctx.locale()),
                                "summary",
                                ctx.text(s.summaryKey())))
                        .append('\n'));
    }
}
