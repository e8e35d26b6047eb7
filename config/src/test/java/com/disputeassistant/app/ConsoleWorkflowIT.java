package com.disputeassistant.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.disputeassistant.dispute.Dispute;
import com.disputeassistant.dispute.DisputeId;
import com.disputeassistant.dispute.Step;
import com.disputeassistant.dispute.TaskScope;
import com.disputeassistant.dispute.TaskVerdict;
import com.disputeassistant.marketplace.Money;
import com.disputeassistant.store.DisputeStore;
import com.disputeassistant.store.StoredDispute;
import com.disputeassistant.testing.RedisTestSupport;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import redis.clients.jedis.UnifiedJedis;

/**
 * Mediators working a dispute in the console over real HTTP, against the whole application: two parties
 * hand a dispute to a mediator through the engine, Maria claims it, writes to one party, rules a task out
 * and decides a fee, all through the engine as her own identity; Omar, another mediator, is refused.
 */
@SpringBootTest(classes = DisputeAssistantApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
// A fresh application for each test: the marketplace lives in Redis and is loaded at start, and each test
// deletes what it wrote (the marketplace included) so that the next can open a dispute on the same order.
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_EACH_TEST_METHOD)
class ConsoleWorkflowIT {
    static final String PREFIX = RedisTestSupport.uniquePrefix();
    static final String PASSWORD = "a console password";

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        accounts(registry, PREFIX);
    }

    /** Redis, the playground on (for the parties), mediators Maria, Omar and Sam with their console accounts. */
    static void accounts(DynamicPropertyRegistry registry, String prefix) {
        String hash = "{bcrypt}" + new BCryptPasswordEncoder(4).encode(PASSWORD);
        registry.add("dispute.redis.url", RedisTestSupport::redisUrl);
        registry.add("dispute.redis.key-prefix", () -> prefix);
        registry.add("dispute.playground.enabled", () -> "true");
        registry.add("dispute.procedure.mediators", () -> "web:maria Maria Lopez,web:omar,web:sam");
        String[][] accounts = {{"maria", "mediator"}, {"omar", "mediator"}, {"sam", "supervisor"}};
        for (int i = 0; i < accounts.length; i++) {
            String name = accounts[i][0];
            String role = accounts[i][1];
            registry.add("dispute.console.accounts[" + i + "].username", () -> name);
            registry.add("dispute.console.accounts[" + i + "].password-hash", () -> hash);
            registry.add("dispute.console.accounts[" + i + "].role", () -> role);
            registry.add("dispute.console.accounts[" + i + "].identities", () -> "web:" + name);
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    DisputeStore store;
    @Autowired
    UnifiedJedis redis;

    private PlaygroundParty alice;
    private PlaygroundParty bob;
    private DisputeId id;

    @BeforeEach
    void aDisputeWaitsForAMediator() {
        alice = new PlaygroundParty(port, "web:alice");
        bob = new PlaygroundParty(port, "web:bob");
        PlaygroundParty.handToAMediator(alice, bob);
        List<DisputeId> queue = store.mediatorQueue();
        assertThat(queue).hasSize(1);
        id = queue.get(0);
    }

    @AfterEach
    void deleteWhatTheTestWrote() {
        RedisTestSupport.deleteKeys(redis, PREFIX);
    }

    @Test
    void aMediatorClaimsWritesToOnePartyRulesATaskOutAndDecidesAFee() {
        ConsoleClient maria = new ConsoleClient(port);
        maria.signIn("maria", PASSWORD);
        HttpResponse<String> home = maria.get("/console");
        assertThat(home.body()).contains("queue-" + id.value());

        HttpResponse<String> claimed = maria.post("/console/disputes/" + id.value() + "/act", home.body(),
                Map.of("command", "claim"));
        assertThat(claimed.statusCode()).isEqualTo(302);
        assertThat(dispute().mediator()).contains("web:maria");
        HttpResponse<String> page = maria.get("/console/disputes/" + id.value());
        assertThat(page.body()).contains("Held by Maria Lopez").contains("Line-edit chapters 4 and 5");
        String version = maria.firstEvent("/console/disputes/" + id.value() + "/events");

        maria.post("/console/disputes/" + id.value() + "/say", page.body(),
                Map.of("to", "client", "text", "Please send me the edited chapters 1-3."));
        assertThat(alice.texts()).anyMatch(text -> text.contains("Please send me the edited chapters 1-3."));
        assertThat(bob.texts()).noneMatch(text -> text.contains("Please send me the edited chapters 1-3."));
        assertThat(maria.firstEvent("/console/disputes/" + id.value() + "/events")).isNotEqualTo(version);

        page = maria.get("/console/disputes/" + id.value());
        maria.post("/console/disputes/" + id.value() + "/act", page.body(), Map.of("command", "out", "argument", "1"));
        assertThat(dispute().task(1).orElseThrow().scope()).isEqualTo(TaskScope.EXCLUDED);

        page = maria.get("/console/disputes/" + id.value());
        maria.post("/console/disputes/" + id.value() + "/act", page.body(), Map.of("command", "fee", "argument", "300"));

        Dispute closed = dispute();
        assertThat(closed.isClosed()).isTrue();
        Money payout = closed.outcome().orElseThrow().payout();
        Money refund = closed.outcome().orElseThrow().refund();
        assertThat(payout).isEqualTo(Money.of("300.00", "EUR"));
        assertThat(payout.plus(refund)).isEqualTo(closed.paid());
        assertThat(maria.get("/console/disputes/" + id.value()).body()).contains("Payout 300.00 EUR, refund 900.00 EUR");
    }

    @Test
    void anotherMediatorActingOnAClaimedDisputeIsRefusedByTheEngine() {
        ConsoleClient maria = new ConsoleClient(port);
        maria.signIn("maria", PASSWORD);
        maria.post("/console/disputes/" + id.value() + "/act", maria.get("/console").body(), Map.of("command", "claim"));
        assertThat(dispute().mediator()).contains("web:maria");

        ConsoleClient omar = new ConsoleClient(port);
        omar.signIn("omar", PASSWORD);
        assertThat(omar.get("/console/disputes/" + id.value()).statusCode()).isEqualTo(403);
        // A form made on his own start page, posted to her dispute: the engine refuses it.
        HttpResponse<String> acted = omar.post("/console/disputes/" + id.value() + "/act", omar.get("/console").body(),
                Map.of("command", "fee", "argument", "300", "requestId", java.util.UUID.randomUUID().toString()));

        assertThat(acted.statusCode()).isEqualTo(302);
        Dispute unchanged = dispute();
        assertThat(unchanged.step()).isEqualTo(Step.MEDIATION);
        assertThat(unchanged.outcome()).isEmpty();
        assertThat(unchanged.mediator()).contains("web:maria");
        assertThat(omar.get("/console").body()).contains("Maria Lopez");
        assertThat(omar.get("/console/disputes/" + id.value() + "/events").statusCode()).isEqualTo(403);
    }

    @Test
    void aSupervisorSeesEveryOpenDisputeAndTheReportsAndAMediatorOnlyTheirs() {
        ConsoleClient maria = new ConsoleClient(port);
        maria.signIn("maria", PASSWORD);
        maria.post("/console/disputes/" + id.value() + "/act", maria.get("/console").body(), Map.of("command", "claim"));

        ConsoleClient sam = new ConsoleClient(port);
        sam.signIn("sam", PASSWORD);
        assertThat(sam.get("/console").body()).contains("All open disputes").contains(id.value());
        assertThat(sam.get("/console/disputes/" + id.value()).statusCode()).isEqualTo(200);
        HttpResponse<String> reports = sam.get("/console/reports");
        assertThat(reports.statusCode()).isEqualTo(200);
        assertThat(reports.body()).contains("Open disputes: 1").contains("with a mediator");
        assertThat(maria.get("/console/reports").statusCode()).isEqualTo(403);
        ConsoleClient omar = new ConsoleClient(port);
        omar.signIn("omar", PASSWORD);
        assertThat(omar.get("/console").body()).doesNotContain("href=\"/console/disputes/" + id.value());
    }

    @Test
    void aFormSentTwiceIsAppliedOnce() {
        ConsoleClient maria = new ConsoleClient(port);
        maria.signIn("maria", PASSWORD);
        maria.post("/console/disputes/" + id.value() + "/act", maria.get("/console").body(), Map.of("command", "claim"));
        String page = maria.get("/console/disputes/" + id.value()).body();

        maria.post("/console/disputes/" + id.value() + "/say", page, Map.of("to", "expert", "text", "Once only, please."));
        maria.post("/console/disputes/" + id.value() + "/say", page, Map.of("to", "expert", "text", "Once only, please."));

        assertThat(bob.texts().stream().filter(text -> text.contains("Once only, please."))).hasSize(1);
    }

    private Dispute dispute() {
        return store.load(id).map(StoredDispute::dispute).orElseThrow();
    }
}
