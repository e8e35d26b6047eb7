package com.disputeassistant.slack;

import com.disputeassistant.conversation.ConversationEngine;
import com.disputeassistant.dispute.Dispute;
import com.disputeassistant.marketplace.ChannelIdentity;
import com.disputeassistant.marketplace.Marketplace;
import com.disputeassistant.marketplace.Person;
import com.disputeassistant.slack.sending.Mrkdwn;
import com.disputeassistant.store.DisputeStore;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The App Home tab: a person's open disputes and the step each is at, read fresh from the store each
 * time the tab is opened. The conversation itself stays in the Messages tab.
 */
final class AppHome {
    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final DisputeStore store;
    private final Marketplace marketplace;
    private final ConversationEngine engine;

    AppHome(DisputeStore store, Marketplace marketplace, ConversationEngine engine) {
        this.store = store;
        this.marketplace = marketplace;
        this.engine = engine;
    }

    /** The home view for a Slack identity, or for a stranger when {@code known} is empty. */
    String view(Optional<ChannelIdentity> known) {
        Optional<Person> person = known.flatMap(marketplace::personByIdentity);
        if (known.isEmpty()) {
            return render("Dispute Assistant", List.of(SlackInbound.STRANGER));
        }
        if (person.isEmpty()) {
            return render("Dispute Assistant", List.of("You are a mediator here: disputes handed to a mediator "
                    + "reach you in the Messages tab."));
        }
        List<Dispute> open = store.loadOpenDisputesOf(person.get().id());
        if (open.isEmpty()) {
            return render("Your disputes", List.of("You have no open disputes. Type /dispute in the Messages tab "
                    + "to open one about one of your orders."));
        }
        return render("Your disputes", open.stream().map(this::line).toList());
    }

    private String line(Dispute d) {
        String deadline = d.stepDeadline().map(at -> "; answer by " + WHEN.format(at)).orElse("");
        return "*" + Mrkdwn.escape(d.id().toString()) + "*: order " + Mrkdwn.escape(d.order().id().toString())
                + " \"" + Mrkdwn.escape(d.order().title()) + "\"\nNow: " + engine.stepName(d.step()) + deadline;
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
