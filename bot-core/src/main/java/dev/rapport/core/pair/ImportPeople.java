package dev.rapport.core.pair;

import dev.rapport.core.chat.ChatUser;
import dev.rapport.core.chat.Mentions;
import dev.rapport.core.chat.Platform;
import dev.rapport.core.programme.ProgrammeView;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A person as an import line names them: the platform's user id in the programme's workspace, or a mention as copied
 * from chat ({@link Mentions#PERSON}), unwrapped; and a name, which falls back to the mention's, then to the id.
 */
final class ImportPeople {

    private static final Pattern SLACK_ID = Pattern.compile("[UW][A-Z0-9]+");
    private static final Pattern DISCORD_ID = Pattern.compile("[0-9]{1,25}");
    private static final int MAX_NAME = 200;

    private static final String NOT_A_SLACK_ID = "is not a Slack member id; use the id (like U02ABCDEF, from the"
            + " profile's ⋮ menu → Copy member ID) or a mention <@U02ABCDEF>, not a name.";
    private static final String NOT_A_DISCORD_ID =
            "is not a Discord user id; use the id (digits, from Copy User ID with"
                    + " developer mode on) or a mention <@123…>, not a name.";

    private ImportPeople() {}

    /**
     * The person in {@code rawId} and {@code name}, or null with the reason added to {@code errors}.
     *
     * @param idColumn and {@code nameColumn}: the columns they came from, for the message
     * @param role "mentor" or "mentee", for the message
     */
    static ChatUser person(
            ProgrammeView programme,
            String rawId,
            String name,
            String idColumn,
            String nameColumn,
            String role,
            int line,
            List<LineError> errors) {
        String id = rawId;
        Matcher m = Mentions.PERSON.matcher(rawId);
        if (m.matches()) {
            id = m.group(1);
            if (name.isEmpty() && m.group(2) != null) {
                name = m.group(2).strip();
            }
        }
        if (id.isEmpty()) {
            errors.add(new LineError(
                    line,
                    idColumn + " is empty; every line needs the " + role + "'s "
                            + (programme.platform() == Platform.DISCORD ? "Discord user id" : "Slack member id")
                            + "."));
            return null;
        }
        boolean slack = programme.platform() == Platform.SLACK;
        if (!(slack ? SLACK_ID : DISCORD_ID).matcher(id).matches()) {
            errors.add(new LineError(
                    line, idColumn + " \"" + rawId + "\" " + (slack ? NOT_A_SLACK_ID : NOT_A_DISCORD_ID)));
            return null;
        }
        if (name.length() > MAX_NAME) {
            errors.add(new LineError(line, nameColumn + " is longer than " + MAX_NAME + " characters."));
            return null;
        }
        return ChatUser.of(programme.platform(), programme.workspaceId(), id, name);
    }
}
