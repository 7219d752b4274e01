package dev.rapport.core.meeting;

import dev.rapport.core.chat.ChatMessage;
import dev.rapport.core.chat.ChatMessage.Block;
import dev.rapport.core.chat.ChatMessage.Choice;
import dev.rapport.core.chat.ChatUser;
import dev.rapport.core.chat.InteractionResult;
import dev.rapport.core.i18n.Catalogue;
import dev.rapport.core.i18n.TextException;
import dev.rapport.core.outbox.OutboxHandler;
import dev.rapport.core.outbox.OutboxKind;
import dev.rapport.core.outbox.OutboxRow;
import dev.rapport.core.outbox.Rendering;
import dev.rapport.core.pair.PairService;
import dev.rapport.core.pair.PairView;
import dev.rapport.core.participant.ParticipantLanguages;
import dev.rapport.core.participant.ParticipantService;
import dev.rapport.core.participant.ParticipantView;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * One-tap meeting logging from the mentor's meeting reminder: the reminder carries "We met today" and "We met
 * yesterday" buttons, and a tap logs the meeting as {@code /rapport meeting} would. The button names the pair; the
 * tap is honoured only from someone in that pair while it is open, so a forged id gains nothing.
 */
@Component
public class MeetingButtons implements OutboxHandler {

    static final String PREFIX = "rapport:meeting:";

    private static final Catalogue CATALOGUE = Catalogue.standard();

    private final ParticipantService participants;
    private final ParticipantLanguages languages;
    private final PairService pairs;
    private final MeetingService meetings;

    MeetingButtons(
            ParticipantService participants,
            ParticipantLanguages languages,
            PairService pairs,
            MeetingService meetings) {
        this.participants = participants;
        this.languages = languages;
        this.pairs = pairs;
        this.meetings = meetings;
    }

    /** The action id of a button that logs a meeting of this pair held {@code daysAgo} days ago (0 or 1). */
    public static String actionId(long pairId, int daysAgo) {
        return PREFIX + pairId + ":" + daysAgo;
    }

    /** Whether an action id is one of these buttons. */
    public static boolean matches(String actionId) {
        return actionId != null && actionId.startsWith(PREFIX);
    }

    @Override
    public Set<OutboxKind> kinds() {
        return Set.of(OutboxKind.MEETING_REMINDER);
    }

    /**
     * The reminder with its buttons; expired when it became pointless while it waited: the pair ended or is paused, or
     * a meeting has been logged since it was written.
     */
    @Override
    public Map<Long, Rendering> render(List<OutboxRow> rows, Instant now) {
        Map<Long, Rendering> out = new HashMap<>();
        for (OutboxRow row : rows) {
            Optional<String> pointless = row.pairId() == null
                    ? Optional.empty()
                    : meetings.pointlessReminder(row.pairId(), row.createdAt(), now);
            out.put(
                    row.id(),
                    pointless.isPresent()
                            ? Rendering.expire(pointless.get(), "the meeting reminder is no longer needed")
                            : Rendering.send(message(row.pairId(), row.payload(), row.language())));
        }
        return out;
    }

    private static ChatMessage message(Long pairId, String payload, Locale in) {
        String text = CATALOGUE.render(in, payload);
        if (pairId == null) {
            return ChatMessage.text(text);
        }
        return new ChatMessage(
                text,
                List.of(
                        new Block.Text(text),
                        new Block.Question(
                                CATALOGUE.text(in, "meeting.reminder.question"),
                                List.of(
                                        new Choice(CATALOGUE.text(in, "meeting.reminder.today"), actionId(pairId, 0)),
                                        new Choice(
                                                CATALOGUE.text(in, "meeting.reminder.yesterday"), actionId(pairId, 1))),
                                null)));
    }

    /** Handles a tap on one of the buttons. */
    public InteractionResult click(ChatUser actor, String actionId) {
        Locale in = languages.languageOf(actor);
        Optional<long[]> parsed = parse(actionId);
        if (parsed.isEmpty()) {
            return new InteractionResult(null, CATALOGUE.text(in, "meeting.reply.unrecognised"), null);
        }
        long pairId = parsed.get()[0];
        int daysAgo = (int) parsed.get()[1];
        Optional<PairView> pair = pairs.find(pairId);
        // The person tapping must be the pair's mentor or mentee (in a Discord DM, known by user id alone).
        Optional<ParticipantView> me = pair.flatMap(p -> participants.findEverywhere(actor).stream()
                .filter(v -> !v.hasLeft() && p.roleOf(v.id()) != null)
                .findFirst());
        if (me.isEmpty()) {
            return new InteractionResult(null, CATALOGUE.text(in, "meeting.reply.not-yours"), null);
        }
        if (pair.get().ended()) {
            return new InteractionResult(null, CATALOGUE.text(in, "meeting.reply.pair-ended"), null);
        }
        ParticipantView person = me.get();
        LocalDate heldOn =
                LocalDate.now(meetings.clock().withZone(person.zone())).minusDays(daysAgo);
        String partner = participants
                .find(pair.get().partnerOf(person.id()))
                .map(ParticipantView::displayName)
                .orElse(CATALOGUE.text(in, "meeting.reply.your-partner"));
        MeetingView logged;
        try {
            logged = meetings.log(pairId, person.id(), heldOn, pair.get().startedOn(), person.zone(), null);
        } catch (TextException e) {
            return new InteractionResult(null, e.text(in), null);
        }
        String line = CATALOGUE.text(
                in,
                logged.alreadyLogged() ? "meeting.reply.already-logged" : "meeting.reply.logged",
                "partner",
                partner,
                "date",
                heldOn);
        return new InteractionResult(
                new ChatMessage(
                        CATALOGUE.text(in, "meeting.reply.summary"),
                        List.of(new Block.Text(line), new Block.Text(CATALOGUE.text(in, "meeting.reply.other-date")))),
                null,
                null);
    }

    private static Optional<long[]> parse(String actionId) {
        if (!matches(actionId) || actionId.length() > 100) {
            return Optional.empty();
        }
        String[] parts = actionId.substring(PREFIX.length()).split(":");
        if (parts.length != 2) {
            return Optional.empty();
        }
        try {
            long pairId = Long.parseLong(parts[0]);
            int daysAgo = Integer.parseInt(parts[1]);
            return daysAgo == 0 || daysAgo == 1 ? Optional.of(new long[] {pairId, daysAgo}) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
