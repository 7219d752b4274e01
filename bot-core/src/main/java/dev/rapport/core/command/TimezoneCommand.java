package dev.rapport.core.command;

import dev.rapport.core.participant.ParticipantService;
import java.time.ZoneId;
import org.springframework.stereotype.Component;

/** {@code /rapport timezone Europe/Lisbon}: check-ins arrive at the programme's time in your zone. */
@Component
class TimezoneCommand extends Subcommand {

    private final ParticipantService participants;

    TimezoneCommand(ParticipantService participants) {
        super(Definition.of("timezone", Audience.PARTICIPANT)
                .withParameters(Parameter.optional("zone", Parameter.Kind.TIME_ZONE)));
        this.participants = participants;
    }

    @Override
    public Reply run(CommandContext ctx) {
        var me = ctx.requireParticipant();
        if (ctx.args().isEmpty()) {
            return Reply.privately(
                    ctx.text("command.timezone.now", "zone", me.zone().getId()));
        }
        ZoneId zone = CommandContext.zone(ctx.arg(0));
        participants.setTimeZone(me.id(), zone);
        return Reply.privately(ctx.text("command.timezone.done", "zone", zone.getId()));
    }
}
