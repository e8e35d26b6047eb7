package com.disputeassistant.telegram;

import com.disputeassistant.conversation.Channel;
import com.disputeassistant.conversation.OutboundMessage;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The {@code web} channel in tests: keeps what people on the web were sent, for a dispute across channels. */
public final class RecordingWebChannel implements Channel {
    private final List<OutboundMessage> sent = new CopyOnWriteArrayList<>();

    @Override
    public String name() {
        return "web";
    }

    @Override
    public void deliver(OutboundMessage message) {
        sent.add(message);
    }

    /** The texts sent to one web identity, such as {@code web:carol}, in order. */
    public List<String> textsTo(String identity) {
        return sent.stream().filter(m -> m.to().identity().toString().equals(identity)).map(OutboundMessage::text).toList();
    }
}
