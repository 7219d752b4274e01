package dev.rapport.slack;

import dev.rapport.core.chat.ChatUser;
import dev.rapport.core.chat.Directory;
import dev.rapport.core.chat.Mentions;
import dev.rapport.core.chat.Platform;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * People as the core should see them in what Slack sends: the person acting, with the name they go by rather than
 * their handle, and the people a command mentions, as {@code <@U123|Ana Silva>}. Slack sends mentions as
 * {@code <@U123>} or {@code <@U123|handle>} (with the command's "escape users" setting on) and escapes {@code &},
 * {@code <} and {@code >} in the rest of the text; that escaping is undone here, except for a typed {@code <@}, so the
 * core reads plain words and only the mentions Slack made. The name in a mention is the directory's (or Slack's handle),
 * never one typed.
 */
final class SlackPeople {

    /** A Slack member id: only a mention of one is Slack's own; anything else in {@code <@…>} stays text. */
    private static final Pattern MEMBER_ID = Pattern.compile("[UW][A-Z0-9]{2,}");

    private final Directory directory;
    private final SlackSetupRights setupRights;

    SlackPeople(Directory directory, SlackSetupRights setupRights) {
        this.directory = directory;
        this.setupRights = setupRights;
    }

    /**
     * The person acting, with what the workspace lets them do ({@link SlackSetupRights}); their handle stands in for a
     * name while Slack's directory cannot be read. Slack has no roles of its own for the core to weigh.
     */
    ChatUser actor(String teamId, String userId, String handle) {
        Optional<Directory.Profile> profile = profileOf(teamId, userId);
        String name = profile.map(Directory.Profile::displayName)
                .filter(n -> !n.isBlank())
                .orElse(handle);
        // Their Slack language (users.info's locale), which the core keeps for the messages it writes to them.
        String locale = profile.map(Directory.Profile::locale).orElse(null);
        return new ChatUser(
                Platform.SLACK, teamId, userId, name, setupRights.maySetUp(teamId, userId), Set.of(), locale);
    }

    /** The command text with names in its mentions and Slack's escaping undone. */
    String withNames(String teamId, String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        Matcher m = Mentions.PERSON.matcher(text);
        int last = 0;
        while (m.find()) {
            if (m.group().startsWith("<@!") || !MEMBER_ID.matcher(m.group(1)).matches()) {
                continue;
            }
            out.append(unescape(text.substring(last, m.start())));
            String name = nameOf(teamId, m.group(1)).orElse(m.group(2));
            out.append(
                    name == null || name.isBlank()
                            ? Mentions.person(m.group(1))
                            : Mentions.person(m.group(1), clean(name)));
            last = m.end();
        }
        out.append(unescape(text.substring(last)));
        return out.toString().strip();
    }

    private Optional<String> nameOf(String teamId, String userId) {
        return profileOf(teamId, userId).map(Directory.Profile::displayName).filter(n -> !n.isBlank());
    }

    private Optional<Directory.Profile> profileOf(String teamId, String userId) {
        try {
            return directory.lookup(teamId, userId);
        } catch (Directory.DirectoryUnavailableException e) {
            return Optional.empty(); // the handle will do; the profile job reads the name later
        }
    }

    /** A name may not close the mention it sits in. */
    private static String clean(String name) {
        return name.replace(">", "").replace("|", "").replace("<", "").strip();
    }

    /**
     * Slack's escaping undone in typed text, except where a {@code <} would open what the core reads as a mention
     * ({@code <@…>}) or another of Slack's special sequences ({@code <#…>}, {@code <!…>}): only Slack writes those, and
     * it writes them unescaped, so typed text stays text.
     */
    static String unescape(String text) {
        return PLAIN_LT.matcher(text).replaceAll("<").replace("&gt;", ">").replace("&amp;", "&");
    }

    /** An escaped {@code <} that is not followed by {@code @}, {@code #} or {@code !}: those stay escaped. */
    private static final Pattern PLAIN_LT = Pattern.compile("&lt;(?![@#!])");
}
