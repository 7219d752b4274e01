package dev.rapport.core.interaction;

import dev.rapport.core.chat.ChatUser;
import dev.rapport.core.chat.Form;
import dev.rapport.core.chat.InteractionResult;
import dev.rapport.core.checkin.ActionId;
import dev.rapport.core.checkin.CheckInComposer;
import dev.rapport.core.checkin.CheckInService;
import dev.rapport.core.digest.DigestActions;
import dev.rapport.core.i18n.Languages;
import dev.rapport.core.meeting.MeetingButtons;
import dev.rapport.core.participant.ParticipantLanguages;
import dev.rapport.core.participant.ParticipantService;
import dev.rapport.core.participant.TimeZoneForm;
import dev.rapport.core.participant.WelcomeMessage;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * The one entry for everything a person taps or submits in a Rapport message: check-in answers and the comment
 * form, the meeting reminder's buttons, the time-zone question, a digest's buttons and the welcome's research-consent
 * buttons. Adapters hand over the action or form id they
 * received, verbatim, with who acted; each feature checks that the person may act on what the id names.
 */
@Service
public class InteractionService {

    private final CheckInService checkIns;
    private final MeetingButtons meetingButtons;
    private final TimeZoneForm timeZoneForm;
    private final ParticipantService participants;
    private final ParticipantLanguages languages;
    private final DigestTaps digestTaps;
    private final WelcomeMessage welcome;

    InteractionService(
            CheckInService checkIns,
            MeetingButtons meetingButtons,
            TimeZoneForm timeZoneForm,
            ParticipantService participants,
            ParticipantLanguages languages,
            DigestTaps digestTaps,
            WelcomeMessage welcome) {
        this.digestTaps = digestTaps;
        this.welcome = welcome;
        this.checkIns = checkIns;
        this.meetingButtons = meetingButtons;
        this.timeZoneForm = timeZoneForm;
        this.participants = participants;
        this.languages = languages;
    }

    /** Handles a tap on a button. */
    public InteractionResult click(ChatUser actor, String actionId) {
        // Whoever taps a button in a direct message can evidently be reached there again.
        participants.markReachable(actor);
        languages.platformLocale(actor, actor.locale());
        if (MeetingButtons.matches(actionId)) {
            return meetingButtons.click(actor, actionId);
        }
        if (TimeZoneForm.OPEN.equals(actionId)) {
            return new InteractionResult(null, null, TimeZoneForm.form());
        }
        if (DigestActions.matches(actionId)) {
            return digestTaps.click(actor, actionId);
        }
        if (WelcomeMessage.matches(actionId)) {
            return welcome.click(actor, actionId);
        }
        return checkIns.click(actor, actionId);
    }

    /** Handles a submitted form. */
    public InteractionResult submit(ChatUser actor, String formId, Map<String, String> values) {
        languages.platformLocale(actor, actor.locale());
        if (TimeZoneForm.SUBMIT.equals(formId)) {
            return timeZoneForm.submit(actor, values);
        }
        return checkIns.submitComment(actor, formId, values);
    }

    /**
     * Whether an action id is one this version of Rapport handles, decided from the id alone, without the database. A
     * button on an older message may carry an id it no longer knows; adapters answer such a tap by saying the message
     * is out of date, rather than as an error.
     */
    public static boolean recognises(String actionId) {
        return MeetingButtons.matches(actionId)
                || TimeZoneForm.OPEN.equals(actionId)
                || DigestActions.parse(actionId).isPresent()
                || WelcomeMessage.matches(actionId)
                || ActionId.parse(actionId).isPresent();
    }

    /**
     * The form a button opens, decided from its action id alone, without the database. Slack must open a modal within
     * 3 seconds of the tap (its {@code trigger_id} expires), so its adapter opens this at once; whether the person may
     * use the form is checked when it is submitted.
     */
    public static Optional<Form> formOpenedBy(String actionId) {
        return formOpenedBy(actionId, Languages.ENGLISH);
    }

    /**
     * {@link #formOpenedBy(String)} in a language: an adapter that knows the person's from the tap itself (Discord's
     * interaction {@code locale}) passes it, still without the database.
     */
    public static Optional<Form> formOpenedBy(String actionId, Locale in) {
        return form(actionId, TimeZoneForm.OPEN, ActionId.OpenComment.class, in);
    }

    /**
     * The form a submission with this id came from, decided from the id alone, so an adapter can check what the form
     * itself limits (a text's {@code maxLength}) before it acknowledges, while the person can still correct it.
     */
    public static Optional<Form> formSubmittedAs(String formId) {
        return form(formId, TimeZoneForm.SUBMIT, ActionId.SubmitComment.class, Languages.ENGLISH);
    }

    /** The time-zone form when {@code id} is {@code timeZoneId}, or the comment form of an id of {@code commentKind}. */
    private static Optional<Form> form(String id, String timeZoneId, Class<? extends ActionId> commentKind, Locale in) {
        if (timeZoneId.equals(id)) {
            return Optional.of(TimeZoneForm.form(in));
        }
        return ActionId.parse(id)
                .filter(commentKind::isInstance)
                .map(a -> CheckInComposer.commentForm(a.checkInId(), in));
    }
}
