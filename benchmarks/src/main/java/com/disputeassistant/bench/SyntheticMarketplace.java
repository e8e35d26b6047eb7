package com.disputeassistant.bench;

import com.disputeassistant.marketplace.ChannelIdentity;
import com.disputeassistant.marketplace.DeliveryStatus;
import com.disputeassistant.marketplace.Marketplace;
import com.disputeassistant.marketplace.Money;
import com.disputeassistant.marketplace.Order;
import com.disputeassistant.marketplace.OrderId;
import com.disputeassistant.marketplace.Person;
import com.disputeassistant.marketplace.PersonId;
import com.disputeassistant.marketplace.Terms;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * A marketplace of {@code size} orders computed from their number, so 100,000 orders cost no memory and
 * no start-up: order {@code ORD-n} is between client {@code cn} ({@code web:cn}) and expert {@code en}
 * ({@code web:en}), 1,000.00 EUR, paid in full, delivered. Each person has exactly one order, so every
 * dispute has its own two parties, as in a marketplace with many customers.
 */
final class SyntheticMarketplace implements Marketplace {
    static final String PRICE = "1000.00";
    private static final Terms TERMS = new Terms(List.of("Line edit of chapters 1-12", "Style sheet"),
            LocalDate.of(2026, 10, 1), Money.of(PRICE, "EUR"), Money.of(PRICE, "EUR"));
    /** The people offered when a client asks for another expert; the scripts never do. */
    private static final int LISTED_PEOPLE = 20;

    private final int size;

    SyntheticMarketplace(int size) {
        this.size = size;
    }

    static ChannelIdentity client(int n) {
        return ChannelIdentity.of("web:c" + n);
    }

    static ChannelIdentity expert(int n) {
        return ChannelIdentity.of("web:e" + n);
    }

    Order orderNumber(int n) {
        return new Order(new OrderId("ORD-" + n), "Copy-editing of novel " + n, new PersonId("c" + n),
                new PersonId("e" + n), TERMS, DeliveryStatus.DELIVERED, List.of("Chapters 1-12 with tracked changes"));
    }

    @Override
    public Optional<Order> order(OrderId id) {
        return number(id.value(), "ORD-").map(this::orderNumber);
    }

    @Override
    public List<Order> ordersOf(PersonId person) {
        return number(person.value(), "c").or(() -> number(person.value(), "e")).map(n -> List.of(orderNumber(n)))
                .orElse(List.of());
    }

    @Override
    public Optional<Person> person(PersonId id) {
        String value = id.value();
        return number(value, "c").map(n -> personOf(value, "Client " + n))
                .or(() -> number(value, "e").map(n -> personOf(value, "Expert " + n)));
    }

    @Override
    public Optional<Person> personByIdentity(ChannelIdentity identity) {
        return identity.channel().equals("web") ? person(new PersonId(identity.id())) : Optional.empty();
    }

    @Override
    public List<Person> people() {
        return IntStream.range(0, Math.min(size, LISTED_PEOPLE / 2))
                .mapToObj(n -> List.of(personOf("c" + n, "Client " + n), personOf("e" + n, "Expert " + n)))
                .flatMap(List::stream).toList();
    }

    private static Person personOf(String id, String name) {
        return new Person(new PersonId(id), name, id + "@example.org", List.of(ChannelIdentity.of("web:" + id)));
    }

    /** The n in prefix + n, if it is one of this marketplace's numbers. */
    private Optional<Integer> number(String value, String prefix) {
        if (!value.startsWith(prefix) || value.length() == prefix.length() || value.length() > prefix.length() + 9) {
            return Optional.empty();
        }
        String digits = value.substring(prefix.length());
        if (!digits.chars().allMatch(Character::isDigit)) {
            return Optional.empty();
        }
        int n = Integer.parseInt(digits);
        return n < size ? Optional.of(n) : Optional.empty();
    }
}
