package dev.rapport.slack;

import com.google.gson.FieldNamingPolicy;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.slack.api.model.block.ContextBlockElement;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.TextObject;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.util.json.GsonBlockElementFactory;
import com.slack.api.util.json.GsonContextBlockElementFactory;
import com.slack.api.util.json.GsonLayoutBlockFactory;
import com.slack.api.util.json.GsonTextObjectFactory;

/**
 * The snake-case Gson the Slack SDK sends Block Kit with. The SDK's {@code GsonFactory.createSnakeCase()} lives in
 * {@code slack-api-client}, which the renderer does not depend on (it brings an HTTP client); this is the same
 * configuration, built from the type adapters that {@code slack-api-model} ships.
 */
final class SlackJson {

    static final Gson GSON = new GsonBuilder()
            .setFieldNamingPolicy(FieldNamingPolicy.LOWER_CASE_WITH_UNDERSCORES)
            .registerTypeAdapter(LayoutBlock.class, new GsonLayoutBlockFactory())
            .registerTypeAdapter(BlockElement.class, new GsonBlockElementFactory())
            .registerTypeAdapter(ContextBlockElement.class, new GsonContextBlockElementFactory())
            .registerTypeAdapter(TextObject.class, new GsonTextObjectFactory())
            .create();

    private SlackJson() {}
}
