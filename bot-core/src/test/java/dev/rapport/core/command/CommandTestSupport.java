package dev.rapport.core.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.core.chat.ChatMessage;
import dev.rapport.core.chat.ChatUser;
import dev.rapport.core.test.CoreTestSupport;
import org.springframework.beans.factory.annotation.Autowired;

/** Core tests that talk to Rapport as people do, with {@code /rapport} commands. */
abstract class CommandTestSupport extends CoreTestSupport {

    @Autowired
    protected CommandService commands;

    /** Runs {@code /rapport text} as {@code who}; returns the reply's text, which is always private. */
    protected String say(ChatUser who, String text) {
        Reply reply = commands.handle(new CommandRequest(who, text));
        assertThat(reply.ephemeral()).isTrue();
        return reply.message().blocks().stream()
                .map(b -> b instanceof ChatMessage.Block.Text t ? t.text() : b.toString())
                .reduce("", (a, b) -> a + b);
    }

    /** A mention of {@code user}, as both platforms write one into a command. */
    protected static String mention(ChatUser user) {
        return "<@" + user.userId() + "|" + user.displayName() + ">";
    }
}
