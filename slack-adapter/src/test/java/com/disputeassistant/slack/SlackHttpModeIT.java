package com.disputeassistant.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.disputeassistant.marketplace.ChannelIdentity;
import com.disputeassistant.marketplace.IdentityLinks;
import com.disputeassistant.marketplace.PersonId;
import com.disputeassistant.outbox.Outbox;
import com.disputeassistant.slack.FakeSlackApi.Answer;
import com.disputeassistant.slack.FakeSlackApi.Call;
import com.disputeassistant.testing.RedisTestSupport;
import java.net.http.HttpResponse;
import tools.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import redis.clients.jedis.UnifiedJedis;

/**
 * The Slack channel in HTTP mode, end to end: real signed requests to {@code /slack/events} on a real
 * port, a real engine and Redis, and the fake Web API recording what the bot posts. Alice is known by
 * her Slack identity; Bob is linked by his e-mail address when he first writes.
 */
// Closed after the class, so its outbox sender and socket stop with it.
@DirtiesContext
@SpringBootTest(classes = SlackTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SlackHttpModeIT {
    private static final String PREFIX = RedisTestSupport.uniquePrefix();
    private static final FakeSlackApi API = new FakeSlackApi();

    @DynamicPropertySource
    static void slack(DynamicPropertyRegistry properties) {
        SlackTestApplication.httpModeProperties(properties, PREFIX, API);
    }

    @LocalServerPort
    int port;
    @Autowired
    UnifiedJedis redis;
    @Autowired
    IdentityLinks links;
    @Autowired
    Outbox slackOutbox;

    private SignedHttp http;

    @BeforeEach
    void people() {
        for (String expert : List.of("bob", "dan", "fred", "hugo", "jack", "nils")) {
            // Slack's address may differ in case from the marketplace's.
            API.user("U" + expert.toUpperCase(), expert.substring(0, 1).toUpperCase() + expert.substring(1)
                    + "@Example.org");
        }
        http = new SignedHttp(port, SlackTestApplication.SIGNING_SECRET);
    }

    private SlackUser user(String name) {
        return new SlackUser("U" + name.toUpperCase(), http, API);
    }

    @AfterAll
    static void cleanUp() {
        SlackTestApplication.cleanUp(PREFIX, API);
    }

    @Test
    void aWholeDisputeFromTheSlashCommandToAClosedOutcomeWithTheButtonsTheBotSent() {
        SlackUser alice = user("alice");
        SlackUser bob = user("bob");
        bob.says("hello");
        bob.received("What would you like to do?");
        assertThat(links.personOf(ChannelIdentity.of("slack:T01TEST/UBOB"))).contains(new PersonId("bob"));

        alice.runsDispute().presses("Dispute ORD-1");
        alice.presses("Not delivered / late");
        alice.fillsIn("Describe the problem", "Chapters 3 and 4 are missing");
        alice.received("I've told Bob");
        bob.received("Chapters 3 and 4 are missing");

        bob.presses("Escalate");
        alice.presses("These terms apply");
        bob.presses("These terms apply");
        alice.fillsIn("Write the task list", "Line-edit chapter 3\n\nLine-edit chapter 4\n");
        alice.received("Added task #2");
        alice.presses("The list is complete");
        bob.presses("Accept the list");
        alice.presses("Same expert");
        bob.presses("#1 done");
        bob.presses("#2 done");
        bob.presses("Deliver");
        alice.presses("#1 done");
        alice.presses("#2 done");

        alice.received("is closed");
        bob.received("is closed");
    }

    @Test
    void aWholeDisputeInGermanForSlackUsersWhoseLocaleIsGerman() {
        API.locale("UMONA", "de-DE");
        API.locale("UNILS", "de-DE");
        SlackUser mona = user("mona");
        SlackUser nils = user("nils");
        nils.says("hallo");
        nils.received("Was möchten Sie tun?");

        mona.runsDispute().presses("Streitfall zu ORD-7");
        mona.presses("Nicht geliefert / verspätet");
        mona.fillsIn("Problem beschreiben", "Die Kapitel 3 und 4 fehlen");
        JsonNode form = API.calls("views.open").get(API.calls("views.open").size() - 1).json("view");
        assertThat(form.path("title").path("text").asString()).isEqualTo("Problem beschreiben");
        assertThat(form.path("submit").path("text").asString()).isEqualTo("Senden");
        mona.received("Ich habe Nils über den Streitfall informiert");
        nils.received("Mona hat den Streitfall");
        nils.received("Die Kapitel 3 und 4 fehlen");
        int before = API.lastSeq();
        http.event(SlackPayloads.homeOpened("EvHomeMona", mona.id));
        Call home = API.await("views.publish", before, c -> mona.id.equals(c.param("user_id")), "for Mona");
        assertThat(home.json("view").toString()).contains("Ihre Streitfälle").contains("Jetzt: gemeinsam klären");

        nils.presses("Eskalieren");
        mona.presses("Diese Bedingungen gelten");
        nils.presses("Diese Bedingungen gelten");
        mona.fillsIn("Aufgabenliste schreiben", "Kapitel 3 lektorieren\n\nKapitel 4 lektorieren\n");
        mona.received("Aufgabe #2 hinzugefügt");
        mona.presses("Die Liste ist vollständig");
        nils.presses("Liste annehmen");
        mona.presses("Derselbe Experte");
        nils.presses("#1 erledigt");
        nils.presses("#2 erledigt");
        nils.presses("Liefern");
        mona.presses("#1 erledigt");
        mona.presses("#2 erledigt");

        mona.received("ist abgeschlossen: Der Auftraggeber hat die Arbeit nach der Nachbesserung angenommen");
        nils.received("Der Experte erhält den vollen Betrag (1000,00 EUR)");
        assertThat(API.calls("users.info")).filteredOn(c -> "UMONA".equals(c.param("user"))
                && c.param("include_locale") != null).as("Mona's locale, asked once and kept").hasSize(1);
    }

    @Test
    void forgedStaleFutureAndUnsignedRequestsAreRefusedWith401AndStoreNothing() {
        SlackUser lena = user("lena");
        String event = SlackPayloads.dm("EvForged", lena.id, SlackPayloads.nextTs(), "help");
        Set<String> keysBefore = keys();
        lena.act();

        HttpResponse<String> forged = http.post("application/json", event, Instant.now(), "v0=" + "0".repeat(64));
        HttpResponse<String> stale = http.post("application/json", event, Instant.now().minusSeconds(301), null);
        // Timestamps are whole seconds: +301 s from the next whole second stays beyond 300 s even when the
        // request takes a while to arrive (from now, truncated, it could arrive 299.9 s ahead).
        Instant nextSecond = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).plusSeconds(1);
        HttpResponse<String> future = http.post("application/json", event, nextSecond.plusSeconds(301), null);
        HttpResponse<String> unsigned = http.postUnsigned("application/json", event);
        HttpResponse<String> otherSecret = new SignedHttp(port, "not-the-secret")
                .post("application/json", event, Instant.now(), null);

        assertThat(List.of(forged, stale, future, unsigned, otherSecret))
                .allSatisfy(response -> assertThat(response.statusCode()).isEqualTo(401));
        assertThat(stale.body()).contains("5 minutes");
        assertThat(unsigned.body()).contains("missing");
        assertThat(keys()).isEqualTo(keysBefore);
        // The same event, signed now, is answered: none of the refused ones was recorded as handled.
        http.event(event);
        assertThat(lena.received("I help clients and experts").param("text")).isNotEmpty();
    }

    @Test
    void aSignedEventWithoutAUserIsAckedSoThatSlackDoesNotRetryItAndStoresNothing() {
        Set<String> keysBefore = keys();
        HttpResponse<String> noUser = http.post("application/json",
                SlackPayloads.dm("EvNoUser", "", SlackPayloads.nextTs(), "help"), Instant.now(), null);
        HttpResponse<String> pressWithoutUser = http.post("application/x-www-form-urlencoded",
                SignedHttp.form(java.util.Map.of("payload", SlackPayloads.press("", "tok", "Help", "1.2", "trig"))),
                Instant.now(), null);

        assertThat(noUser.statusCode()).isEqualTo(200);
        assertThat(pressWithoutUser.statusCode()).isEqualTo(200);
        assertThat(keys()).isEqualTo(keysBefore);
    }

    @Test
    void theBotsOwnUploadComingBackAsAFileShareIsAckedAndStoresNothing() {
        Set<String> keysBefore = keys();
        String ownUpload = SlackPayloads.fileShare("EvOwnUpload", "UBOT", null, SlackPayloads.nextTs(), null, "",
                java.util.List.of(API.shareFile("chapter-4.pdf", "application/pdf", new byte[] {'%', 'P', 'D', 'F'})));

        HttpResponse<String> answer = http.post("application/json", ownUpload, Instant.now(), null);

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(keys()).isEqualTo(keysBefore);
    }

    @Test
    void aSignedEventWithAUserOfAnotherShapeIsRefusedWith400SoThatSlackDoesNotRetryItAndStoresNothing() {
        Set<String> keysBefore = keys();
        // Found by FuzzIT: Bolt's own IgnoringSelfEvents fails on it before any handler of ours runs.
        HttpResponse<String> userAsObject = http.post("application/json", SlackPayloads.dm("EvUserObject", "U1",
                SlackPayloads.nextTs(), "help").replace("\"user\":\"U1\"", "\"user\":{}"), Instant.now(), null);

        assertThat(userAsObject.statusCode()).isEqualTo(400);
        assertThat(userAsObject.body()).contains("not a Slack payload this app understands");
        assertThat(keys()).isEqualTo(keysBefore);
    }

    @Test
    void theBotTokenIsCheckedOnceAtStartSoNoRequestWaitsOnAuthTest() {
        // At start; and not again for requests Bolt handles to the end (a payload that fails inside Bolt's
        // own middleware, as in the test of a user of another shape, may make it check the token anew).
        int before = API.calls("auth.test").size();
        assertThat(before).as("auth.test calls since start").isPositive();
        SlackUser lena = user("lena");
        lena.act();
        lena.says("help");
        lena.received("I help clients and experts");
        assertThat(API.calls("auth.test")).as("auth.test calls while lena's requests were handled").hasSize(before);
    }

    @Test
    void urlVerificationEchoesTheChallenge() {
        HttpResponse<String> response = http.post("application/json",
                "{\"token\":\"legacy\",\"challenge\":\"c-123\",\"type\":\"url_verification\"}", Instant.now(), null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("c-123");
    }

    @Test
    void theSameEventRetriedThreeTimesAndSentTwiceIsAppliedOnce() {
        SlackUser carol = user("carol");
        SlackUser dan = user("dan");
        openTalkingDispute(carol, dan, "ORD-2");
        String ts = SlackPayloads.nextTs();
        String event = SlackPayloads.dm("EvOnce", dan.id, ts, "Are you there?");

        http.event(event);
        for (int retry = 1; retry <= 3; retry++) {
            assertThat(http.retry(event, retry).statusCode()).isEqualTo(200);
        }
        // Slack has sent one message as two events: same channel and ts, another event id.
        http.event(SlackPayloads.dm("EvTwin", dan.id, ts, "Are you there?"));
        // Dan's messages are handled in order: once this one is relayed, the copies above were handled.
        dan.says("Second message");
        carol.received("Second message");

        assertThat(API.calls("chat.postMessage").stream()
                .filter(c -> c.param("channel").equals(carol.id) && c.param("text").contains("Are you there?")))
                .hasSize(1);
    }

    @Test
    void userTextIsShownLiterallyNeverAsMentionsOrLinks() {
        SlackUser erin = user("erin");
        SlackUser fred = user("fred");
        openTalkingDispute(erin, fred, "ORD-3");

        // Slack sends what Fred typed with & < > as entities; the engine stores the text as typed.
        fred.says("Ping &lt;!channel&gt; &amp; see &lt;https://x|label&gt;");

        Call relayed = erin.received("Ping");
        assertThat(relayed.param("text")).contains("Ping &lt;!channel&gt; &amp; see &lt;https://x|label&gt;")
                .doesNotContain("<!channel>").doesNotContain("<https://x|label>");
        assertThat(relayed.json("blocks").get(0).path("text").path("text").asString())
                .contains("&lt;!channel&gt;").doesNotContain("<!channel>");
    }

    @Test
    void aButtonPressedBySomeoneElseOrTwiceIsRefusedWithAnEphemeralAndChangesNothing() {
        SlackUser ivy = user("ivy");
        SlackUser jack = user("jack");
        ivy.runsDispute();
        Call menu = ivy.offering("Dispute ORD-5");

        ivy.pressesIn(menu, "Dispute ORD-5", jack);
        Call refusedForJack = API.await("chat.postEphemeral", 0, c -> jack.id.equals(c.param("user")), "to Jack");
        assertThat(refusedForJack.param("text")).contains("someone else");

        ivy.pressesIn(menu, "Dispute ORD-5", ivy);
        ivy.received("What is the problem?");
        ivy.pressesIn(menu, "Dispute ORD-5", ivy);
        Call refusedTwice = API.await("chat.postEphemeral", 0, c -> ivy.id.equals(c.param("user")), "to Ivy");
        assertThat(refusedTwice.param("text")).contains("already answered");
        assertThat(API.calls("chat.postMessage").stream()
                .filter(c -> c.param("channel").equals(ivy.id) && c.param("text").contains("What is the problem?")))
                .hasSize(1);
    }

    @Test
    void aRateLimitedMessageIsPostedAgainAfterRetryAfter() {
        API.answerNext("chat.postMessage", new Answer(429, "1", "{\"ok\":false,\"error\":\"ratelimited\"}"));
        SlackUser lena = user("lena");
        int before = API.lastSeq();

        lena.says("help");

        Call delivered = lena.received("I help clients and experts");
        List<Call> attempts = API.calls("chat.postMessage").stream().filter(c -> c.seq() > before)
                .filter(c -> c.param("channel").equals(lena.id)).toList();
        assertThat(attempts).extracting(Call::accepted).containsExactly(false, true);
        assertThat(attempts.get(0).param("text")).isEqualTo(delivered.param("text"));
        assertThat(slackOutbox.deadLetters()).isEmpty();
    }

    @Test
    void aStrangerIsToldSoAndNothingElseHappens() {
        SlackUser mallory = user("mallory");
        mallory.says("menu");

        assertThat(mallory.received("I don't know you yet").param("text")).doesNotContain("What would you like");
        assertThat(links.personOf(ChannelIdentity.of("slack:T01TEST/UMALLORY"))).isEmpty();
    }

    @Test
    void theAppHomeTabListsOpenDisputesAndTheirSteps() {
        SlackUser gina = user("gina");
        openTalkingDispute(gina, user("hugo"), "ORD-4");
        int before = API.lastSeq();

        http.event(SlackPayloads.homeOpened("EvHome", gina.id));

        Call published = API.await("views.publish", before, c -> gina.id.equals(c.param("user_id")), "for Gina");
        assertThat(published.json("view").toString()).contains("ORD-4").contains("Now: talking");
    }

    @Test
    void anExpertListedOnTheWebFirstAndOnSlackSecondHearsOfTheDisputeOnSlack() {
        SlackUser max = user("max");
        SlackUser kim = user("kim");
        max.runsDispute().presses("Dispute ORD-6");
        max.presses("Not delivered / late");
        max.says("Chapters 3 and 4 are missing");
        kim.received("Max opened dispute");
        kim.received("Chapters 3 and 4 are missing");

        // Kim answers on Slack: from now on the bot writes to Kim there, and Max hears it.
        kim.says("Sorry, I will send them today");
        kim.received("Passed on to Max");
        max.received("Kim: Sorry, I will send them today");
    }

    /** The client opens a dispute about the order and describes it; the two are then talking it out. */
    private static void openTalkingDispute(SlackUser client, SlackUser expert, String order) {
        expert.says("hello");
        expert.received("What would you like to do?");
        client.runsDispute().presses("Dispute " + order);
        client.presses("Not delivered / late");
        client.says("Chapters 3 and 4 are missing");
        expert.received("Chapters 3 and 4 are missing");
    }

    private Set<String> keys() {
        return redis.keys(PREFIX + "*").stream().collect(Collectors.toSet());
    }
}
