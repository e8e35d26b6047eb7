package com.disputeassistant.marketplace;

import com.disputeassistant.language.Language;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class YamlMarketplaceTest {

    private static final Path FIXTURE = Path.of("src/test/resources/marketplace/small-marketplace.yml");

    private static final PersonId ALICE = new PersonId("alice");
    private static final PersonId BOB = new PersonId("bob");
    private static final PersonId CAROL = new PersonId("carol");
    private static final PersonId DAVE = new PersonId("dave");

    @Nested
    class Lookups {

        private final Marketplace marketplace = YamlMarketplace.fromFile(FIXTURE);

        @Test
        void readsAnOrderWithItsTermsAndDelivery() {
            Order order = marketplace.order(new OrderId("ORD-1")).orElseThrow();

            assertThat(order.title()).isEqualTo("Copy-editing of a 12-chapter novel");
            assertThat(order.client()).isEqualTo(ALICE);
            assertThat(order.expert()).isEqualTo(BOB);
            assertThat(order.terms().deliverables()).containsExactly("Line edit of chapters 1-12", "Style sheet");
            assertThat(order.terms().deadline()).isEqualTo(LocalDate.of(2026, 10, 1));
            assertThat(order.terms().price()).isEqualTo(Money.of("1200.00", "EUR"));
            assertThat(order.terms().paid()).isEqualTo(Money.of("1200.00", "EUR"));
            assertThat(order.deliveryStatus()).isEqualTo(DeliveryStatus.DELIVERED);
            assertThat(order.deliveryNotes()).containsExactly("Delivered chapters 1-12 with tracked changes");
        }

        @Test
        void readsAmountsExactlyInEveryWayTheyMayBeWritten() {
            Terms usd = marketplace.order(new OrderId("ORD-2")).orElseThrow().terms();
            Terms yen = marketplace.order(new OrderId("ORD-3")).orElseThrow().terms();

            // "1,450.5" (quoted, thousands separator), 450 USD (with the code), lower-case currency.
            assertThat(usd.price()).isEqualTo(new Money(145_050, Currency.getInstance("USD")));
            assertThat(usd.paid()).isEqualTo(new Money(45_000, Currency.getInstance("USD")));
            // A currency without minor units, and nothing paid yet.
            assertThat(yen.price()).isEqualTo(new Money(30_000, Currency.getInstance("JPY")));
            assertThat(yen.paid().isZero()).isTrue();
        }

        @Test
        void readsDeliveryStatusWrittenInWords() {
            assertThat(marketplace.order(new OrderId("ORD-2")).orElseThrow().deliveryStatus())
                    .isEqualTo(DeliveryStatus.NOT_DELIVERED);
            assertThat(marketplace.order(new OrderId("ORD-2")).orElseThrow().deliveryNotes()).isEmpty();
            assertThat(marketplace.order(new OrderId("ORD-3")).orElseThrow().deliveryStatus())
                    .isEqualTo(DeliveryStatus.DELIVERED_LATE);
        }

        @Test
        void findsTheOrdersOfAPersonAsClientAndAsExpertInFileOrder() {
            assertThat(ids(marketplace.ordersOf(ALICE))).containsExactly("ORD-1", "ORD-2");
            assertThat(ids(marketplace.ordersOf(BOB))).containsExactly("ORD-1", "ORD-3");
            assertThat(ids(marketplace.ordersOf(CAROL))).containsExactly("ORD-2", "ORD-3");
            assertThat(marketplace.ordersOf(DAVE)).isEmpty();
            assertThat(marketplace.ordersOf(new PersonId("nobody"))).isEmpty();
        }

        @Test
        void findsPeopleByIdAndByEveryChannelIdentity() {
            assertThat(marketplace.person(ALICE).orElseThrow().name()).isEqualTo("Alice Martin");
            assertThat(marketplace.personByIdentity(ChannelIdentity.of("web:alice"))).map(Person::id).contains(ALICE);
            assertThat(marketplace.personByIdentity(ChannelIdentity.of("slack:T0001/U0ALICE")))
                    .map(Person::id).contains(ALICE);
            assertThat(marketplace.personByIdentity(ChannelIdentity.of("telegram:100002"))).map(Person::id).contains(BOB);
            assertThat(marketplace.person(BOB).orElseThrow().identities())
                    .containsExactly(ChannelIdentity.of("web:bob"), ChannelIdentity.of("telegram:100002"));
        }

        @Test
        void knowsNobodyItWasNotTold() {
            assertThat(marketplace.person(new PersonId("mallory"))).isEmpty();
            assertThat(marketplace.personByIdentity(ChannelIdentity.of("web:mallory"))).isEmpty();
            // The same id on another channel is another identity.
            assertThat(marketplace.personByIdentity(ChannelIdentity.of("slack:alice"))).isEmpty();
            assertThat(marketplace.order(new OrderId("ORD-404"))).isEmpty();
        }

        @Test
        void listsPeopleInFileOrderWithAnOptionalEmail() {
            assertThat(marketplace.people()).extracting(Person::id).containsExactly(ALICE, BOB, CAROL, DAVE);
            assertThat(marketplace.person(BOB).orElseThrow().email()).isEmpty();
            assertThat(marketplace.person(CAROL).orElseThrow().email()).isEqualTo("carol@example.org");
        }

        @Test
        void readsTheLanguageAPersonSpeaksIfTheFileSays() {
            assertThat(marketplace.person(CAROL).orElseThrow().language()).isEqualTo(Language.DE);
            assertThat(marketplace.person(BOB).orElseThrow().language()).isNull();
        }

        @Test
        void handsOutListsNobodyCanChange() {
            assertThatThrownBy(() -> marketplace.people().clear()).isInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(() -> marketplace.ordersOf(ALICE).clear())
                    .isInstanceOf(UnsupportedOperationException.class);
        }

        @Test
        void readsTheSameFromAStreamAsFromAFile() throws Exception {
            try (InputStream in = getClass().getResourceAsStream("/marketplace/small-marketplace.yml")) {
                Marketplace fromStream = YamlMarketplace.fromStream(in, "classpath:marketplace/small-marketplace.yml");

                assertThat(fromStream.people()).isEqualTo(marketplace.people());
                assertThat(fromStream.ordersOf(CAROL)).isEqualTo(marketplace.ordersOf(CAROL));
            }
        }
    }

    @Nested
    class Problems {

        @Test
        void theTemplateOfTheseTestsIsAValidFile() {
            // Each test below changes one thing of this file; the change alone must cause the problem.
            Marketplace marketplace = load(file(TWO_PEOPLE, order()));

            assertThat(marketplace.order(new OrderId("ORD-9"))).isPresent();
        }

        @Test
        void anOrderNamingAnUnknownPerson() {
            assertProblem(file(TWO_PEOPLE, order("client: alise")),
                    "order #1 (ORD-9): client 'alise' is not one of the people in this file",
                    "add the person under people:");
            assertProblem(file(TWO_PEOPLE, order("expert: robert")),
                    "order #1 (ORD-9): expert 'robert' is not one of the people in this file");
        }

        @Test
        void twoPeopleWithOneId() {
            assertProblem(file(TWO_PEOPLE + person("alice", "web:alice2"), order()),
                    "person #3 (alice): the id 'alice' is already used by person #1 (alice)",
                    "give every person their own id");
        }

        @Test
        void twoOrdersWithOneId() {
            assertProblem(file(TWO_PEOPLE, order(), order("title: Another order")),
                    "order #2 (ORD-9): the id 'ORD-9' is already used by order #1 (ORD-9)",
                    "give every order its own id");
        }

        @Test
        void oneChannelIdentityOnTwoPeople() {
            assertProblem(file(TWO_PEOPLE + person("carol", "web:carol, telegram:100001"), order()),
                    "person #3 (carol): identity 'telegram:100001' is also listed for person #1 (alice)",
                    "remove it from one of them");
        }

        @Test
        void aPreferredIdentityThatIsNotOneOfThePersons() {
            assertProblem(file(TWO_PEOPLE + person("carol", "web:carol, slack:T1/U3") + "    preferred: slack:T1/U9\n", order()),
                    "person #3 (carol): preferred 'slack:T1/U9' is not one of the identities listed for this person");
        }

        @Test
        void aPreferredIdentityThatIsNotChannelColonId() {
            assertProblem(file(TWO_PEOPLE + person("carol", "web:carol") + "    preferred: carol\n", order()),
                    "person #3 (carol): preferred 'carol' is not written channel:id");
        }

        @Test
        void aPreferredIdentityIsTheOnlyContactElseEveryIdentityIs() {
            Marketplace marketplace = load(file(TWO_PEOPLE + person("carol", "web:carol, slack:T1/U3")
                    + "    preferred: slack:T1/U3\n", order()));
            assertThat(marketplace.contactsOf(new PersonId("carol"))).containsExactly(ChannelIdentity.of("slack:T1/U3"));
            assertThat(marketplace.contactsOf(ALICE))
                    .containsExactly(ChannelIdentity.of("web:alice"), ChannelIdentity.of("telegram:100001"));
        }

        @Test
        void oneChannelIdentityTwiceOnOnePerson() {
            assertProblem(file(TWO_PEOPLE + person("carol", "web:carol, web:carol"), order()),
                    "person #3 (carol): identity 'web:carol' is listed twice; keep it once");
        }

        @ParameterizedTest
        @ValueSource(strings = {"carol", "web:", ":carol"})
        void anIdentityThatIsNotChannelColonId(String identity) {
            assertProblem(file(TWO_PEOPLE + person("carol", "'" + identity + "'"), order()),
                    "person #3 (carol): identity '" + identity + "' is not written channel:id",
                    "write it like web:alice, slack:T0001/U0ALICE or telegram:100001");
        }

        @Test
        void anUnknownCurrency() {
            assertProblem(file(TWO_PEOPLE, order("currency: EURO")),
                    "order #1 (ORD-9): currency 'EURO' is not an ISO 4217 currency code; use one like EUR, USD or GBP");
        }

        @Test
        void paidMoreThanThePrice() {
            assertProblem(file(TWO_PEOPLE, order("paid: 130.00")),
                    "order #1 (ORD-9): paid (130.00 EUR) is more than the price (100.00 EUR)",
                    "at most the price");
        }

        @Test
        void priceAndPaidInDifferentCurrencies() {
            assertProblem(file(TWO_PEOPLE, order("price: 100.00 EUR", "paid: 100.00 USD")),
                    "order #1 (ORD-9): paid is written in USD but the order's currency is EUR",
                    "price and paid of an order are both in its currency");
        }

        @Test
        void theClientAsTheirOwnExpert() {
            assertProblem(file(TWO_PEOPLE, order("expert: alice")),
                    "order #1 (ORD-9): client and expert are both 'alice'; an order is between two different people");
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
                id       | order #1: id is missing; add id: with a unique order number, like ORD-1001
                title    | order #1 (ORD-9): title is missing; add title:
                client   | order #1 (ORD-9): client is missing; add client: with the id of a person listed under people:
                expert   | order #1 (ORD-9): expert is missing; add expert:
                deadline | order #1 (ORD-9): deadline is missing; add deadline: with the agreed delivery date as YYYY-MM-DD
                currency | order #1 (ORD-9): currency is missing; add currency: with the ISO 4217 code
                price    | order #1 (ORD-9): price is missing; add price: with an amount like 450.00
                paid     | order #1 (ORD-9): paid is missing; add paid:
                delivery | order #1 (ORD-9): delivery is missing; add delivery: with one of NOT_DELIVERED, DELIVERED_LATE, DELIVERED
                deliverables | order #1 (ORD-9): has no deliverables; list what the expert agreed to deliver
                """)
        void anOrderWithoutARequiredField(String field, String problem) {
            assertProblem(file(TWO_PEOPLE, order("-" + field)), problem);
        }

        @Test
        void anOrderWithABlankRequiredField() {
            assertProblem(file(TWO_PEOPLE, order("title: '  '")), "order #1 (ORD-9): title is missing");
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
                name: Carol Diaz                  | person #3: id is missing; add id: with a short unique name
                id: carol                         | person #3 (carol): name is missing; add name: with the person's full name
                id: carol, name: Carol Diaz       | person #3 (carol): has no identities, so the bot cannot reach them; add at least one, like identities: [web:carol]
                """)
        void aPersonWithoutARequiredField(String fields, String problem) {
            String entry = "  - {" + fields + "}\n";
            assertProblem(file(TWO_PEOPLE + entry, order()), problem);
        }

        @ParameterizedTest
        @ValueSource(strings = {"2026-13-01", "01.10.2026", "next Friday", "2026-02-30"})
        void aDeadlineThatIsNotADate(String deadline) {
            assertProblem(file(TWO_PEOPLE, order("deadline: " + deadline)),
                    "order #1 (ORD-9): deadline '" + deadline + "' is not a date; write it as YYYY-MM-DD, like 2026-10-01");
        }

        @ParameterizedTest
        @ValueSource(strings = {"12.345", "-5", "a lot", "1e3"})
        void anAmountThatIsNotAnAmount(String price) {
            assertProblem(file(TWO_PEOPLE, order("price: " + price)),
                    "order #1 (ORD-9): price '" + price + "' is not an amount in EUR;"
                            + " write a number with at most 2 decimals, like 450.00");
        }

        @Test
        void anAmountWithDecimalsInACurrencyThatHasNone() {
            assertProblem(file(TWO_PEOPLE, order("currency: JPY", "price: 100.50", "paid: 100")),
                    "order #1 (ORD-9): price '100.50' is not an amount in JPY; write a whole number, like 450");
        }

        @Test
        void anUnknownDeliveryStatus() {
            assertProblem(file(TWO_PEOPLE, order("delivery: DONE")),
                    "order #1 (ORD-9): delivery 'DONE' is not one of NOT_DELIVERED, DELIVERED_LATE, DELIVERED");
        }

        @Test
        void anEmptyItemInAList() {
            assertProblem(file(TWO_PEOPLE, order("deliverables: [Proofreading, '']")),
                    "order #1 (ORD-9): deliverables item #2 is empty; write it out or remove it");
        }

        @Test
        void anEmptyEntry() {
            assertProblem(file(TWO_PEOPLE + "  -\n", order(), "  -\n"),
                    "person #3: the entry is empty; fill in id, name and identities, or remove the '-'",
                    "order #2: the entry is empty; fill in the order's fields, or remove the '-'");
        }

        @Test
        void aSecondYamlDocumentInTheFile() {
            // A second document would otherwise be ignored without a word.
            assertProblem("people: []\norders: []\n---\npeople: []\n",
                    "line 4: a second YAML document starts here (after ---); keep all people and orders in one");
        }

        @Test
        void anEmailThatIsNotOne() {
            assertProblem(file(TWO_PEOPLE + "  - {id: carol, name: Carol, email: carol.example.org, identities: [web:carol]}\n",
                            order()),
                    "person #3 (carol): email 'carol.example.org' is not an email address");
        }

        @Test
        void aLanguageTheBotDoesNotSpeak() {
            assertProblem(file(TWO_PEOPLE + "  - {id: carol, name: Carol, language: xx, identities: [web:carol]}\n",
                            order()),
                    "person #3 (carol): language 'xx' is not one the bot speaks; write one of en, de, or leave "
                            + "language out");
        }

        @Test
        void aMisspeltField() {
            assertProblem(file(TWO_PEOPLE, order("-price", "+prize: 100.00")),
                    "line ", "order #1: unknown field 'prize'; the fields of this entry are id, title, client, expert,"
                            + " deliverables, deadline, currency, price, paid, delivery, deliveryNotes");
        }

        @Test
        void aFieldWrittenTwice() {
            assertProblem(file(TWO_PEOPLE, order("+title: Second")),
                    "line 19, order #1: a field is written twice in one entry", "\"title\"", "keep one of them");
        }

        @Test
        void aListWrittenAsASingleValue() {
            assertProblem(file("  - {id: alice, name: Alice, identities: web:alice}\n", "orders: []\n"),
                    "line 2, person #1, identities: expected a list, written [first, second] or one '- item' per line");
        }

        @Test
        void aListWhereASingleValueBelongs() {
            assertProblem(file(TWO_PEOPLE, order("price: [100, 200]")),
                    "order #1, price: expected a single value");
        }

        @Test
        void yamlThatDoesNotParse() {
            assertProblem("people:\n  - id: alice\n   name: Alice\n", "line 3", "not valid YAML");
        }

        @Test
        void aFileThatIsNotAMapping() {
            assertProblem("- alice\n- bob\n", "the file must be a mapping with the sections people: and orders:");
        }

        @Test
        void anEmptyFile() {
            MarketplaceFileException problem = problemOf("# only a comment\n");

            assertThat(problem.problems()).containsExactly(
                    "the file has no people: section; list everyone who can take part in a dispute under people:",
                    "the file has no orders: section; list the orders under orders: (write orders: [] for none)");
        }

        @Test
        void reportsEveryProblemAtOnce() {
            MarketplaceFileException problem = problemOf(file(TWO_PEOPLE + person("carol", "carol"),
                    order("paid: 130.00"), order("id: ORD-10", "deadline: soon")));

            assertThat(problem.source()).isEqualTo("broken.yml");
            assertThat(problem.problems()).hasSize(3);
            assertThat(problem.getMessage())
                    .startsWith("Cannot load the marketplace file broken.yml (3 problems):")
                    .contains("person #3 (carol): identity 'carol'", "order #1 (ORD-9): paid (130.00 EUR)",
                            "order #2 (ORD-10): deadline 'soon'");
        }

        @Test
        void anOrderOfAFaultyPersonDoesNotRepeatThatPersonsProblem() {
            MarketplaceFileException problem = problemOf(file(TWO_PEOPLE + person("carol", "carol"),
                    order("client: carol")));

            assertThat(problem.problems()).singleElement().asString().startsWith("person #3 (carol)");
        }

        @Test
        void aFileThatDoesNotExist() {
            Path missing = Path.of("src/test/resources/marketplace/no-such-file.yml");

            assertThatThrownBy(() -> YamlMarketplace.fromFile(missing))
                    .isInstanceOf(MarketplaceFileException.class)
                    .hasMessageContaining(missing.toString())
                    .hasMessageContaining("there is no such file; check the path");
        }
    }

    @Nested
    class TheSampleFile {

        // Maven runs the tests in bot-core's directory; the app ships this file as its default data.
        private final YamlMarketplace sample =
                YamlMarketplace.fromFile(Path.of("../config/src/main/resources/marketplace.yml"));
        private final List<Order> orders = sample.people().stream()
                .flatMap(person -> sample.ordersOf(person.id()).stream()).distinct().toList();

        @Test
        void hasEnoughPeopleAndOrders() {
            assertThat(sample.people()).hasSizeGreaterThanOrEqualTo(8);
            assertThat(orders).hasSizeGreaterThanOrEqualTo(7);
        }

        @Test
        void givesEveryoneAWebIdentityForThePlaygroundAndMostPeopleSlackAndTelegram() {
            assertThat(sample.people()).allSatisfy(person ->
                    assertThat(person.identities()).contains(new ChannelIdentity("web", person.id().value())));
            long onBothChats = sample.people().stream()
                    .filter(person -> channels(person).containsAll(Set.of("slack", "telegram"))).count();
            assertThat(onBothChats).isGreaterThan(sample.people().size() / 2);
            assertThat(sample.people()).flatExtracting(Person::identities)
                    .filteredOn(identity -> identity.channel().equals("slack"))
                    .allSatisfy(identity -> assertThat(identity.id()).matches("T[A-Z0-9]+/U[A-Z0-9]+"));
            assertThat(sample.people()).flatExtracting(Person::identities)
                    .filteredOn(identity -> identity.channel().equals("telegram"))
                    .allSatisfy(identity -> assertThat(identity.id()).matches("\\d+"));
        }

        @Test
        void coversEveryDeliveryStatus() {
            assertThat(orders).extracting(Order::deliveryStatus)
                    .contains(DeliveryStatus.values());
        }

        @Test
        void hasANeverDeliveredOrderWhoseDeadlineHasPassed() {
            // The seed's client comment: the expert kept asking for more time and never delivered.
            assertThat(orders).anySatisfy(order -> {
                assertThat(order.deliveryStatus()).isEqualTo(DeliveryStatus.NOT_DELIVERED);
                assertThat(order.terms().deadline()).isBefore(LocalDate.of(2026, 11, 1));
            });
        }

        @Test
        void usesAtLeastEurosAndDollars() {
            assertThat(orders).extracting(order -> order.terms().price().currency().getCurrencyCode())
                    .contains("EUR", "USD");
        }

        @Test
        void hasSomeoneWhoIsClientOnOneOrderAndExpertOnAnother() {
            Set<PersonId> clients = orders.stream().map(Order::client).collect(Collectors.toSet());
            Set<PersonId> experts = orders.stream().map(Order::expert).collect(Collectors.toSet());

            assertThat(clients).containsAnyElementsOf(experts);
        }

        @Test
        void hasAPartlyPaidOrder() {
            assertThat(orders).anySatisfy(order -> {
                assertThat(order.terms().paid().isZero()).isFalse();
                assertThat(order.terms().paid()).isLessThan(order.terms().price());
            });
        }

        @Test
        void hasAClientWithMoreThanOneOrderToChooseFrom() {
            Map<PersonId, Long> ordersPerClient = orders.stream()
                    .collect(Collectors.groupingBy(Order::client, Collectors.counting()));

            assertThat(ordersPerClient.values()).anySatisfy(count -> assertThat(count).isGreaterThan(1));
        }

        @Test
        void hasSpareExpertsToReplaceAnExpert() {
            assertThat(sample.people()).filteredOn(person -> sample.ordersOf(person.id()).isEmpty())
                    .hasSizeGreaterThanOrEqualTo(2);
        }

        private Set<String> channels(Person person) {
            return person.identities().stream().map(ChannelIdentity::channel).collect(Collectors.toSet());
        }
    }

    // ---- building small files for the problem tests ----

    private static final String TWO_PEOPLE = person("alice", "web:alice, telegram:100001") + person("bob", "web:bob");

    private static String person(String id, String identities) {
        return "  - id: " + id + "\n    name: Person " + id + "\n    identities: [" + identities + "]\n";
    }

    /**
     * One order entry, valid unless changed: {@code "price: 130.00"} sets a field, {@code "-price"}
     * leaves it out, and {@code "+price: 5"} adds a line at the end (so a field can appear twice).
     */
    private static String order(String... changes) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("id", "ORD-9");
        fields.put("title", "Proofreading of a thesis");
        fields.put("client", "alice");
        fields.put("expert", "bob");
        fields.put("deliverables", "[Proofreading with tracked changes]");
        fields.put("deadline", "2026-10-01");
        fields.put("currency", "EUR");
        fields.put("price", "100.00");
        fields.put("paid", "100.00");
        fields.put("delivery", "DELIVERED");
        StringBuilder extra = new StringBuilder();
        for (String change : changes) {
            if (change.startsWith("-")) {
                fields.remove(change.substring(1));
            } else if (change.startsWith("+")) {
                extra.append("    ").append(change.substring(1)).append('\n');
            } else {
                String[] keyAndValue = change.split(": ", 2);
                fields.put(keyAndValue[0], keyAndValue[1]);
            }
        }
        return fields.entrySet().stream().map(field -> field.getKey() + ": " + field.getValue())
                .collect(Collectors.joining("\n    ", "  - ", "\n")) + extra;
    }

    private static String file(String people, String... orders) {
        String ordersSection = orders.length == 1 && orders[0].startsWith("orders:")
                ? orders[0] : "orders:\n" + String.join("", Arrays.asList(orders));
        return "people:\n" + people + ordersSection;
    }

    private static List<String> ids(List<Order> orders) {
        return orders.stream().map(order -> order.id().value()).toList();
    }

    private static YamlMarketplace load(String yaml) {
        return YamlMarketplace.fromStream(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "broken.yml");
    }

    private static MarketplaceFileException problemOf(String yaml) {
        try {
            load(yaml);
        } catch (MarketplaceFileException e) {
            return e;
        }
        throw new AssertionError("expected the file to be refused:\n" + yaml);
    }

    private static void assertProblem(String yaml, String... expectedParts) {
        MarketplaceFileException problem = problemOf(yaml);
        assertThat(problem.getMessage()).as("file:%n%s", yaml)
                .startsWith("Cannot load the marketplace file broken.yml")
                .contains(expectedParts);
    }
}
