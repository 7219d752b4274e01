package dev.rapport.core.test;

import java.util.List;

/**
 * Words and phrases of Rapport's English texts that a reader in another language must never see: the end-to-end
 * language tests on both platforms look for them in what a French or Spanish reader received.
 */
public final class EnglishWords {

    public static final List<String> SENTINELS = List.of(
            "Welcome",
            "Who sees what",
            "your ",
            "Your ",
            "You ",
            "check-in",
            "Did you meet",
            "Yes",
            "strongly",
            "agree",
            "Add a comment",
            "Reminder",
            "gentle",
            "mentorship",
            "Thank you",
            "Since our",
            " the ");

    private EnglishWords() {}
}
