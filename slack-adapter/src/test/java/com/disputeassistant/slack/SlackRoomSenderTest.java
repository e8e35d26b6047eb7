package com.disputeassistant.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import com.disputeassistant.dispute.DisputeId;
import com.disputeassistant.outbox.OutboxEntry;
import com.disputeassistant.outbox.SendFailure;
import com.disputeassistant.procedure.ProcedureSettings;
import com.disputeassistant.rooms.ChatRoom;
import com.disputeassistant.slack.FakeSlackApi.Call;
import com.disputeassistant.slack.sending.SlackMessage;
import com.disputeassistant.slack.sending.SlackSender;
import com.disputeassistant.testing.TestRedis;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The first message for a dispute's thread posts its card; the next go into the card's thread. */
class SlackRoomSenderTest {
    @RegisterExtension
    static final TestRedis testRedis = new TestRedis();

    private static final String ROOM = "CROOM01";
    private static final DisputeId DISPUTE = new DisputeId("D1");

    private FakeSlackApi api;
    private ChatRoom room;
    private SlackRoomSender sender;

    @BeforeEach
    void start() {
        api = new FakeSlackApi();
        room = ChatRoom.threaded(testRedis.client(), testRedis.prefix(), "slack", ROOM, ProcedureSettings.defaults());
        sender = new SlackRoomSender(new SlackSender(api.url(), "xoxb-test"), room);
    }

    @AfterEach
    void stop() {
        api.close();
    }

    private static OutboxEntry forThread(String text) {
        String body = SlackMessage.render(ROOM, text, List.of()).get(0);
        return new OutboxEntry(ROOM, SlackRoomSender.inThreadOf(body, DISPUTE));
    }

    @Test
    void theFirstPostIsTheCardAndTheNextGoInItsThread() throws SendFailure {
        sender.send(forThread("needs a mediator"));
        sender.send(forThread("You claimed it"));

        List<Call> posts = api.calls("chat.postMessage");
        assertThat(posts).hasSize(2);
        String card = api.tsOf(posts.get(0));
        assertThat(posts.get(0).param("thread_ts")).isNull();
        assertThat(posts.get(1).param("thread_ts")).isEqualTo(card);
        assertThat(posts).allSatisfy(post -> assertThat(post.params()).doesNotContainKey("dispute_thread_of"));
        assertThat(room.threadOf(DISPUTE)).contains(card);
    }

    @Test
    void whileAnotherInstancePostsTheCardAMessageWaitsAndPostsNothing() {
        testRedis.client().set(testRedis.prefix() + "room:{slack}:card:D1", "another instance's entry");

        SendFailure failure = catchThrowableOfType(SendFailure.class, () -> sender.send(forThread("Alice: hello")));

        assertThat(failure.kind()).isEqualTo(SendFailure.Kind.RETRY_AFTER);
        assertThat(failure.retryAfter()).contains(SlackRoomSender.CARD_WAIT);
        assertThat(api.calls("chat.postMessage")).isEmpty();
    }

    @Test
    void directMessagesAndTopLevelPostsArePostedAsQueued() throws SendFailure {
        sender.send(new OutboxEntry("UALICE", SlackMessage.render("UALICE", "hello", List.of()).get(0)));
        sender.send(new OutboxEntry(ROOM, SlackMessage.render(ROOM, "queue", List.of()).get(0)));

        assertThat(api.calls("chat.postMessage")).extracting(call -> call.param("channel"), call -> call.param("thread_ts"))
                .containsExactly(tuple("UALICE", null),
                        tuple(ROOM, null));
        assertThat(room.threadOf(DISPUTE)).isEmpty();
    }
}
