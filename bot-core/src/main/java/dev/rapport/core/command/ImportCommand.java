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
                .withParameters(Parameter.required("file", Parameter.Kind.FILE).shownAs("(attach a CSV file)")));
        this.importer = importer;
    }

    @Override
    public Reply run(CommandContext ctx) {
        ProgrammeView programme = ctx.coordinatedProgramme();
        String csv = ctx.attachment();
        if (csv == null || csv.isBlank()) {
            return Reply.privately(
                    "Attach a CSV file to `/rapport import`. The first line names the columns:\n"
                            + "`mentor_id,mentor_name,mentee_id,mentee_name,start_date,mentor_timezone,mentee_timezone`\n"
                            + "The ids are member ids in this workspace; start_date (YYYY-MM-DD) and the time zones (e.g. Europe/Lisbon) are optional."
                            + " If any line has a problem nothing is imported, and every problem is listed with its line number.");
        }
        try {
            ImportResult result = importer.importCsv(programme, csv);
            return Reply.privately("Imported " + result.pairsAdded() + " pairs into " + programme.name() + " ("
                    + result.newParticipants()
                    + " people new to Rapport). Everyone gets a welcome message; the first check-ins go out "
                    + programme.cadence().describe() + ".");
        } catch (ImportException e) {
            return Reply.privately(e.getMessage() + "\nFix the file and run `/rapport import` again.");
        }
    }
}
