package com.disputeassistant.marketplace;

import static com.disputeassistant.marketplace.MarketplaceFile.entry;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.disputeassistant.marketplace.MarketplaceFile.OrderEntry;
import com.disputeassistant.marketplace.MarketplaceFile.PersonEntry;

/**
 * Turns a parsed marketplace file into people and orders. It goes through the whole file and
 * collects every problem before failing, so the person fixing the file sees them all at once; an
 * entry with a problem is left out, and nothing is returned unless the whole file is sound.
 */
final class MarketplaceFileChecker {

    record Contents(List<Person> people, List<Order> orders) {
    }

    /** {@code 450.00}, {@code 450}, or with the currency repeated: {@code 450.00 EUR}. */
    private static final Pattern AMOUNT_WITH_CODE = Pattern.compile("(.*\\d)\\s*([A-Za-z]{3})");
    private static final String DELIVERY_VALUES = Arrays.stream(DeliveryStatus.values())
            .map(Enum::name).collect(Collectors.joining(", "));

    private final List<String> problems = new ArrayList<>();
    /** Every person id written in the file, even on a faulty entry, so orders don't repeat its problem. */
    private final Map<String, String> personEntries = new HashMap<>();
    private final Map<ChannelIdentity, String> identityOwners = new HashMap<>();
    private final Map<String, String> orderEntries = new HashMap<>();

    private MarketplaceFileChecker() {
    }

    /** The file's people and orders, in file order; throws if anything in it is wrong. */
    static Contents check(MarketplaceFile file, String source) {
        MarketplaceFileChecker checker = new MarketplaceFileChecker();
        List<Person> people = checker.people(file.people());
        List<Order> orders = checker.orders(file.orders());
        if (!checker.problems.isEmpty()) {
            throw new MarketplaceFileException(source, checker.problems);
        }
        return new Contents(people, orders);
    }

    private List<Person> people(List<PersonEntry> entries) {
        if (entries == null) {
            problems.add("the file has no people: section; list everyone who can take part in a dispute under people:");
            return List.of();
        }
        List<Person> people = new ArrayList<>();
        for (int index = 0; index < entries.size(); index++) {
            person(index, entries.get(index)).ifPresent(people::add);
        }
        return people;
    }

    private Optional<Person> person(int index, PersonEntry entry) {
        if (entry == null) {
            problem(entry("people", index, null), "the entry is empty; fill in id, name and identities, or remove the '-'");
            return Optional.empty();
        }
        String label = entry("people", index, entry.id());
        int problemsBefore = problems.size();
        String id = required(label, "id", entry.id(), "a short unique name, like alice");
        String name = required(label, "name", entry.name(), "the person's full name");
        if (id != null) {
            String earlier = personEntries.putIfAbsent(id, label);
            if (earlier != null) {
                problem(label, "the id '" + id + "' is already used by " + earlier + "; give every person their own id");
            }
        }
        String email = entry.email() == null ? "" : entry.email().strip();
        if (!email.isEmpty() && (!email.contains("@") || email.chars().anyMatch(Character::isWhitespace))) {
            problem(label, "email '" + email + "' is not an email address; write it like alice@example.org, or leave email out");
        }
        List<ChannelIdentity> identities = identities(label, id, entry.identities());
        ChannelIdentity preferred = preferred(label, entry.preferred(), identities);
        if (problems.size() > problemsBefore) {
            return Optional.empty();
        }
        return build(label, () -> new Person(new PersonId(id), name, email, identities, preferred));
    }

