package dev.rapport.slack;

import com.slack.api.bolt.context.Context;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.request.views.ViewsOpenRequest;
import com.slack.api.methods.response.views.ViewsOpenResponse;
import com.slack.api.model.view.View;
import dev.rapport.core.inbound.InboundWork;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens a modal before the acknowledgement, as Slack requires: a {@code trigger_id} expires 3 seconds after the tap or
 * command. When Slack refuses, that is logged and whatever the caller wants done about it runs after the
 * acknowledgement.
 */
final class SlackModalOpener {

    private static final Logger log = LoggerFactory.getLogger(SlackModalOpener.class);

    private final InboundWork work;

    SlackModalOpener(InboundWork work) {
        this.work = work;
    }

    void open(Context ctx, String triggerId, View view, InboundWork.Task onFailure) {
        try {
            ViewsOpenResponse opened = ctx.client()
                    .viewsOpen(ViewsOpenRequest.builder()
                            .triggerId(triggerId)
                            .view(view)
                            .build());
            if (!opened.isOk()) {
                log.warn("Slack views.open failed: {}", opened.getError());
                work.submit("answer to a modal that did not open", onFailure, text -> {});
            }
        } catch (IOException | SlackApiException e) {
            log.warn("Slack views.open failed: {}", e.getClass().getSimpleName());
            work.submit("answer to a modal that did not open", onFailure, text -> {});
        }
    }
}
