package dev.rapport.slack;

import com.slack.api.model.block.InputBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import com.slack.api.model.block.composition.PlainTextObject;
import com.slack.api.model.block.element.FileInputElement;
import com.slack.api.model.block.element.PlainTextInputElement;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewClose;
import com.slack.api.model.view.ViewSubmit;
import com.slack.api.model.view.ViewTitle;
import java.util.List;

/**
 * The modal {@code /rapport import} opens on Slack, where a slash command cannot carry a file: a file input for the
 * CSV (Slack hands back its {@code url_private}, read with the bot token and scope {@code files:read}), or a box to
 * paste its lines into. Whatever followed "import" in the command ({@code programme="Name"}) travels in the
 * modal's private metadata.
 */
final class ImportModal {

    private ImportModal() {}

    static View view(String callbackId, String fileKey, String textKey, String commandRest) {
        List<LayoutBlock> blocks = List.of(
                SectionBlock.builder()
                        .blockId("about")
                        .text(MarkdownTextObject.builder()
                                .text("Add many pairs at once. The first line names the columns:"
                                        + " `mentor_id,mentor_name,mentee_id,mentee_name`, and optionally `start_date`,"
                                        + " `mentor_timezone`, `mentee_timezone`. Ids are Slack member ids (U…)."
                                        + " Either every pair is added or none is: problems are listed by line.")
                                .build())
                        .build(),
                InputBlock.builder()
                        .blockId(fileKey)
                        .optional(true)
                        .label(plain("CSV file"))
                        .element(FileInputElement.builder()
                                .actionId(fileKey)
                                .filetypes(List.of("csv", "txt"))
                                .maxFiles(1)
                                .build())
                        .build(),
                InputBlock.builder()
                        .blockId(textKey)
                        .optional(true)
                        .label(plain("…or paste the lines"))
                        .element(PlainTextInputElement.builder()
                                .actionId(textKey)
                                .multiline(true)
                                .maxLength(SlackLimits.TEXT_INPUT_MAX_LENGTH)
                                .build())
                        .build());
        String metadata = commandRest == null ? "" : commandRest;
        if (metadata.length() > SlackLimits.PRIVATE_METADATA) {
            metadata = metadata.substring(0, SlackLimits.PRIVATE_METADATA);
        }
        return View.builder()
                .type("modal")
                .callbackId(callbackId)
                .privateMetadata(metadata)
                .title(ViewTitle.builder()
                        .type("plain_text")
                        .text("Import pairs")
                        .build())
                .submit(ViewSubmit.builder().type("plain_text").text("Import").build())
                .close(ViewClose.builder().type("plain_text").text("Cancel").build())
                .blocks(blocks)
                .build();
    }

    private static PlainTextObject plain(String text) {
        return PlainTextObject.builder().text(text).build();
    }
}