    private List<ChannelIdentity> identities(String label, String personId, List<String> written) {
        if (written == null || written.isEmpty()) {
            problem(label, "has no identities, so the bot cannot reach them; add at least one, like identities: [web:"
                    + (personId == null ? "alice" : personId) + "]");
            return List.of();
        }
        List<ChannelIdentity> identities = new ArrayList<>();
        Set<ChannelIdentity> listed = new HashSet<>();
        for (int item = 0; item < written.size(); item++) {
            String text = written.get(item);
            Optional<ChannelIdentity> parsed = ChannelIdentity.parse(text);
            if (parsed.isEmpty()) {
                problem(label, (text == null || text.isBlank() ? "identities item #" + (item + 1) + " is empty"
                        : "identity '" + text.strip() + "' is not written channel:id")
                        + "; write it like web:alice, slack:T0001/U0ALICE or telegram:100001");
                continue;
            }
            ChannelIdentity identity = parsed.get();
            if (!listed.add(identity)) {
                problem(label, "identity '" + identity + "' is listed twice; keep it once");
                continue;
            }
            String owner = identityOwners.putIfAbsent(identity, label);
            if (owner != null) {
                problem(label, "identity '" + identity + "' is also listed for " + owner
                        + "; a channel identity must lead to exactly one person, so remove it from one of them");
            }
            identities.add(identity);
        }
        return identities;
    }

    /** The optional channel to reach the person on before they write: one of their identities. */
    private ChannelIdentity preferred(String label, String written, List<ChannelIdentity> identities) {
        if (written == null) {
            return null;
        }
        Optional<ChannelIdentity> parsed = ChannelIdentity.parse(written);
        if (parsed.isEmpty()) {
            problem(label, "preferred '" + written.strip() + "' is not written channel:id; write one of the person's"
                    + " identities, like web:alice, or leave preferred out to reach them on all of them");
            return null;
        }
        if (!identities.isEmpty() && !identities.contains(parsed.get())) {
            problem(label, "preferred '" + parsed.get() + "' is not one of the identities listed for this person;"
                    + " add it to identities, or name one of " + identities);
            return null;
        }
        return parsed.get();
    }

    private List<Order> orders(List<OrderEntry> entries) {
        if (entries == null) {
            problems.add("the file has no orders: section; list the orders under orders: (write orders: [] for none)");
            return List.of();
        }
        List<Order> orders = new ArrayList<>();
        for (int index = 0; index < entries.size(); index++) {
            order(index, entries.get(index)).ifPresent(orders::add);
        }
        return orders;
    }

    private Optional<Order> order(int index, OrderEntry entry) {
        if (entry == null) {
            problem(entry("orders", index, null), "the entry is empty; fill in the order's fields, or remove the '-'");
            return Optional.empty();
        }
        String label = entry("orders", index, entry.id());
        int problemsBefore = problems.size();
        String id = required(label, "id", entry.id(), "a unique order number, like ORD-1001");
        if (id != null) {
            String earlier = orderEntries.putIfAbsent(id, label);
            if (earlier != null) {
                problem(label, "the id '" + id + "' is already used by " + earlier + "; give every order its own id");
            }
        }
        String title = required(label, "title", entry.title(), "what the order is about, in a few words");
        String client = party(label, "client", entry.client());
        String expert = party(label, "expert", entry.expert());
        if (client != null && client.equals(expert)) {
            problem(label, "client and expert are both '" + client
                    + "'; an order is between two different people, so correct one of them");
        }
        List<String> deliverables = deliverables(label, entry.deliverables());
        LocalDate deadline = deadline(label, entry.deadline());
        Currency currency = currency(label, entry.currency());
        Money price = amount(label, "price", entry.price(), currency);
        Money paid = amount(label, "paid", entry.paid(), currency);
        if (price != null && paid != null && paid.compareTo(price) > 0) {
            problem(label, "paid (" + paid + ") is more than the price (" + price
                    + "); paid is what the client put into escrow, at most the price");
        }
        DeliveryStatus delivery = delivery(label, entry.delivery());
        List<String> notes = texts(label, "deliveryNotes", entry.deliveryNotes());
        if (problems.size() > problemsBefore) {
            return Optional.empty();
        }
        return build(label, () -> new Order(new OrderId(id), title, new PersonId(client), new PersonId(expert),
                new Terms(deliverables, deadline, price, paid), delivery, notes));
    }

    private String party(String label, String role, String written) {
        String id = required(label, role, written, "the id of a person listed under people:");
        if (id != null && !personEntries.containsKey(id)) {
            problem(label, role + " '" + id + "' is not one of the people in this file;"
                    + " correct the id, or add the person under people:");
        }
        return id;
    }

