package com.disputeassistant.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.disputeassistant.outbox.OutboxSender;
import com.disputeassistant.testing.RedisTestSupport;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A request acked by an instance that stops before handling it is not lost: it waits in the inbox, and
 * another instance's worker takes it over and handles it, once.
 */
// Closed after the class: the test stops the context's inbox worker.
@DirtiesContext
@SpringBootTest(classes = SlackTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SlackTakeOverIT {
    private static final String PREFIX = RedisTestSupport.uniquePrefix();
    private static final FakeSlackApi API = new FakeSlackApi();

    @DynamicPropertySource
    static void slack(DynamicPropertyRegistry properties) {
        SlackTestApplication.httpModeProperties(properties, PREFIX, API);
    }

    @LocalServerPort
    int port;
    @Autowired
    SlackInbox inbox;
    @Autowired
    SlackInbound inbound;
    @Autowired
    @Qualifier("slackInboxWorker")
    OutboxSender contextWorker;

    @AfterAll
    static void cleanUp() {
        SlackTestApplication.cleanUp(PREFIX, API);
    }

    @Test
    void aRequestAckedByAnInstanceThatStoppedBeforeHandlingItIsHandledOnceByAnotherAfterTheTakeOver()
            throws InterruptedException {
        // This instance's worker is replaced by one that takes the request and then hangs past its longest
        // allowed handling, as if the instance had died right there: it never handles it, and its heartbeat stops.
        contextWorker.close();
        CountDownLatch taken = new CountDownLatch(1);
        CountDownLatch released = new CountDownLatch(1);
        OutboxSender dying = inbox.worker(work -> {
            taken.countDown();
            try {
                released.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("this instance is gone");
        }, Clock.systemUTC(), Duration.ofMillis(300));
        AtomicInteger handledByOther = new AtomicInteger();
        OutboxSender other = inbox.worker(work -> {
            handledByOther.incrementAndGet();
            inbound.handle(work);
        }, Clock.systemUTC(), Duration.ofMillis(300));
        try {
            dying.start();
            SlackUser lena = new SlackUser("ULENA", new SignedHttp(port, SlackTestApplication.SIGNING_SECRET), API);

            lena.says("help");

            assertThat(taken.await(10, TimeUnit.SECONDS)).as("the first worker took the request").isTrue();
            assertThat(inbox.waiting()).isEqualTo(1);
            assertThat(API.calls("chat.postMessage")).isEmpty();

            other.start();

            lena.received("I help clients and experts");
            Eventually.await(Duration.ofSeconds(10), () -> inbox.waiting() == 0, "the inbox is empty");
            assertThat(handledByOther).hasValue(1);
            assertThat(API.calls("chat.postMessage").stream()
                    .filter(call -> call.param("text").contains("I help clients and experts"))).hasSize(1);
        } finally {
            released.countDown();
            dying.close();
            other.close();
        }
    }
}
