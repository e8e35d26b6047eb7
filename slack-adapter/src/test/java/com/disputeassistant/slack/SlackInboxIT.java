package com.disputeassistant.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.disputeassistant.outbox.Outbox;
import com.disputeassistant.outbox.OutboxEntry;
import com.disputeassistant.outbox.OutboxSender;
import com.disputeassistant.testing.TestRedis;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The inbox on its own, over the test Redis: order per person, failures retried, unreadable entries kept aside. */
class SlackInboxIT {
    @RegisterExtension
    static final TestRedis testRedis = new TestRedis();

    @Test
    void eachPersonsRequestsAreHandledInOrderAndAFailedOneIsTriedAgain() {
        SlackInbox inbox = new SlackInbox(testRedis.client(), testRedis.prefix());
        List<SlackWork> handled = new CopyOnWriteArrayList<>();
        List<SlackWork> failedOnce = new CopyOnWriteArrayList<>();
        SlackWork first = new SlackWork.Text("T1", "U1", "first", "d1");
        SlackWork second = new SlackWork.Text("T1", "U1", "second", "d2");
        SlackWork home = new SlackWork.HomeOpened("T1", "U2");
        inbox.put(first);
        inbox.put(second);
        inbox.put(home);

        try (OutboxSender worker = inbox.worker(work -> {
            if (work.equals(first) && failedOnce.isEmpty()) {
                failedOnce.add(work);
                throw new IllegalStateException("Redis hiccup");
            }
            handled.add(work);
        }, Clock.systemUTC(), SlackInbox.TAKE_OVER_AFTER)) {
            worker.start();
            Eventually.await(Duration.ofSeconds(10), () -> inbox.waiting() == 0, "the inbox is empty");
        }

        assertThat(handled).containsExactlyInAnyOrder(first, second, home);
        assertThat(handled.stream().filter(work -> work.user().equals("U1"))).containsExactly(first, second);
        assertThat(failedOnce).containsExactly(first);
    }

    @Test
    void anEntryThatIsNoSlackRequestIsDeadLetteredAndTheNextOneHandled() {
        SlackInbox inbox = new SlackInbox(testRedis.client(), testRedis.prefix());
        Outbox queue = new Outbox(testRedis.client(), testRedis.prefix(), SlackInbox.NAME);
        queue.append(List.of(new OutboxEntry("U1", "{\"kind\":\"reaction\"}")));
        SlackWork next = new SlackWork.Text("T1", "U1", "hello", "d1");
        inbox.put(next);
        List<SlackWork> handled = new CopyOnWriteArrayList<>();

        try (OutboxSender worker = inbox.worker(handled::add, Clock.systemUTC(), SlackInbox.TAKE_OVER_AFTER)) {
            worker.start();
            Eventually.await(Duration.ofSeconds(10), () -> inbox.waiting() == 0, "the inbox is empty");
        }

        assertThat(handled).containsExactly(next);
        assertThat(queue.deadLetters()).singleElement()
                .satisfies(dead -> assertThat(dead.reason()).contains("not a Slack request"));
    }
}