    private List<String> deliverables(String label, List<String> written) {
        if (written == null || written.isEmpty()) {
            problem(label, "has no deliverables; list what the expert agreed to deliver,"
                    + " like deliverables: [Line edit of chapters 1-12, Style sheet]");
            return List.of();
        }
        return texts(label, "deliverables", written);
    }

    /** The items of an optional list of texts, stripped; an empty item is a problem (a stray '-'). */
    private List<String> texts(String label, String field, List<String> written) {
        if (written == null) {
            return List.of();
        }
        List<String> texts = new ArrayList<>();
        for (int item = 0; item < written.size(); item++) {
            String text = written.get(item);
            if (text == null || text.isBlank()) {
                problem(label, field + " item #" + (item + 1) + " is empty; write it out or remove it");
            } else {
                texts.add(text.strip());
            }
        }
        return texts;
    }

    private LocalDate deadline(String label, String written) {
        String text = required(label, "deadline", written, "the agreed delivery date as YYYY-MM-DD");
        if (text == null) {
            return null;
        }
        Optional<LocalDate> date = OrderValues.date(text);
        if (date.isEmpty()) {
            problem(label, "deadline '" + text + "' is not a date; " + OrderValues.DATE_HINT);
        }
        return date.orElse(null);
    }

    private Currency currency(String label, String written) {
        String code = required(label, "currency", written, "the ISO 4217 code the order is paid in, like EUR");
        if (code == null) {
            return null;
        }
        Optional<Currency> currency = OrderValues.currency(code);
        if (currency.isEmpty()) {
            problem(label, "currency '" + code + "' is not an ISO 4217 currency code; " + OrderValues.CURRENCY_HINT);
        }
        return currency.orElse(null);
    }

    /**
     * Reads an amount exactly (as text, never as a floating-point number). It is in the order's
     * currency; it may repeat the code ({@code 450.00 EUR}), which must then be that currency.
     */
    private Money amount(String label, String field, String written, Currency currency) {
        String text = required(label, field, written, "an amount like 450.00, in the order's currency");
        if (text == null || currency == null) {
            return null;
        }
        String number = text;
        Matcher withCode = AMOUNT_WITH_CODE.matcher(text);
        if (withCode.matches()) {
            String code = withCode.group(2).toUpperCase(Locale.ROOT);
            if (!code.equals(currency.getCurrencyCode())) {
                problem(label, field + " is written in " + code + " but the order's currency is "
                        + currency.getCurrencyCode() + "; price and paid of an order are both in its currency,"
                        + " so correct the code or the currency");
                return null;
            }
            number = withCode.group(1);
        }
        Optional<Money> amount = Money.parse(number, currency);
        if (amount.isEmpty()) {
            problem(label, field + " '" + text + "' is not an amount in " + currency.getCurrencyCode() + "; write "
                    + OrderValues.amountHint(currency));
            return null;
        }
        return amount.get();
    }

    private DeliveryStatus delivery(String label, String written) {
        String text = required(label, "delivery", written, "one of " + DELIVERY_VALUES);
        if (text == null) {
            return null;
        }
        try {
            return DeliveryStatus.valueOf(text.toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_'));
        } catch (IllegalArgumentException e) {
            problem(label, "delivery '" + text + "' is not one of " + DELIVERY_VALUES);
            return null;
        }
    }

    /** The stripped value, or null after reporting that the field is missing. */
    private String required(String label, String field, String written, String whatToWrite) {
        if (written == null || written.isBlank()) {
            problem(label, field + " is missing; add " + field + ": with " + whatToWrite);
            return null;
        }
        return written.strip();
    }

    /**
     * Builds the value; the records guard their own invariants, and should one of them still object
     * after the checks above, the file's reader gets that message with the entry named.
     */
    private <T> Optional<T> build(String label, Supplier<T> value) {
        try {
            return Optional.of(value.get());
        } catch (IllegalArgumentException e) {
            problem(label, e.getMessage());
            return Optional.empty();
        }
    }

    private void problem(String label, String what) {
        problems.add(label + ": " + what);
    }
}
