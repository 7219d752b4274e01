package dev.rapport.core.command;

import dev.rapport.core.chat.ChatMessage;
import dev.rapport.core.chat.ChatMessage.Block;
import dev.rapport.core.privacy.PersonalData;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.stereotype.Component;

/** {@code /rapport my-data}: a file with everything Rapport stores about the person who asks, and nothing else. */
@Component
class MyDataCommand extends Subcommand {

    private final PersonalData data;

    MyDataCommand(PersonalData data) {
        super(Definition.of("my-data", Audience.EVERYONE));
        this.data = data;
    }

    @Override
    public Reply run(CommandContext ctx) {
        return data.copyFor(ctx.actor())
                .map(json -> {
                    LocalDate today =
                            ctx.clock().instant().atZone(ZoneOffset.UTC).toLocalDate();
                    return Reply.privately(new ChatMessage(
                            ctx.text("command.my-data.title"),
                            List.of(
                                    new Block.Text(ctx.text("command.my-data.body")),
                                    new Block.Attachment(
                                            "rapport-my-data-" + today + ".json", "application/json", json))));
                })
                .orElseGet(() -> Reply.privately(ctx.text("command.my-data.nothing")));
    }
}
