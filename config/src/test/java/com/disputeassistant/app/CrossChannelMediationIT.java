package com.disputeassistant.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.disputeassistant.outbox.SendLimits;
import com.disputeassistant.outbox.SendPacing;
import com.disputeassistant.slack.FakeSlackApi;
import com.disputeassistant.slack.FakeSlackApi.Call;
import com.disputeassistant.slack.SignedHttp;
import com.disputeassistant.slack.SlackUser;
import com.disputeassistant.telegram.TelegramUser;
import com.disputeassistant.telegram.fakeapi.FakeBotApi;
import com.disputeassistant.testing.RedisTestSupport;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.resps.StreamEntry;

/**
 * Issue 5 end to end, across channels, in the real application with both adapters on: the client (Alice)
 * is on Telegram (long polling against a fake Bot API), the expert (Bob) on Slack (HTTP mode, signed
 * requests, a fake Web API), and two Slack mediators (Maria, Omar) work in the Slack mediators' room
 * {@value #ROOM}. One dispute goes from {@code /dispute} on Telegram through a hand-off, claims, relays
 * and a hand-back to a second hand-off that the mediator closes with a fee.
 *
 * <p>The application is started by hand rather than by {@code @SpringBootTest} so that it is stopped
 * before the test's keys are deleted: a running outbox or timer would otherwise write after the clean-up.
 */
class CrossChannelMediationIT {
    private static final String ROOM = "CROOM01";
    private static final String SIGNING_SECRET = "cross-channel-signing-secret";
    private static final long ALICE = 100001;
    private static final String PREFIX = RedisTestSupport.uniquePrefix();
    /** "... the expert is paid 300.00 EUR and the client is refunded 700.00 EUR." */
    private static final Pattern OUTCOME = Pattern.compile("paid \\D*?(\\d[\\d.,]*)\\D*? and the client is refunded \\D*?(\\d[\\d.,]*)");

    private static FakeBotApi telegram;
    private static FakeSlackApi slack;
    private static ConfigurableApplicationContext app;

    private TelegramUser alice;
    private SlackUser bob;
    private SlackUser maria;
    private SlackUser omar;

    /** Telegram's pacing and shared limits at test speed: its real ones let a chat have one message a second. */
    @Configuration(proxyBeanMethods = false)
    static class FastTelegram {
        @Bean
        SendPacing telegramSendPacing() {
            return new SendPacing(Duration.ZERO, 1000, 3, Duration.ofMillis(50), Duration.ofMillis(200));
        }

        @Bean
        SendLimits.Platform telegramSendLimits() {
            return new SendLimits.Platform("tg", List.of(SendLimits.Rate.perSecond(1000)), List.of(), List.of(), "",
                    Duration.ZERO);
        }
    }

    @BeforeAll
    static void start() throws URISyntaxException {
        telegram = new FakeBotApi();
        slack = new FakeSlackApi();
        Path marketplace = Path.of(CrossChannelMediationIT.class.getResource("/cross-channel-marketplace.yml").toURI());
        Map<String, String> settings = new HashMap<>(Map.ofEntries(
                Map.entry("server.port", "0"),
                Map.entry("dispute.redis.url", RedisTestSupport.redisUrl()),
                Map.entry("dispute.redis.key-prefix", PREFIX),
                Map.entry("dispute.marketplace.file", marketplace.toString()),
                Map.entry("dispute.procedure.mediators", "slack:T01TEST/UMARIA,slack:T01TEST/UOMAR"),
                Map.entry("dispute.slack.mediators-channel", ROOM)));
        settings.putAll(telegram.appSettings());
        settings.putAll(slack.appSettings(SIGNING_SECRET));
        app = RunningApp.start(settings, FastTelegram.class);
    }

    @AfterAll
    static void stop() throws Exception {
        RunningApp.stop(app, PREFIX, telegram, slack);
    }

    @Test
    void aTelegramClientAndASlackExpertGoThroughTheSlackRoomToAMediatorsFee() {
        UnifiedJedis redis = app.getBean(UnifiedJedis.class);
        alice = new TelegramUser(telegram, ALICE, () -> {
            String offset = redis.get(PREFIX + "telegram:offset");
            return offset == null ? 0 : Long.parseLong(offset);
        });
        SignedHttp http = new SignedHttp(Integer.parseInt(app.getEnvironment().getProperty("local.server.port")),
                SIGNING_SECRET);
        bob = new SlackUser("UBOB", http, slack);
        maria = new SlackUser("UMARIA", http, slack);
        omar = new SlackUser("UOMAR", http, slack);

        openAndTalk();
        Call card = handOffAndClaim();
        Call claimReply = mediate(card);
        handBack(card, claimReply);
        closeWithAFee(card);

        List<StreamEntry> outcomes = redis.xrange(PREFIX + "payments:outcomes", (StreamEntryID) null, null);
        assertThat(outcomes).as("events for the payments system").hasSize(1);
        Map<String, String> event = outcomes.get(0).getFields();
        assertThat(event).containsEntry("orderId", "ORD-1").containsEntry("outcome", "DECIDED_BY_MEDIATOR")
                .containsEntry("payout", "30000").containsEntry("refund", "70000").containsEntry("paid", "100000");
    }

    /** Alice opens the dispute on Telegram; Bob is told on Slack and answers in his DM; Alice reads it. */
    private void openAndTalk() {
        alice.opensDispute("ORD-1", "Delivered, not acceptable", "Chapters 4 and 5 were not edited at all")
                .received("I've told Bob about the dispute");

        bob.received("Alice opened dispute");
        bob.received("try to solve this together");
        bob.says("Sorry, I will do them this week");
        alice.received("Bob: Sorry, I will do them this week");
    }

