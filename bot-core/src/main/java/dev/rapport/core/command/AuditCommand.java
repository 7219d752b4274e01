package dev.rapport.core.command;

import dev.rapport.core.audit.Audit;
import dev.rapport.core.chat.ChatMessage;
import dev.rapport.core.chat.ChatMessage.Block;
import dev.rapport.core.pair.PairView;
import dev.rapport.core.programme.ProgrammeView;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * {@code /rapport audit [#pair | @person]}: what the programme's coordinators read and changed, newest first, for the
 * programme or one pair. Coordinators see each other's record; that is the point of it.
 */
@Component
class AuditCommand extends Subcommand {

    /** The most entries one reply lists; the rest stay in the record until retention removes them. */
    static final int MAX_ROWS = 40;

    private final Audit audit;
    private final PairLookup lookup;

    AuditCommand(Audit audit, PairLookup lookup) {
        super(Definition.of("audit", Audience.COORDINATOR)
                .withParameters(Parameter.optional("pair", Parameter.Kind.PAIR).describedBy(Parameter.SHARED_PAIR)));
        this.audit = audit;
        this.lookup = lookup;
    }

    @Override
    public Reply run(CommandContext ctx) {
        ProgrammeView programme = ctx.coordinatedProgramme();
        PairView pair = ctx.args().isEmpty() ? null : lookup.find(ctx, programme, ctx.arg(0));
        Long pairId = pair == null ? null : pair.id();
        List<Audit.Entry> entries = audit.latest(programme.id(), pairId, MAX_ROWS);
        String subject =
                pair == null ? programme.name() : ctx.text("command.audit.subject.pair", "pair", lookup.describe(pair));
        if (entries.isEmpty()) {
            return Reply.privately(ctx.text("command.audit.none", "subject", subject));
        }
        List<List<String>> rows = new ArrayList<>();
        for (Audit.Entry e : entries) {
            rows.add(List.of(
                    when(ctx, e.at().atZone(programme.zone()).toLocalDateTime()),
                    e.actorName(),
                    ctx.text("command.audit.what", "kind", e.kind().name(), "action", e.action()),
                    e.pairId() == null ? ctx.text("command.audit.whole-programme") : "#" + e.pairId()));
        }
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block.Text(ctx.text(
                "command.audit.heading",
                "subject",
                subject,
                "zone",
                programme.zone().getId())));
        blocks.add(new Block.Table(
                List.of(
                        ctx.text("command.audit.column.when"),
                        ctx.text("command.audit.column.who"),
                        ctx.text("command.audit.column.what"),
                        ctx.text("command.audit.column.pair")),
                rows));
        int total = audit.count(programme.id(), pairId);
        if (total > entries.size()) {
            blocks.add(new Block.Text(ctx.text("command.audit.more", "shown", entries.size(), "total", total)));
        }
        return Reply.privately(new ChatMessage(ctx.text("command.audit.title", "subject", subject), blocks));
    }

    /** When an entry was recorded, to the minute, in the programme's zone. */
    private static String when(CommandContext ctx, LocalDateTime at) {
        return ctx.text(
                "command.audit.at",
                "date",
                at.toLocalDate(),
                "time",
                at.toLocalTime().truncatedTo(ChronoUnit.MINUTES).toString());
    }
}
