package com.disputeassistant.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.disputeassistant.conversation.Channel;
import com.disputeassistant.conversation.OutboundMessage;
import com.disputeassistant.outbox.ReplyWrite;
import com.disputeassistant.slack.FakeSlackApi.Call;
import com.disputeassistant.testing.QueuedChannel;
import com.disputeassistant.testing.RedisTestSupport;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import redis.clients.jedis.UnifiedJedis;

/**
 * The mediators' room, end to end in HTTP mode: two Slack mediators (Maria, Omar) in the allow-list work
 * in the channel {@value #ROOM}; each dispute is between a client on Slack and an expert in the browser
 * (the {@code web} channel, recorded here), so every dispute crosses channels. Carol is a Slack user who
 * is no mediator.
 */
// Closed after the class, so its outbox sender and inbox worker stop with it.
@DirtiesContext
@SpringBootTest(classes = {SlackTestApplication.class, SlackRoomIT.Browser.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SlackRoomIT {
    static final String ROOM = "CROOM01";
    private static final String PREFIX = RedisTestSupport.uniquePrefix();
    private static final FakeSlackApi API = new FakeSlackApi();

    @DynamicPropertySource
    static void slack(DynamicPropertyRegistry properties) {
        SlackTestApplication.httpModeProperties(properties, PREFIX, API);
        properties.add("dispute.slack.mediators-channel", () -> ROOM);
        properties.add("test.slack.mediators", () -> "slack:T01TEST/UMARIA,slack:T01TEST/UOMAR");
    }

    /** The browser channel, recording what the experts are sent there. */
    @TestConfiguration
    static class Browser {
        @Bean
        RecordingChannel web(UnifiedJedis redis) {
            return new RecordingChannel(redis);
        }
    }

    /** A channel named {@code web} that keeps every message the turns' writes queued (see {@link QueuedChannel}). */
    static final class RecordingChannel implements Channel {
        private final QueuedChannel queued;

        RecordingChannel(UnifiedJedis redis) {
            this.queued = new QueuedChannel(redis, PREFIX);
        }

        @Override
        public String name() {
            return queued.name();
        }

        @Override
        public List<ReplyWrite> render(OutboundMessage message) {
            return queued.render(message);
        }

        List<String> textsTo(String id) {
            return queued.queuedTo("web:" + id).stream().map(OutboundMessage::text).toList();
        }

        void await(String id, String text) {
            Eventually.await(Duration.ofSeconds(10), () -> textsTo(id).stream().anyMatch(t -> t.contains(text)),
                    "web:" + id + " is sent '" + text + "'");
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    RecordingChannel web;

    private SignedHttp http;

    @BeforeEach
    void transport() {
        http = new SignedHttp(port, SlackTestApplication.SIGNING_SECRET);
    }

    @AfterAll
    static void cleanUp() {
        SlackTestApplication.cleanUp(PREFIX, API);
    }

    private SlackUser user(String name) {
        return new SlackUser("U" + name.toUpperCase(), http, API);
    }

    @Test
    void aHandOffIsOneCardThatOnlyMediatorsMayClaimAndTheFirstClaimWins() {
        SlackUser alice = user("alice");
        SlackUser maria = user("maria");
        SlackUser omar = user("omar");
        SlackUser carol = user("carol");
        Call told = describeDispute(alice, "ORD-1", "bob");
        int before = API.lastSeq();

        alice.pressesIn(told, "Talk to a human", alice);

        Call card = roomPost(before, "needs a mediator");
        assertThat(card.param("thread_ts")).as("a card starts a thread").isNull();
        assertThat(SlackUser.token(card, "Claim")).isNotNull();

        carol.pressesInChannel(ROOM, card, "Claim");
        Call refused = API.await("chat.postEphemeral", before, c -> carol.id.equals(c.param("user")), "to Carol");
        assertThat(refused.param("text")).contains("only mediators");
        assertThat(refused.param("channel")).isEqualTo(ROOM);

        maria.pressesInChannel(ROOM, card, "Claim");
        Call claimed = threadPost(card, before, "You claimed dispute");
        assertThat(claimed.param("text")).contains("Timeline").contains("Chapters 3 and 4 are missing");
        alice.received("A human mediator has taken over");

        omar.pressesInChannel(ROOM, card, "Claim");
        assertThat(threadPost(card, before, "is handled by").param("text")).contains("UMARIA");

        // Both mediators were sent the hand-off: the room shows it once (no copy in the thread either), and
        // neither got it as a DM.
        assertThat(API.calls("chat.postMessage")).filteredOn(c -> ROOM.equals(c.param("channel"))
                && c.param("text").equals(card.param("text"))).hasSize(1);
        assertThat(API.calls("chat.postMessage")).noneMatch(c -> List.of(maria.id, omar.id).contains(c.param("channel")));
    }

    @Test
    void theHolderHearsEachPartyInTheThreadAndRepliesThereToBothOrOneThenHandsBackAndTheBotContinues() {
        SlackUser erin = user("erin");
        SlackUser maria = user("maria");
        Call card = handOffClaimedByMaria(erin, "ORD-3", "fred");
        int before = API.lastSeq();

        erin.says("Any news? &lt;!channel&gt;");
        Call relayed = threadPost(card, before, "Erin: Any news?");
        assertThat(relayed.param("text")).contains("&lt;!channel&gt;").doesNotContain("<!channel>");

        maria.writesIn(ROOM, API.tsOf(card), "Hello both, I have read the file.");
        erin.received("Hello both, I have read the file.");
        web.await("fred", "Hello both, I have read the file.");
        threadPost(card, before, "Passed on to Erin and Fred");

        int fredBefore = web.textsTo("fred").size();
        maria.writesIn(ROOM, API.tsOf(card), "!to client Could you send the tracked-changes file?");
        erin.received("Could you send the tracked-changes file?");
        Call toClient = threadPost(card, before, "Passed on to Erin.");
        assertThat(web.textsTo("fred")).hasSize(fredBefore);

        // Relays carry no buttons: the mediator's actions came once, with the claim reply, and still work.
        assertThat(SlackUser.token(toClient, "Resume at: talking it out")).isNull();
        maria.pressesInChannel(ROOM, threadPost(card, 0, "You claimed dispute"), "Resume at: talking it out");
        erin.received("we continue at: talking it out");
        web.await("fred", "we continue at: talking it out");
        threadPost(card, before, "handed the dispute back");
        erin.presses("Escalate");
        erin.offering("These terms apply");
        web.await("fred", "escalated the dispute");
    }

    @Test
    void theHolderClosesWithAFeeAndBothPartiesGetTheOutcome() {
        SlackUser gina = user("gina");
        SlackUser maria = user("maria");
        Call card = handOffClaimedByMaria(gina, "ORD-4", "hugo");
        int before = API.lastSeq();

        maria.writesIn(ROOM, API.tsOf(card), "!fee 300");

        gina.received("closed by the mediator's decision");
        web.await("hugo", "closed by the mediator's decision");
        threadPost(card, before, "closed by the mediator's decision");
    }

    @Test
    void theRoomExplainsItselfAtTheTopLevelListsTheQueueAndIgnoresOthersMessages() {
        SlackUser maria = user("maria");
        SlackUser carol = user("carol");
        int before = API.lastSeq();

        maria.writesIn(ROOM, null, "Good morning");
        Call where = API.await("chat.postEphemeral", before, c -> maria.id.equals(c.param("user")), "to Maria");
        assertThat(where.param("text")).contains("reply in its thread");

        maria.writesIn(ROOM, null, "!queue");
        Call queue = API.await("chat.postMessage", before, c -> ROOM.equals(c.param("channel"))
                && c.param("text").contains("waiting for a mediator"), "the queue in the room");
        assertThat(queue.param("thread_ts")).isNull();

        carol.writesIn(ROOM, null, "Can I join?");
        Call notForCarol = API.await("chat.postEphemeral", before, c -> carol.id.equals(c.param("user")), "to Carol");
        assertThat(notForCarol.param("text")).contains("only mediators");
    }

    // ---- steps ----

    /** The client opens a dispute about the order on Slack and describes it; the expert is told in the browser. */
    private Call describeDispute(SlackUser client, String order, String expert) {
        client.runsDispute().presses("Dispute " + order);
        client.presses("Not delivered / late");
        client.says("Chapters 3 and 4 are missing");
        web.await(expert, "Chapters 3 and 4 are missing");
        return client.received("I've told");
    }

    /** A described dispute, handed off by the client and claimed by Maria in the room: its card. */
    private Call handOffClaimedByMaria(SlackUser client, String order, String expert) {
        Call told = describeDispute(client, order, expert);
        int before = API.lastSeq();
        client.pressesIn(told, "Talk to a human", client);
        Call card = roomPost(before, "needs a mediator");
        user("maria").pressesInChannel(ROOM, card, "Claim");
        threadPost(card, before, "You claimed dispute");
        return card;
    }

    /** The first top-level post in the room after call {@code after} containing the text. */
    private static Call roomPost(int after, String text) {
        return API.await("chat.postMessage", after, c -> ROOM.equals(c.param("channel")) && c.param("thread_ts") == null
                && c.param("text").contains(text), "in the room containing '" + text + "'");
    }

    /** The first post in the card's thread after call {@code after} containing the text. */
    private static Call threadPost(Call card, int after, String text) {
        String thread = API.tsOf(card);
        return API.await("chat.postMessage", after, c -> ROOM.equals(c.param("channel"))
                && thread.equals(c.param("thread_ts")) && c.param("text").contains(text),
                "in the thread of " + thread + " containing '" + text + "'");
    }
}
