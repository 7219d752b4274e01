package dev.rapport.core.participant;

import dev.rapport.core.chat.ChatMessage;
import dev.rapport.core.chat.ChatMessage.Block;
import dev.rapport.core.chat.ChatUser;
import dev.rapport.core.chat.Form;
import dev.rapport.core.chat.InteractionResult;
import dev.rapport.core.i18n.Catalogue;
import dev.rapport.core.i18n.Languages;
import dev.rapport.core.outbox.OutboxHandler;
import dev.rapport.core.outbox.OutboxKind;
import dev.rapport.core.outbox.OutboxRow;
import dev.rapport.core.outbox.Rendering;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The onboarding question "which time zone are you in?": its message (a button that opens a one-field form), the
 * form, and the answer. For people whose platform does not tell Rapport their zone (Discord).
 */
@Component
public class TimeZoneForm implements OutboxHandler {

    /** The action id of the button that opens the form. */
    public static final String OPEN = "rapport:timezone";

    /** The form's id, handed back with the submitted values. */
    public static final String SUBMIT = "rapport:timezone-form";

    static final String FIELD = "zone";

    private static final Catalogue CATALOGUE = Catalogue.standard();

    private final ParticipantService participants;
    private final ParticipantLanguages languages;

    TimeZoneForm(ParticipantService participants, ParticipantLanguages languages) {
        this.participants = participants;
        this.languages = languages;
    }

    /** The form: one short text field for an IANA zone name; in English. */
    public static Form form() {
        return form(Languages.ENGLISH);
    }

    /** The form in a language. */
    public static Form form(Locale in) {
        return new Form(
                SUBMIT,
                CATALOGUE.text(in, "timezone.form.title"),
                CATALOGUE.text(in, "timezone.form.save"),
                List.of(new Form.Field.TextInput(FIELD, CATALOGUE.text(in, "timezone.form.field"), false, 64, true)));
    }

    @Override
    public Set<OutboxKind> kinds() {
        return Set.of(OutboxKind.TIME_ZONE_QUESTION);
    }

    @Override
    public Map<Long, Rendering> render(List<OutboxRow> rows, Instant now) {
        Map<Long, Rendering> out = new HashMap<>();
        for (OutboxRow row : rows) {
            Locale in = row.language();
            out.put(
                    row.id(),
                    Rendering.send(new ChatMessage(
                            CATALOGUE.text(in, "timezone.question.summary"),
                            List.of(
                                    new Block.Text(CATALOGUE.render(in, row.payload())),
                                    new Block.FormButton(CATALOGUE.text(in, "timezone.question.button"), OPEN)))));
        }
        return out;
    }

    /** Saves the zone someone typed into the form, or says plainly what was wrong with it. */
    public InteractionResult submit(ChatUser actor, Map<String, String> values) {
        String typed = values.getOrDefault(FIELD, "").strip();
        Optional<ZoneId> zone = Zones.parse(typed);
        Locale in = languages.languageOf(actor);
        if (zone.isEmpty()) {
            return new InteractionResult(
                    null, CATALOGUE.text(in, "zone.error.try-again", "problem", Zones.unknownText(typed)), null);
        }
        // On Discord the question comes in a DM, which belongs to no server: the zone is the person's everywhere.
        List<ParticipantView> me = participants.findEverywhere(actor).stream()
                .filter(p -> !p.hasLeft())
                .toList();
        if (me.isEmpty()) {
            return new InteractionResult(null, CATALOGUE.text(in, "timezone.reply.not-a-participant"), null);
        }
        me.forEach(p -> participants.setTimeZone(p.id(), zone.get()));
        return new InteractionResult(
                ChatMessage.text(CATALOGUE.text(
                        in, "timezone.reply.saved", "zone", zone.get().getId())),
                null,
                null);
    }
}
