package dev.rapport.core.command;

import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** {@code /rapport help}: what you can do, for your role. */
@Component
class HelpCommand implements Subcommand {

    private final ObjectProvider<CommandService> service;
    private final dev.rapport.core.programme.ProgrammeService programmes;

    HelpCommand(ObjectProvider<CommandService> service, dev.rapport.core.programme.ProgrammeService programmes) {
        this.service = service;
        this.programmes = programmes;
    }

    @Override
    public String name() {
        return "help";
    }

    @Override
    public Audience audience() {
        return Audience.EVERYONE;
    }

    @Override
    public String usage() {
        return "help";
    }

    @Override
    public String summary() {
        return "What you can do with Rapport";
    }

    @Override
    public Reply run(CommandContext ctx) {
        boolean coordinator = ctx.coordinatesAny();
        StringBuilder text =
                new StringBuilder("*Rapport* keeps mentor–mentee pairs on track with a short weekly check-in.\n");
        text.append(
                "Your answers are never shown to the other person in your pair; coordinators see scores and trends, and comments only when you share them.\n\n");
        List<Subcommand> all = service.getObject().subcommands();
        append(text, "For everyone", all, Audience.EVERYONE);
        append(text, "For mentors and mentees", all, Audience.PARTICIPANT);
        if (coordinator) {
            append(text, "For coordinators", all, Audience.COORDINATOR);
            text.append(
                    "\nWith several programmes in this workspace, add `programme=\"Name\"` to a coordinator command.");
        } else {
            text.append("Coordinators have more commands; they see them here.");
        }
        return Reply.privately(text.toString());
    }

    private static void append(StringBuilder text, String title, List<Subcommand> all, Audience audience) {
        text.append('*').append(title).append("*\n");
        all.stream()
                .filter(s -> s.audience() == audience)
                .sorted((a, b) -> a.name().compareTo(b.name()))
                .forEach(s -> text.append("• `/rapport ")
                        .append(s.usage())
                        .append("` – ")
                        .append(s.summary())
                        .append('\n'));
    }
}
