package dev.rapport.core.chat;

import java.util.regex.Pattern;

/**
 * Mentions as both platforms write them in text, and as the core's grammar reads them: a person is {@code <@U123>} or
 * {@code <@U123|name>} (Slack), {@code <@123>} or {@code <@!123>} (Discord; the {@code !} is an older nickname form),
 * and a Discord role is {@code <@&123>}.
 */
public final class Mentions {

    /** A person: group 1 is the user id, group 2 the name after a {@code |}, or null. */
    public static final Pattern PERSON = Pattern.compile("<@!?([A-Za-z0-9]+)(?:\\|([^>]*))?>");

    /** A Discord role: group 1 is the role id. */
    public static final Pattern ROLE = Pattern.compile("<@&(\\d{1,20})>");

    private Mentions() {}

    /** {@code <@id>}. */
    public static String person(String userId) {
        return "<@" + userId + ">";
    }

    /** {@code <@id|name>}: the name must hold no {@code |} or {@code >}. */
    public static String person(String userId, String name) {
        return "<@" + userId + "|" + name + ">";
    }

    /** {@code <@&id>}. */
    public static String role(String roleId) {
        return "<@&" + roleId + ">";
    }
}
