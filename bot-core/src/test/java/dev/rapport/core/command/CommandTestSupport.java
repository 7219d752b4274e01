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

    /**
     * Runs {@code /rapport text} as {@code who}; returns the reply's text, which is always private: its blocks one after
     * the other, a table as its header and rows, one line each, with cells joined by {@code " | "}.
     */
    protected String say(ChatUser who, String text) {
        Reply reply = commands.handle(new CommandRequest(who, text));
        assertThat(reply.ephemeral()).isTrue();
        return reply.message().blocks().stream().map(CommandTestSupport::plain).reduce("", (a, b) -> a + b);
    }

    private static String plain(ChatMessage.Block block) {
        if (block instanceof ChatMessage.Block.Text t) {
            return t.text();
        }
        if (block instanceof ChatMessage.Block.Table t) {
            StringBuilder out = new StringBuilder("\n").append(String.join(" | ", t.headers()));
            t.rows().forEach(row -> out.append('\n').append(String.join(" | ", row)));
            return out.append('\n').toString();
        }
        return block.toString();
    }

    /** A mention of {@code user}, as both platforms write one into a command. */
    protected static String mention(ChatUser user) {
        return "<@" + user.userId() + "|" + user.displayName() + ">";
    }
}
