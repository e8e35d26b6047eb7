package com.disputeassistant.app.api;

import static com.disputeassistant.app.api.ApiTestKeys.OPS_KEY;
import static com.disputeassistant.app.api.ApiTestKeys.SHOP_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import com.disputeassistant.app.DisputeAssistantApplication;
import com.disputeassistant.app.api.ApiTestKeys.Api;
import com.disputeassistant.dispute.Dispute;
import com.disputeassistant.dispute.DisputeId;
import com.disputeassistant.marketplace.Marketplace;
import com.disputeassistant.marketplace.Money;
import com.disputeassistant.marketplace.OrderId;
import com.disputeassistant.marketplace.PersonId;
import com.disputeassistant.procedure.Procedure;
import com.disputeassistant.procedure.ProcedureSettings;
import com.disputeassistant.store.Change;
import com.disputeassistant.store.CommitResult;
import com.disputeassistant.store.DisputeStore;
import com.disputeassistant.store.RedisMarketplace;
import com.disputeassistant.testing.RedisTestSupport;
import com.disputeassistant.testing.StandardWebhooksReceiver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import redis.clients.jedis.UnifiedJedis;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The marketplace API over real HTTP on a random port, against the tests' Redis: authentication, every
 * validation error, an order changed while its dispute is open, concurrent writers, and the outcome
 * webhooks wired to a receiver that verifies them.
 */
