package dev.rapport.core.command;

import dev.rapport.core.audit.AuditKind;
import dev.rapport.core.chat.ChatMessage;
import dev.rapport.core.chat.ChatMessage.Block;
import dev.rapport.core.export.AnswerExport;
import dev.rapport.core.programme.ProgrammeView;
import dev.rapport.core.research.ResearchExport;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * {@code /rapport export}: every answer of the programme as CSV, respecting confidentiality. {@code /rapport export
 * research}: the answers of the participants who consented to research, pseudonymised, with a codebook and a summary,
 * as one ZIP file ({@link ResearchExport}); recorded in the audit as {@code export research}.
 */
@Component
class ExportCommand extends Subcommand {

    static final String RESEARCH = "research";

    private final AnswerExport export;
    private final ResearchExport research;

    ExportCommand(AnswerExport export, ResearchExport research) {
        super(Definition.of("export", Audience.COORDINATOR)
                .withAudit(AuditKind.READ)
                .withParameters(Parameter.optional("kind", Parameter.Kind.WORD).withChoices(RESEARCH)));
        this.export = export;
        this.research = research;
    }

    @Override
    public Reply run(CommandContext ctx) {
        if (!ctx.args().isEmpty()) {
            if (!ctx.arg(0).equalsIgnoreCase(RESEARCH) || ctx.args().size() > 1) {
                throw ctx.usageError();
            }
            return research(ctx);
        }
        ProgrammeView programme = ctx.coordinatedProgramme();
        byte[] csv = export.csv(programme.id(), ctx.requireParticipant().id());
        LocalDate today = ctx.clock().instant().atZone(programme.zone()).toLocalDate();
        String file = "rapport-" + programme.name().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-") + "-answers-"
                + today + ".csv";
        return Reply.privately(new ChatMessage(
                ctx.text("command.export.title", "programme", programme.name()),
                List.of(
                        new Block.Text(ctx.text("command.export.body", "programme", programme.name())),
                        new Block.Attachment(file, "text/csv", csv))));
    }

    private Reply research(CommandContext ctx) {
        ProgrammeView programme = ctx.coordinatedProgramme();
        long viewer = ctx.requireParticipant().id();
        LocalDate today = ctx.clock().instant().atZone(programme.zone()).toLocalDate();
        ResearchExport.Result result = research.export(programme.id(), viewer, ctx.locale(), today);
        ctx.auditAs(name() + " " + RESEARCH);
        // The file is named by its date only: it is meant to leave the programme, and names nobody.
        return Reply.privately(new ChatMessage(
                ctx.text("research.export.summary", "programme", programme.name()),
                List.of(
                        new Block.Text(ctx.text(
                                "research.export.body",
                                "programme",
                                programme.name(),
                                "people",
                                result.people(),
                                "answers",
                                result.answers())),
                        new Block.Attachment("rapport-research-" + today + ".zip", "application/zip", result.zip()))));
    }
}
