package dev.rapport.core.pair;

import dev.rapport.core.chat.ChatUser;
import dev.rapport.core.chat.Mentions;
import dev.rapport.core.chat.Platform;
import dev.rapport.core.i18n.Text;
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
                    Text.of(
                            "import.error.no-id",
                            "column",
                            idColumn,
                            "role",
                            role,
                            "platform",
                            programme.platform().name())));
            return null;
        }
        boolean slack = programme.platform() == Platform.SLACK;
        if (!(slack ? SLACK_ID : DISCORD_ID).matcher(id).matches()) {
            errors.add(new LineError(
                    line,
                    Text.of(
                            "import.error.not-an-id",
                            "column",
                            idColumn,
                            "value",
                            rawId,
                            "platform",
                            programme.platform().name())));
            return null;
        }
        if (name.length() > MAX_NAME) {
            errors.add(
                    new LineError(line, Text.of("import.error.name-too-long", "column", nameColumn, "max", MAX_NAME)));
            return null;
        }
        return ChatUser.of(programme.platform(), programme.workspaceId(), id, name);
    }
}
