package dev.rapport.core.command;

import dev.rapport.core.audit.AuditKind;
import dev.rapport.core.chat.ChatMessage;
import dev.rapport.core.chat.ChatMessage.Block;
import dev.rapport.core.export.AnswerExport;
import dev.rapport.core.programme.ProgrammeView;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Component;

/** {@code /rapport export}: every answer of the programme as CSV, respecting confidentiality. */
@Component
class ExportCommand extends Subcommand {

    private final AnswerExport export;

    ExportCommand(AnswerExport export) {
        super(Definition.of("export", Audience.COORDINATOR).withAudit(AuditKind.READ));
        this.export = export;
    }

    @Override
    public Reply run(CommandContext ctx) {
        ProgrammeView programme = ctx.coordinatedProgramme();
        byte[] csv = export.csv(programme.id(), ctx.requireParticipant().id());
        LocalDate today = ctx.clock().instant().atZone(programme.zone()).toLocalDate();
        String file =
                "rapport-" + programme.name().toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
                        + "-answers-" + today + ".csv";
        return Reply.privately(new ChatMessage(
                ctx.text("command.export.title", "programme", programme.name()),
                List.of(
                        new Block.Text(ctx.text("command.export.body", "programme", programme.name())),
                        new Block.Attachment(file, "text/csv", csv))));
    }
}
