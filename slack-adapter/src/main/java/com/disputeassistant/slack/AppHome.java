package com.disputeassistant.slack;

import com.disputeassistant.conversation.ConversationEngine;
import com.disputeassistant.dispute.Dispute;
import com.disputeassistant.language.Language;
import com.disputeassistant.language.Texts;
import com.disputeassistant.marketplace.ChannelIdentity;
import com.disputeassistant.slack.sending.Mrkdwn;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The App Home tab: a person's open disputes and the step each is at, read fresh each time the tab
 * is opened. The conversation itself stays in the Messages tab.
 */
final class AppHome {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ConversationEngine engine;

    AppHome(ConversationEngine engine) {
        this.engine = engine;
    }

    /** The home view for a Slack identity, or for a stranger when {@code known} is empty, in their language. */
    String view(Optional<ChannelIdentity> known, Language language) {
        Texts texts = Texts.of(language);
        if (known.isEmpty()) {
            return render(texts.get("slack.home.title.bot"), List.of(texts.get("inbound.stranger.slack")));
        }
        Optional<List<Dispute>> disputes = engine.openDisputesOf(known.get());
        if (disputes.isEmpty()) {
            return render(texts.get("slack.home.title.bot"), List.of(texts.get("slack.home.mediator")));
        }
        List<Dispute> open = disputes.get();
        if (open.isEmpty()) {
            return render(texts.get("slack.home.title"), List.of(texts.get("slack.home.none")));
        }
        return render(texts.get("slack.home.title"), open.stream().map(d -> line(d, texts)).toList());
    }

    private String line(Dispute d, Texts texts) {
        Language language = texts.language();
        String deadline = d.stepDeadline().map(at -> texts.get("slack.home.deadline", language.when(at))).orElse("");
        return texts.get("slack.home.line", Mrkdwn.escape(d.id().toString()), Mrkdwn.escape(d.order().id().toString()),
                Mrkdwn.escape(d.order().title()), engine.stepName(d.step(), language), deadline);
    }

    /** Lines are mrkdwn: the caller escaped anything a person wrote. */
    private static String render(String title, List<String> lines) {
        ObjectNode view = JSON.createObjectNode().put("type", "home");
        ArrayNode blocks = view.putArray("blocks");
        blocks.addObject().put("type", "header").putObject("text").put("type", "plain_text").put("text", title);
        for (String line : lines) {
            blocks.addObject().put("type", "section").putObject("text").put("type", "mrkdwn").put("text", line);
        }
        return JSON.writeValueAsString(view);
    }
}
