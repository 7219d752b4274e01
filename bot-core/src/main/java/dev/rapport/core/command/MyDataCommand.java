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
                            "Your data in Rapport",
                            List.of(
                                    new Block.Text("Here is everything Rapport stores about you, as JSON: your"
                                            + " profile, your pairs, your check-ins with your own answers and"
                                            + " comments, meetings, and the messages I sent you. The other person's"
                                            + " answers in each pair are theirs and are not included."),
                                    new Block.Attachment(
                                            "rapport-my-data-" + today + ".json", "application/json", json))));
                })
                .orElseGet(() -> Reply.privately("Rapport stores nothing about you here."));
    }
}