@SpringBootTest(classes = DisputeAssistantApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class MarketplaceApiIT {
    private static final String PREFIX = RedisTestSupport.uniquePrefix();
    private static final String SECRET = "whsec_" + Base64.getEncoder().encodeToString(new byte[32]);
    private static final StandardWebhooksReceiver RECEIVER = receiver();

    private static final String CAROL = "{\"name\":\"Carol Api\",\"email\":\"carol@example.org\",\"identities\":[\"web:carol-api\"]}";
    private static final String DAVE = "{\"name\":\"Dave Api\",\"identities\":[\"web:dave-api\",\"telegram:9990001\"]}";

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        registry.add("dispute.redis.url", RedisTestSupport::redisUrl);
        // REDIS_URL turns the playground off; the test reaches the other surfaces through it.
        registry.add("dispute.playground.enabled", () -> "true");
        registry.add("dispute.redis.key-prefix", () -> PREFIX);
        registry.add("dispute.api.keys", ApiTestKeys::setting);
        registry.add("dispute.api.requests-per-minute", () -> "100000");
        registry.add("dispute.webhooks.endpoints[0].name", () -> "payments");
        registry.add("dispute.webhooks.endpoints[0].url", () -> RECEIVER.url().toString());
        registry.add("dispute.webhooks.endpoints[0].secret", () -> SECRET);
        registry.add("dispute.webhooks.first-backoff", () -> "50ms");
        registry.add("dispute.webhooks.max-backoff", () -> "200ms");
    }

    @LocalServerPort
    int port;
    @Autowired
    UnifiedJedis redis;
    @Autowired
    DisputeStore store;
    @Autowired
    Marketplace marketplace;
    @Autowired
    RedisMarketplace redisMarketplace;
    @Autowired
    ProcedureSettings procedureSettings;
    @Autowired
    @org.springframework.beans.factory.annotation.Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    private static StandardWebhooksReceiver receiver() {
        try {
            return new StandardWebhooksReceiver(SECRET);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterAll
    static void cleanUp() {
        RECEIVER.close();
        try (UnifiedJedis redis = com.disputeassistant.store.RedisConnections.connect(RedisTestSupport.redisUrl())) {
            RedisTestSupport.deleteKeys(redis, PREFIX);
        }
    }

    private Api shop() {
        return new Api(port, SHOP_KEY);
    }

    // ---- authentication ----

    @Test
    void aMissingOrWrongKeyIs401AndTheOtherSurfacesNeedNone() {
        HttpResponse<String> none = new Api(port, null).get("/api/v1/people/alice");
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        assertThat(json(none).path("error").asString()).contains("Authorization: Bearer");
        HttpResponse<String> wrong = new Api(port, SHOP_KEY.substring(0, SHOP_KEY.length() - 1) + "0").put("/api/v1/people/x", CAROL);
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(json(wrong).path("error").asString()).contains("not valid");
        assertThat(new Api(port, null).call("PUT", "/api/v1/people/x", CAROL, "Authorization", "Basic c2hvcDpzaG9w")
                .statusCode()).isEqualTo(401);
        assertThat(new Api(port, ApiTestKeys.sha256Hex(SHOP_KEY)).get("/api/v1/people/alice").statusCode())
                .as("the stored hash is not a key").isEqualTo(401);
        assertThat(redisMarketplace.person(new PersonId("x"))).as("nothing written without a key").isEmpty();

        assertThat(shop().get("/api/v1/people/alice").statusCode()).isEqualTo(200);
        assertThat(new Api(port, OPS_KEY).get("/api/v1/people/alice").statusCode()).isEqualTo(200);
        Api anonymous = new Api(port, null);
        assertThat(anonymous.get("/").statusCode()).isEqualTo(200);
        assertThat(anonymous.get("/readyz").statusCode()).isEqualTo(200);
        assertThat(anonymous.call("POST", "/api/messages", "{\"as\":\"web:alice\",\"text\":\"hello\"}").statusCode())
                .isEqualTo(200);
        assertThat(anonymous.get("/api/v1/openapi.yaml").statusCode()).isEqualTo(200);
    }

    @Test
    void everyWriteIsLoggedWithTheKeysNameAndNeverTheKey(CapturedOutput output) {
        shop().put("/api/v1/people/logged-person", CAROL.replace("carol-api", "logged"));
        new Api(port, OPS_KEY).delete("/api/v1/people/logged-person");

        assertThat(output.getAll()).contains("key 'shop' PUT person 'logged-person': 201")
                .contains("key 'ops' DELETE person 'logged-person': 204")
                .doesNotContain(SHOP_KEY).doesNotContain(OPS_KEY);
    }

    // ---- people and orders ----

    @Test
    void putCreatesThenReplacesGetReadsBackAndIfMatchGuardsAgainstLostUpdates() {
        HttpResponse<String> created = shop().put("/api/v1/people/carol-api", CAROL);
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.headers().firstValue("ETag")).hasValue("\"1\"");
        assertThat(shop().put("/api/v1/people/carol-api", CAROL).statusCode()).as("the same again").isEqualTo(200);
        assertThat(shop().get("/api/v1/people/carol-api").headers().firstValue("ETag")).hasValue("\"1\"");

        HttpResponse<String> replaced = shop().put("/api/v1/people/carol-api", CAROL.replace("Carol Api", "Carol Newname"),
                "If-Match", "\"1\"");
        assertThat(replaced.statusCode()).isEqualTo(200);
        assertThat(json(replaced).path("version").asLong()).isEqualTo(2);
        HttpResponse<String> stale = shop().put("/api/v1/people/carol-api", CAROL, "If-Match", "\"1\"");
        assertThat(stale.statusCode()).isEqualTo(412);
        JsonNode read = json(shop().get("/api/v1/people/carol-api"));
        assertThat(read.path("name").asString()).isEqualTo("Carol Newname");
        assertThat(read.path("identities").get(0).asString()).isEqualTo("web:carol-api");
        assertThat(marketplace.personByIdentity(com.disputeassistant.marketplace.ChannelIdentity.of("web:carol-api")))
                .as("the engine sees it at once").hasValueSatisfying(p -> assertThat(p.name()).isEqualTo("Carol Newname"));
        shop().put("/api/v1/people/carol-api", CAROL.replace("Carol Api", "Carol Newname").replace("\"email\"",
                "\"language\":\"de\",\"email\""));
        assertThat(marketplace.personByIdentity(com.disputeassistant.marketplace.ChannelIdentity.of("web:carol-api")))
                .as("the language the entry names").hasValueSatisfying(p -> assertThat(p.language())
                        .isEqualTo(com.disputeassistant.language.Language.DE));
        assertThat(json(shop().get("/api/v1/people/carol-api")).path("language").asString())
                .as("the language read back as it is written").isEqualTo("de");
        shop().put("/api/v1/people/carol-api", CAROL.replace("\"email\"", "\"preferred\":\"web:carol-api\",\"email\""));
        assertThat(json(shop().get("/api/v1/people/carol-api")).path("preferred").asString()).isEqualTo("web:carol-api");

        shop().put("/api/v1/people/dave-api", DAVE);
        HttpResponse<String> order = shop().put("/api/v1/orders/ORD-API-1", order("carol-api", "dave-api", "\"450.00\"", "\"400.00\""));
        assertThat(order.statusCode()).isEqualTo(201);
        JsonNode stored = json(shop().get("/api/v1/orders/ORD-API-1"));
        assertThat(stored.path("price").asString()).isEqualTo("450.00");
        assertThat(stored.path("paid").asString()).isEqualTo("400.00");
        assertThat(stored.path("currency").asString()).isEqualTo("EUR");
        assertThat(marketplace.ordersOf(new PersonId("dave-api"))).extracting(o -> o.id().value()).containsExactly("ORD-API-1");
        assertThat(shop().get("/api/v1/orders/ORD-NOPE").statusCode()).isEqualTo(404);

        assertThat(shop().delete("/api/v1/people/dave-api").statusCode()).as("dave has an order").isEqualTo(409);
        assertThat(shop().delete("/api/v1/orders/ORD-API-1").statusCode()).isEqualTo(204);
        assertThat(shop().delete("/api/v1/orders/ORD-API-1").statusCode()).isEqualTo(404);
        assertThat(shop().delete("/api/v1/people/dave-api").statusCode()).isEqualTo(204);
        assertThat(marketplace.personByIdentity(com.disputeassistant.marketplace.ChannelIdentity.of("telegram:9990001"))).isEmpty();
    }

    static Stream<Arguments> invalidOrders() {
        String valid = order("alice", "bob", "\"450.00\"", "\"450.00\"");
        return Stream.of(
                Arguments.of("paid more than the price", order("alice", "bob", "\"450.00\"", "\"450.01\""), "paid"),
                Arguments.of("an unknown client", order("nobody", "bob", "\"450.00\"", "\"450.00\""), "client"),
                Arguments.of("an unknown expert", order("alice", "nobody", "\"450.00\"", "\"450.00\""), "expert"),
                Arguments.of("client and expert the same", order("alice", "alice", "\"450.00\"", "\"450.00\""), "expert"),
                Arguments.of("a bad currency", valid.replace("\"EUR\"", "\"EURO\""), "currency"),
                Arguments.of("an unknown currency", valid.replace("\"EUR\"", "\"XYZ\""), "currency"),
                Arguments.of("a floating-point price", order("alice", "bob", "450.00", "\"450.00\""), "price"),
                Arguments.of("a floating-point paid", order("alice", "bob", "\"450.00\"", "449.99"), "paid"),
                Arguments.of("a whole JSON number", order("alice", "bob", "450", "\"450.00\""), "price"),
                Arguments.of("too many decimals", order("alice", "bob", "\"450.001\"", "\"450.00\""), "price"),
                Arguments.of("a negative amount", order("alice", "bob", "\"-1.00\"", "\"450.00\""), "price"),
                Arguments.of("an exponent", order("alice", "bob", "\"4.5e2\"", "\"450.00\""), "price"),
                Arguments.of("a bad date", valid.replace("2026-10-01", "01/10/2026"), "deadline"),
                Arguments.of("a bad delivery", valid.replace("DELIVERED", "SHIPPED"), "delivery"),
                Arguments.of("no deliverables", valid.replace("[\"Line edit\"]", "[]"), "deliverables"),
                Arguments.of("a deliverable that is no string", valid.replace("[\"Line edit\"]", "[7]"), "deliverables[0]"),
                Arguments.of("a missing title", valid.replace("\"title\":\"Edit\",", ""), "title"),
                Arguments.of("an unknown field", valid.replace("{", "{\"prize\":\"1\","), "prize"),
                Arguments.of("not JSON", "{\"title\":", "body"),
                Arguments.of("not an object", "[1,2]", "body"),
                Arguments.of("a field written twice", valid.replace("{", "{\"title\":\"A\","), "body"),
                Arguments.of("no body", null, "body"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidOrders")
    void anInvalidOrderIs400WithTheFieldAndNothingIsWritten(String problem, String body, String field) {
        HttpResponse<String> answer = shop().put("/api/v1/orders/ORD-INVALID", body);

        assertThat(answer.statusCode()).as(problem).isEqualTo(400);
        JsonNode errors = json(answer).path("errors");
        assertThat(errors.valueStream().map(e -> e.path("field").asString())).as(answer.body()).contains(field);
        assertThat(errors.valueStream().map(e -> e.path("message").asString())).allMatch(m -> !m.isBlank());
        assertThat(shop().get("/api/v1/orders/ORD-INVALID").statusCode()).isEqualTo(404);
        assertThat(redisMarketplace.ordersOf(new PersonId("alice"))).noneMatch(o -> o.id().value().equals("ORD-INVALID"));
    }

    static Stream<Arguments> invalidPeople() {
        return Stream.of(
                Arguments.of("no identities", "{\"name\":\"Eve\",\"identities\":[]}", "identities"),
                Arguments.of("an identity without a channel", "{\"name\":\"Eve\",\"identities\":[\"eve\"]}", "identities[0]"),
                Arguments.of("an identity listed twice", "{\"name\":\"Eve\",\"identities\":[\"web:e\",\"web:e\"]}", "identities[1]"),
                Arguments.of("no name", "{\"identities\":[\"web:eve\"]}", "name"),
                Arguments.of("a name that is a number", "{\"name\":5,\"identities\":[\"web:eve\"]}", "name"),
                Arguments.of("a bad e-mail", "{\"name\":\"Eve\",\"email\":\"eve\",\"identities\":[\"web:eve\"]}", "email"),
                Arguments.of("a preferred identity that is not one of theirs",
                        "{\"name\":\"Eve\",\"preferred\":\"slack:T1/U9\",\"identities\":[\"web:eve\"]}", "preferred"),
                Arguments.of("a language the bot does not speak",
                        "{\"name\":\"Eve\",\"language\":\"xx\",\"identities\":[\"web:eve\"]}", "language"),
                Arguments.of("an identity of another person", "{\"name\":\"Eve\",\"identities\":[\"web:eve\",\"web:alice\"]}",
                        "identities[1]"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidPeople")
    void anInvalidPersonIs400WithTheFieldAndNothingIsWritten(String problem, String body, String field) {
        HttpResponse<String> answer = shop().put("/api/v1/people/eve", body);

        assertThat(answer.statusCode()).as(problem).isEqualTo(400);
        assertThat(json(answer).path("errors").valueStream().map(e -> e.path("field").asString())).as(answer.body()).contains(field);
        assertThat(shop().get("/api/v1/people/eve").statusCode()).isEqualTo(404);
        assertThat(marketplace.personByIdentity(com.disputeassistant.marketplace.ChannelIdentity.of("web:eve"))).isEmpty();
    }

    @Test
    void aBadIdOrIfMatchIs400NotA500() {
        assertThat(shop().put("/api/v1/people/" + "x".repeat(65), CAROL).statusCode()).isEqualTo(400);
        assertThat(shop().put("/api/v1/people/a%20b", CAROL).statusCode()).isEqualTo(400);
        assertThat(shop().put("/api/v1/people/ifmatch", CAROL, "If-Match", "yesterday").statusCode()).isEqualTo(400);
        assertThat(shop().get("/api/v1/people/a%20b").statusCode()).isEqualTo(404);
        assertThat(shop().call("PATCH", "/api/v1/people/alice", "{}").statusCode()).isEqualTo(405);
    }

    @Test
    void anIdentityIsNeverMovedFromOnePersonToAnother() {
        shop().put("/api/v1/people/frank-api", "{\"name\":\"Frank\",\"identities\":[\"web:frank-api\"]}");
        shop().put("/api/v1/people/gina-api", "{\"name\":\"Gina\",\"identities\":[\"web:gina-api\"]}");

        HttpResponse<String> taken = shop().put("/api/v1/people/gina-api",
                "{\"name\":\"Gina\",\"identities\":[\"web:gina-api\",\"web:frank-api\"]}");

        assertThat(taken.statusCode()).isEqualTo(400);
        assertThat(taken.body()).contains("identities[1]").contains("frank-api");
        assertThat(json(shop().get("/api/v1/people/gina-api")).path("identities").size()).isEqualTo(1);
        assertThat(marketplace.personByIdentity(com.disputeassistant.marketplace.ChannelIdentity.of("web:frank-api")))
                .hasValueSatisfying(p -> assertThat(p.id().value()).isEqualTo("frank-api"));
        // Frank gives it up first; then Gina may have it.
        assertThat(shop().put("/api/v1/people/frank-api", "{\"name\":\"Frank\",\"identities\":[\"telegram:777\"]}").statusCode())
                .isEqualTo(200);
        assertThat(shop().put("/api/v1/people/gina-api",
                "{\"name\":\"Gina\",\"identities\":[\"web:gina-api\",\"web:frank-api\"]}").statusCode()).isEqualTo(200);
        assertThat(marketplace.personByIdentity(com.disputeassistant.marketplace.ChannelIdentity.of("web:frank-api")))
                .hasValueSatisfying(p -> assertThat(p.id().value()).isEqualTo("gina-api"));
    }

    // ---- an order that changes while its dispute is open ----

    @Test
    void anOpenDisputeKeepsItsTermsWhenItsOrderChangesAndItsTimelineSaysSo() {
        shop().put("/api/v1/people/hana-api", "{\"name\":\"Hana\",\"identities\":[\"web:hana-api\"]}");
        shop().put("/api/v1/people/ivo-api", "{\"name\":\"Ivo\",\"identities\":[\"web:ivo-api\"]}");
        shop().put("/api/v1/orders/ORD-API-OPEN", order("hana-api", "ivo-api", "\"450.00\"", "\"450.00\""));
        Dispute dispute = new Procedure(procedureSettings).open(DisputeId.random(),
                marketplace.order(new OrderId("ORD-API-OPEN")).orElseThrow(), new PersonId("hana-api"), Instant.now());
        assertThat(store.commit(new Change(dispute, 0, List.of(), List.of(), null))).isInstanceOf(CommitResult.Committed.class);

        HttpResponse<String> changed = shop().put("/api/v1/orders/ORD-API-OPEN",
                order("hana-api", "ivo-api", "\"900.00\"", "\"450.00\"").replace("Edit", "Edit, now with an index"));

        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(marketplace.order(new OrderId("ORD-API-OPEN")).orElseThrow().terms().price()).isEqualTo(Money.of("900.00", "EUR"));
        Dispute stored = store.load(dispute.id()).orElseThrow().dispute();
        assertThat(stored.price()).as("the dispute's terms").isEqualTo(Money.of("450.00", "EUR"));
        assertThat(stored.order().title()).isEqualTo("Edit");
        assertThat(store.timeline(dispute.id())).anySatisfy(entry -> {
            assertThat(entry.why()).contains("changed order ORD-API-OPEN").contains("keeps the terms");
            assertThat(entry.actor()).contains("shop");
        });

        HttpResponse<String> deleteOrder = shop().delete("/api/v1/orders/ORD-API-OPEN");
        assertThat(deleteOrder.statusCode()).isEqualTo(409);
        assertThat(json(deleteOrder).path("dispute").asString()).isEqualTo(dispute.id().value());
        assertThat(json(deleteOrder).path("error").asString()).contains(dispute.id().value());
        HttpResponse<String> deleteClient = shop().delete("/api/v1/people/hana-api");
        assertThat(deleteClient.statusCode()).isEqualTo(409);
        assertThat(json(deleteClient).path("dispute").asString()).isEqualTo(dispute.id().value());
        assertThat(shop().get("/api/v1/orders/ORD-API-OPEN").statusCode()).isEqualTo(200);

        await(() -> RECEIVER.received(r -> r.body().contains(dispute.id().value())).size() == 1);
        var opened = RECEIVER.received(r -> r.body().contains(dispute.id().value())).get(0);
        assertThat(opened.verified()).isTrue();
        assertThat(json(opened.body()).path("type").asString()).isEqualTo("dispute.opened");
        JsonNode webhooks = json(shop().get("/api/v1/webhooks"));
        assertThat(webhooks.path("endpoints").get(0).path("name").asString()).isEqualTo("payments");
        assertThat(webhooks.path("endpoints").get(0).path("enabled").asBoolean()).isTrue();
        assertThat(shop().call("POST", "/api/v1/webhooks/nope/resend", null).statusCode()).isEqualTo(404);
        assertThat(new Api(port, null).call("POST", "/api/v1/webhooks/payments/resend", null).statusCode()).isEqualTo(401);
    }

    // ---- concurrency ----

    @Test
    void twoInstancesWritingTheSameOrderAtOnceLeaveOneWholeOrderAndConsistentIndexes() throws Exception {
        shop().put("/api/v1/people/jo-api", "{\"name\":\"Jo\",\"identities\":[\"web:jo-api\"]}");
        shop().put("/api/v1/people/kim-api", "{\"name\":\"Kim\",\"identities\":[\"web:kim-api\"]}");
        shop().put("/api/v1/people/lu-api", "{\"name\":\"Lu\",\"identities\":[\"web:lu-api\"]}");
        // The second instance: the whole application once more, on its own port, over the same Redis and prefix.
        try (ConfigurableApplicationContext second = new SpringApplicationBuilder(DisputeAssistantApplication.class)
                .run("--server.port=0", "--dispute.redis.url=" + RedisTestSupport.redisUrl(),
                        "--dispute.redis.key-prefix=" + PREFIX, "--dispute.api.keys=" + ApiTestKeys.setting(),
                        "--dispute.api.requests-per-minute=100000")) {
            Api otherInstance = new Api(((WebServerApplicationContext) second).getWebServer().getPort(), OPS_KEY);
            ExecutorService threads = Executors.newFixedThreadPool(4);
            List<Future<Integer>> results = new ArrayList<>();
            try {
                for (int i = 0; i < 40; i++) {
                    String client = i % 2 == 0 ? "jo-api" : "kim-api";
                    String otherClient = i % 2 == 0 ? "kim-api" : "jo-api";
                    String price = "\"" + (100 + i) + ".00\"";
                    String otherPrice = "\"" + (500 + i) + ".00\"";
                    results.add(threads.submit(() -> shop().put("/api/v1/orders/ORD-RACE",
                            order(client, "lu-api", price, price)).statusCode()));
                    results.add(threads.submit(() -> otherInstance.put("/api/v1/orders/ORD-RACE",
                            order(otherClient, "lu-api", otherPrice, otherPrice)).statusCode()));
                }
                for (Future<Integer> result : results) {
                    assertThat(result.get()).isIn(200, 201);
                }
            } finally {
                threads.shutdownNow();
            }
        }

        JsonNode order = json(shop().get("/api/v1/orders/ORD-RACE"));
        String client = order.path("client").asString();
        String other = client.equals("jo-api") ? "kim-api" : "jo-api";
        assertThat(order.path("price").asString()).as("one whole write: price and paid together").isEqualTo(order.path("paid").asString());
        assertThat(marketplace.ordersOf(new PersonId(client))).extracting(o -> o.id().value()).containsExactly("ORD-RACE");
        assertThat(marketplace.ordersOf(new PersonId(other))).isEmpty();
        assertThat(marketplace.ordersOf(new PersonId("lu-api"))).hasSize(1);

        // With If-Match, of two writers starting from the same version exactly one wins.
        String etag = shop().get("/api/v1/orders/ORD-RACE").headers().firstValue("ETag").orElseThrow();
        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            Future<Integer> a = two.submit(() -> shop().put("/api/v1/orders/ORD-RACE", order("jo-api", "lu-api", "\"1.00\"", "\"1.00\""),
                    "If-Match", etag).statusCode());
            Future<Integer> b = two.submit(() -> shop().put("/api/v1/orders/ORD-RACE", order("kim-api", "lu-api", "\"2.00\"", "\"2.00\""),
                    "If-Match", etag).statusCode());
            assertThat(List.of(a.get(), b.get())).containsExactlyInAnyOrder(200, 412);
        } finally {
            two.shutdownNow();
        }
    }

    // ---- the OpenAPI document ----

    @Test
    void theOpenApiDocumentDescribesEveryPathAndMethodTheApiServes() {
        HttpResponse<String> document = new Api(port, null).get("/api/v1/openapi.yaml");
        assertThat(document.statusCode()).isEqualTo(200);
        JsonNode paths = YAMLMapper.builder().build().readTree(document.body()).path("paths");

        Set<String> served = mappings.getHandlerMethods().keySet().stream()
                .flatMap(info -> info.getPatternValues().stream().filter(p -> p.startsWith("/api/v1"))
                        .flatMap(p -> info.getMethodsCondition().getMethods().stream().map(m -> m.name().toLowerCase() + " " + p)))
                .collect(Collectors.toSet());
        Set<String> documented = paths.propertyStream().flatMap(path -> path.getValue().propertyNames().stream()
                .filter(method -> Set.of("get", "put", "post", "delete").contains(method))
                .map(method -> method + " " + path.getKey())).collect(Collectors.toSet());
        assertThat(served).isNotEmpty();
        assertThat(documented).isEqualTo(served);
    }

    // ---- helpers ----

    static String order(String client, String expert, String price, String paid) {
        return "{\"title\":\"Edit\",\"client\":\"" + client + "\",\"expert\":\"" + expert + "\","
                + "\"deliverables\":[\"Line edit\"],\"deadline\":\"2026-10-01\",\"currency\":\"EUR\","
                + "\"price\":" + price + ",\"paid\":" + paid + ",\"delivery\":\"DELIVERED\"}";
    }

    private static JsonNode json(HttpResponse<String> response) {
        return json(response.body());
    }

    private static JsonNode json(String body) {
        return JsonMapper.shared().readTree(body);
    }

    private static void await(java.util.function.BooleanSupplier condition) {
        Instant deadline = Instant.now().plusSeconds(20);
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("waited too long").isBefore(deadline);
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