    /**
     * Alice asks for a human: the room gets one card; Bob, no mediator, may not claim it; Maria claims it
     * and Omar, second, is told she has it. Returns the card, whose ts is the dispute's thread.
     */
    private Call handOffAndClaim() {
        int before = slack.lastSeq();
        alice.presses("Talk to a human");

        Call card = roomPost(before, "needs a mediator");
        assertThat(SlackUser.token(card, "Claim")).as("the card's Claim button").isNotNull();

        bob.pressesInChannel(ROOM, card, "Claim");
        Call refused = slack.await("chat.postEphemeral", before, c -> bob.id.equals(c.param("user")), "to Bob");
        assertThat(refused.param("text")).contains("only mediators");

        maria.pressesInChannel(ROOM, card, "Claim");
        assertThat(threadPost(card, before, "You claimed dispute").param("text")).contains("Chapters 4 and 5");
        alice.received("A human mediator has taken over");

        omar.pressesInChannel(ROOM, card, "Claim");
        assertThat(threadPost(card, before, "is handled by").param("text")).contains("UMARIA");

        // Both mediators were sent the hand-off: the room shows it once (one card, no copy in the thread),
        // and neither got it in a DM.
        assertThat(slack.calls("chat.postMessage")).filteredOn(c -> ROOM.equals(c.param("channel"))
                && (c.param("thread_ts") == null || c.param("text").equals(card.param("text")))).containsExactly(card);
        assertThat(slack.calls("chat.postMessage"))
                .noneMatch(c -> List.of(maria.id, omar.id).contains(c.param("channel")));
        return card;
    }

    /**
     * Alice's Telegram message shows in the thread; Maria's replies reach both parties, or Alice alone.
     * Returns the claim reply, the one post of the thread with the mediator's buttons.
     */
    private Call mediate(Call card) {
        int before = slack.lastSeq();
        alice.says("Any news? <b>not bold</b>");
        assertThat(threadPost(card, before, "Alice: Any news?").param("text"))
                .as("her Telegram text, escaped for Slack").contains("&lt;b&gt;not bold&lt;/b&gt;");

        maria.writesIn(ROOM, slack.tsOf(card), "Hello both, I have read the file.");
        alice.received("Hello both, I have read the file.");
        bob.received("Hello both, I have read the file.");
        threadPost(card, before, "Passed on to Alice and Bob");

        maria.writesIn(ROOM, slack.tsOf(card), "!to client Could you send the tracked-changes file?");
        alice.received("Could you send the tracked-changes file?");
        Call passedOn = threadPost(card, before, "Passed on to Alice.");
        // Relays carry no buttons: the mediator's actions came once, with the claim reply, and still work there.
        assertThat(SlackUser.token(passedOn, "Resume at: talking it out")).isNull();
        return threadPost(card, 0, "You claimed dispute");
    }

    /** Maria hands back at talking it out with the thread's button: both parties are asked again, each on theirs. */
    private void handBack(Call card, Call withButtons) {
        int before = slack.lastSeq();
        maria.pressesInChannel(ROOM, withButtons, "Resume at: talking it out");

        threadPost(card, before, "handed the dispute back");
        alice.received("we continue at: talking it out");
        alice.received("try to solve this together");
        bob.received("we continue at: talking it out");
        bob.received("try to solve this together");
        // Bob's DM is sent in order: had the "!to client" reply reached him, it would be before this.
        assertThat(slack.calls("chat.postMessage")).filteredOn(c -> bob.id.equals(c.param("channel")))
                .noneMatch(c -> c.param("text").contains("tracked-changes"));
        assertThat(alice.callbackData("Escalate")).as("Alice's talking buttons, again").isNotNull();
    }

    /** Alice asks for a human again; Maria claims it in the thread and decides a fee: both parties get the outcome. */
    private void closeWithAFee(Call card) {
        int before = slack.lastSeq();
        alice.presses("Talk to a human");
        Call again = threadPost(card, before, "needs a mediator");
        maria.pressesInChannel(ROOM, again, "Claim");
        threadPost(card, before, "You claimed dispute");

        maria.writesIn(ROOM, slack.tsOf(card), "!fee 300");

        alice.received("closed by the mediator's decision");
        String toBob = bob.received("closed by the mediator's decision").param("text");
        threadPost(card, before, "closed by the mediator's decision");
        String toAlice = alice.texts().stream().filter(t -> t.contains("closed by the mediator's decision"))
                .findFirst().orElseThrow();
        for (String outcome : List.of(toAlice, toBob)) {
            Matcher amounts = OUTCOME.matcher(outcome);
            assertThat(amounts.find()).as("payout and refund in: %s", outcome).isTrue();
            assertThat(amount(amounts.group(1))).as("payout").isEqualTo(300.0);
            assertThat(amount(amounts.group(1)) + amount(amounts.group(2))).as("payout + refund = paid")
                    .isEqualTo(1000.0);
        }
    }

    // ---- the room, as the fake Slack API saw it ----

    /** The first top-level post in the room after call {@code after} containing the text. */
    private static Call roomPost(int after, String text) {
        return slack.await("chat.postMessage", after, c -> ROOM.equals(c.param("channel"))
                && c.param("thread_ts") == null && c.param("text").contains(text), "in the room containing '" + text + "'");
    }

    /** The first post in the card's thread after call {@code after} containing the text. */
    private static Call threadPost(Call card, int after, String text) {
        String thread = slack.tsOf(card);
        return slack.await("chat.postMessage", after, c -> ROOM.equals(c.param("channel"))
                && thread.equals(c.param("thread_ts")) && c.param("text").contains(text),
                "in the thread of " + thread + " containing '" + text + "'");
    }

    private static double amount(String text) {
        return Double.parseDouble(text.replace(",", "").replaceAll("\\.$", ""));
    }
}
