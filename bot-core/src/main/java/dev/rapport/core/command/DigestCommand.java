package dev.rapport.core.command;

import dev.rapport.core.audit.AuditKind;
import dev.rapport.core.digest.DigestPreferences;
import dev.rapport.core.participant.ParticipantView;
import dev.rapport.core.programme.ProgrammeService;
import dev.rapport.core.programme.ProgrammeView;
import dev.rapport.core.programme.Setting;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * {@code /rapport digest [on | off]}: whether the person gets the programme's weekly digest in their DM; without a
 * word, whether they do and on which day. Each coordinator decides for themselves, per programme.
 */
@Component
class DigestCommand extends Subcommand {

    private final DigestPreferences preferences;
    private final ProgrammeService programmes;

    DigestCommand(DigestPreferences preferences, ProgrammeService programmes) {
        super(Definition.of("digest", Audience.COORDINATOR)
                .withAudit(AuditKind.NONE)
                .withParameters(Parameter.optional("switch", Parameter.Kind.WORD)
                        .withChoices("on", "off")
                        .shownAs("on | off")));
        this.preferences = preferences;
        this.programmes = programmes;
    }

    @Override
    public Reply run(CommandContext ctx) {
        ProgrammeView programme = ctx.coordinatedProgramme();
        ParticipantView me = ctx.ensureParticipant(programme.zone());
        // The day as a date, so the catalogue names it in the reader's language.
        LocalDate day = LocalDate.of(2026, 1, 1)
                .with(TemporalAdjusters.nextOrSame(DayOfWeek.of(
                        programmes.setting(programme.id(), Setting.DIGEST_DAY).intValue())));
        if (ctx.args().isEmpty()) {
            boolean wanted = preferences.wanted(programme.id(), me.id());
            return Reply.privately(ctx.text(
                    "digest.command.status", "on", wanted ? "yes" : "no", "programme", programme.name(), "day", day));
        }
        String word = ctx.arg(0).toLowerCase(Locale.ROOT);
        if (!word.equals("on") && !word.equals("off")) {
            throw new CommandException("digest.command.usage", "typed", ctx.arg(0));
        }
        preferences.set(programme.id(), me.id(), word.equals("on"));
        return Reply.privately(ctx.text(
                "digest.command.set",
                "on",
                word.equals("on") ? "yes" : "no",
                "programme",
                programme.name(),
                "day",
                day));
    }
}
