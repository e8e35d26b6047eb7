package com.disputeassistant.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.disputeassistant.marketplace.Address;
import com.disputeassistant.conversation.OutboundMessage;
import com.disputeassistant.conversation.ReplyOption;
import com.disputeassistant.marketplace.ChannelIdentity;
import com.disputeassistant.outbox.ReplyWrite;
import com.disputeassistant.store.RedisDisputeStore;
import com.disputeassistant.testing.TestRedis;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.UnifiedJedis;

class WebChannelIT {
    private static final Instant NOW = Instant.parse("2026-11-20T10:15:30Z");
    private static final ChannelIdentity ALICE = ChannelIdentity.of("web:alice");
    private static final ChannelIdentity BOB = ChannelIdentity.of("web:bob");

    @RegisterExtension
    static final TestRedis testRedis = new TestRedis();

    private UnifiedJedis redis;
    private String prefix;
    private WebChannel channel;
    /** Applies what the channel renders, as a turn's write does. */
    private RedisDisputeStore store;

    @BeforeEach
    void newInboxes() {
        redis = testRedis.client();
        prefix = testRedis.prefix();
        channel = new WebChannel(redis, prefix, Clock.fixed(NOW, ZoneOffset.UTC));
        store = new RedisDisputeStore(redis, prefix, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    /** One message queued on its own, as the answer of a turn without a delivery id. */
    private void deliver(OutboundMessage message) {
        store.queueReplies(null, channel.render(message));
    }

    @Test
    void aTurnsMessagesAreNumberedInItsOwnWriteAndQueuedOnceForItsDeliveryId() {
        List<ReplyWrite> turn = new ArrayList<>(channel.render(to(ALICE, "first")));
        turn.addAll(channel.render(to(ALICE, "second")));
        assertThat(channel.messagesAfter(ALICE, 0).last()).as("rendering writes nothing").isZero();

        assertThat(store.queueReplies("delivery-1", turn)).isTrue();
        assertThat(store.queueReplies("delivery-1", turn)).as("the same delivery again").isFalse();

        InboxPage page = channel.messagesAfter(ALICE, 0);
        assertThat(page.messages()).extracting(InboxMessage::seq, InboxMessage::text)
                .containsExactly(tuple(1L, "first"), tuple(2L, "second"));
    }

    @Test
    void deliveredMessagesComeBackInOrderWithSeqTimeTextAndOptions() {
        deliver(to(ALICE, "Which order is it about?",
                new ReplyOption("o:ORD-1", "ORD-1 Logo"), new ReplyOption("o:ORD-2", "ORD-2 <Report> & \"notes\"")));
        deliver(to(ALICE, "Thanks."));

        InboxPage page = channel.messagesAfter(ALICE, 0);

        assertThat(page.last()).isEqualTo(2);
        assertThat(page.messages()).containsExactly(
                new InboxMessage(1, NOW, "Which order is it about?", List.of(
                        new ReplyOption("o:ORD-1", "ORD-1 Logo"),
                        new ReplyOption("o:ORD-2", "ORD-2 <Report> & \"notes\""))),
                new InboxMessage(2, NOW, "Thanks.", List.of()));
    }

    @Test
    void storesEachMessageAsJsonWithSeqFirstUnderTheIdentitysKey() {
        deliver(to(ALICE, "line one\nline \"two\"", new ReplyOption("yes", "Yes")));

        List<String> stored = redis.lrange(prefix + "web:inbox:{web:alice}", 0, -1);

        assertThat(stored).containsExactly("{\"seq\":1,\"at\":\"2026-11-20T10:15:30Z\","
                + "\"text\":\"line one\\nline \\\"two\\\"\",\"options\":[{\"id\":\"yes\",\"label\":\"Yes\"}]}");
        assertThat(redis.get(prefix + "web:seq:{web:alice}")).isEqualTo("1");
    }

    @Test
    void pollingAfterASeqReturnsOnlyNewerMessages() {
        for (int i = 1; i <= 5; i++) {
            deliver(to(ALICE, "message " + i));
        }

        assertThat(channel.messagesAfter(ALICE, 3).messages())
                .extracting(InboxMessage::seq, InboxMessage::text)
                .containsExactly(tuple(4L, "message 4"),
                        tuple(5L, "message 5"));
        InboxPage upToDate = channel.messagesAfter(ALICE, 5);
        assertThat(upToDate.messages()).isEmpty();
        assertThat(upToDate.last()).isEqualTo(5);
    }

    @Test
    void inboxesArePerIdentity() {
        deliver(to(ALICE, "for alice"));
        deliver(to(BOB, "for bob 1"));
        deliver(to(BOB, "for bob 2"));

        assertThat(channel.messagesAfter(ALICE, 0).messages()).extracting(InboxMessage::text).containsExactly("for alice");
        assertThat(channel.messagesAfter(BOB, 0).messages()).extracting(InboxMessage::seq).containsExactly(1L, 2L);
    }

    @Test
    void anIdentityThatNeverGotAMessageHasAnEmptyInboxAtSeqZero() {
        assertThat(channel.messagesAfter(ALICE, 0)).isEqualTo(new InboxPage(List.of(), 0));
    }

    @Test
    void askingAfterASeqBeyondTheLastReturnsNothingAndTheRealLast() {
        deliver(to(ALICE, "only one"));

        assertThat(channel.messagesAfter(ALICE, 40)).isEqualTo(new InboxPage(List.of(), 1));
    }

    @Test
    void keepsOnlyTheNewestMessagesButKeepsCounting() {
        int delivered = WebChannel.INBOX_CAPACITY + 7;
        for (int i = 1; i <= delivered; i++) {
            deliver(to(ALICE, "message " + i));
        }

        assertThat(redis.llen(prefix + "web:inbox:{web:alice}")).isEqualTo(WebChannel.INBOX_CAPACITY);
        InboxPage all = channel.messagesAfter(ALICE, 0);
        assertThat(all.last()).isEqualTo(delivered);
        assertThat(all.messages()).hasSize(WebChannel.INBOX_CAPACITY);
        assertThat(all.messages().get(0).seq()).isEqualTo(8);
        assertThat(all.messages().get(0).text()).isEqualTo("message 8");
        assertThat(channel.messagesAfter(ALICE, delivered - 2).messages())
                .extracting(InboxMessage::seq).containsExactly((long) delivered - 1, (long) delivered);
    }

    @Test
    void skipsAnEntrySomeoneBrokeByHandAndStillReturnsTheRest() {
        deliver(to(ALICE, "first"));
        redis.lset(prefix + "web:inbox:{web:alice}", 0, "not json");
        deliver(to(ALICE, "second"));

        InboxPage page = channel.messagesAfter(ALICE, 0);

        assertThat(page.messages()).extracting(InboxMessage::text).containsExactly("second");
        assertThat(page.last()).isEqualTo(2);
    }

    @Test
    void refusesMessagesForAnotherChannel() {
        OutboundMessage toTelegram = to(ChannelIdentity.of("telegram:42"), "hi");

        assertThatThrownBy(() -> channel.render(toTelegram)).isInstanceOf(IllegalArgumentException.class);
        assertThat(channel.messagesAfter(ChannelIdentity.of("telegram:42"), 0).last()).isZero();
    }

    private static OutboundMessage to(ChannelIdentity identity, String text, ReplyOption... options) {
        return new OutboundMessage(Address.of(identity), text, List.of(options));
    }
}
