package dev.rapport.core.command;

import dev.rapport.core.audit.AuditKind;
import dev.rapport.core.pair.ImportException;
import dev.rapport.core.pair.ImportResult;
import dev.rapport.core.pair.PairImporter;
import dev.rapport.core.programme.ProgrammeView;
import org.springframework.stereotype.Component;

/** {@code /rapport import} with a CSV file attached: add many pairs at once, all or nothing. */
@Component
class ImportCommand extends Subcommand {

    private final PairImporter importer;

    ImportCommand(PairImporter importer) {
        super(Definition.of("import", Audience.COORDINATOR)
                .withAudit(AuditKind.CHANGE)
                .withParameters(
                        Parameter.required("file", Parameter.Kind.FILE).shownAs(Parameter.HINT_KEY + "csv-file")));
        this.importer = importer;
    }

    @Override
    public Reply run(CommandContext ctx) {
        ProgrammeView programme = ctx.coordinatedProgramme();
        String csv = ctx.attachment();
        if (csv == null || csv.isBlank()) {
            return Reply.privately(ctx.text("command.import.how"));
        }
        try {
            ImportResult result = importer.importCsv(programme, csv);
            return Reply.privately(ctx.text(
                    "command.import.done",
                    "pairs",
                    result.pairsAdded(),
                    "programme",
                    programme.name(),
                    "people",
                    result.newParticipants(),
                    "cadence",
                    CadenceCommand.describe(programme.cadence())));
        } catch (ImportException e) {
            // The problems, line by line, are the importer's (pair.PairImporter) texts.
            return Reply.privately(e.message(ctx.locale()) + "\n" + ctx.text("command.import.fix"));
        }
    }
}
