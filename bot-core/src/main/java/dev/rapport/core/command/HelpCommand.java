package dev.rapport.core.command;

import dev.rapport.core.chat.Platform;
import dev.rapport.core.i18n.Catalogue;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** {@code /rapport help}: what you can do, for your role. */
@Component
class HelpCommand extends Subcommand {

    private final ObjectProvider<CommandService> service;
    private final dev.rapport.core.programme.ProgrammeService programmes;

    HelpCommand(ObjectProvider<CommandService> service, dev.rapport.core.programme.ProgrammeService programmes) {
        super(Definition.of("help", Audience.EVERYONE));
        this.service = service;
        this.programmes = programmes;
    }

    @Override
    public Reply run(CommandContext ctx) {
        boolean coordinator = ctx.coordinatesAny();
        StringBuilder text =
                new StringBuilder("*Rapport* keeps mentor–mentee pairs on track with a short weekly check-in.\n");
        text.append(
                "Your answers are never shown to the other person in your pair; coordinators see scores and trends, and comments only when you share them.\n\n");
        List<Subcommand> all = service.getObject().subcommands();
        Platform platform = ctx.actor().platform();
        append(text, "For everyone", all, Audience.EVERYONE, platform);
        append(text, "For mentors and mentees", all, Audience.PARTICIPANT, platform);
        if (coordinator) {
            append(text, "For coordinators", all, Audience.COORDINATOR, platform);
            text.append(
                    "\nWith several programmes in this workspace, add `programme=\"Name\"` to a coordinator command.");
        } else {
            text.append("Coordinators have more commands; they see them here.");
        }
        return Reply.privately(text.toString());
    }

    private static void append(
            StringBuilder text, String title, List<Subcommand> all, Audience audience, Platform platform) {
        text.append('*').append(title).append("*\n");
        all.stream()
                .filter(s -> s.audience() == audience)
                .sorted((a, b) -> a.name().compareTo(b.name()))
                .forEach(s -> text.append("• `")
                        .append(CommandService.invocation(s, platform))
                        .append("` – ")
                        .append(Catalogue.standard().text(Locale.ENGLISH, s.summaryKey()))
                        .append('\n'));
    }
}
