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
import dev.rapport.core.i18n.Catalogue;
import java.util.List;
import java.util.Locale;

/**
 * The modal {@code /rapport import} opens on Slack, where a slash command cannot carry a file: a file input for the
 * CSV (Slack hands back its {@code url_private}, read with the bot token and scope {@code files:read}), or a box to
 * paste its lines into. Whatever followed "import" in the command ({@code programme="Name"}) travels in the
 * modal's private metadata. Its words are the catalogue's, in the coordinator's language.
 */
final class ImportModal {

    private static final Catalogue CATALOGUE = Catalogue.standard();

    private ImportModal() {}

    static View view(String callbackId, String fileKey, String textKey, String commandRest, Locale language) {
        List<LayoutBlock> blocks = List.of(
                SectionBlock.builder()
                        .blockId("about")
                        .text(MarkdownTextObject.builder()
                                .text(CATALOGUE.text(language, "slack.import.about"))
                                .build())
                        .build(),
                InputBlock.builder()
                        .blockId(fileKey)
                        .optional(true)
                        .label(plain(CATALOGUE.text(language, "slack.import.file")))
                        .element(FileInputElement.builder()
                                .actionId(fileKey)
                                .filetypes(List.of("csv", "txt"))
                                .maxFiles(1)
                                .build())
                        .build(),
                InputBlock.builder()
                        .blockId(textKey)
                        .optional(true)
                        .label(plain(CATALOGUE.text(language, "slack.import.paste")))
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
                        .text(SlackLimits.truncate(
                                CATALOGUE.text(language, "slack.import.title"), SlackLimits.VIEW_TITLE))
                        .build())
                .submit(ViewSubmit.builder()
                        .type("plain_text")
                        .text(SlackLimits.truncate(
                                CATALOGUE.text(language, "slack.import.submit"), SlackLimits.VIEW_TITLE))
                        .build())
                .close(ViewClose.builder()
                        .type("plain_text")
                        .text(SlackLimits.truncate(
                                CATALOGUE.text(language, "slack.form.cancel"), SlackLimits.VIEW_TITLE))
                        .build())
                .blocks(blocks)
                .build();
    }

    private static PlainTextObject plain(String text) {
        return PlainTextObject.builder().text(text).build();
    }
}
