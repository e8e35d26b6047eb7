package com.disputeassistant.marketplace;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * Reads a person or an order sent as JSON to the marketplace API, and says everything that is wrong
 * with it at once, field by field. What needs the stored data (whether client and expert exist, whether
 * an identity belongs to someone else) is checked by the store, in the same atomic step as the write.
 *
 * <p>Amounts are strings of decimal digits ({@code "450.00"}): a JSON number is refused, because a
 * floating-point number cannot hold every amount in cents exactly.
 */
public final class MarketplaceInput {
    /** Ids in the API's paths: they become parts of Redis keys and URLs, so plain characters only. */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Set<String> PERSON_FIELDS = Set.of("name", "email", "identities");
    private static final Set<String> ORDER_FIELDS = Set.of("title", "client", "expert", "deliverables", "deadline",
            "currency", "price", "paid", "delivery", "deliveryNotes");
    private static final String DELIVERY_VALUES = Arrays.stream(DeliveryStatus.values())
            .map(Enum::name).collect(Collectors.joining(", "));
    private static final int MAX_TEXT = 2_000;
    private static final int MAX_ITEMS = 100;

    private final List<FieldError> errors = new ArrayList<>();

    private MarketplaceInput() {
    }

    /** What was read, or why it could not be. */
    public sealed interface Parsed<T> {
    }

    public record Valid<T>(T value) implements Parsed<T> {
    }

    public record Invalid<T>(List<FieldError> errors) implements Parsed<T> {
        public Invalid {
            errors = List.copyOf(errors);
        }
    }

    /** Whether an id can name a person or an order in the API; empty if so, else what is wrong. */
    public static Optional<FieldError> checkId(String id) {
        if (id == null || !ID.matcher(id).matches()) {
            return Optional.of(new FieldError("id", "an id is 1 to 64 letters, digits, '.', '_' or '-', like alice or ORD-1001"));
        }
        return Optional.empty();
    }

    public static Parsed<Person> person(String id, JsonNode body) {
        MarketplaceInput input = new MarketplaceInput();
        checkId(id).ifPresent(input.errors::add);
        if (!input.isObject(body, PERSON_FIELDS)) {
            return new Invalid<>(input.errors);
        }
        String name = input.text(body, "name", true, "the person's full name, like \"Alice Martin\"");
        String email = input.text(body, "email", false, "an e-mail address");
        if (email != null && (!email.contains("@") || email.chars().anyMatch(Character::isWhitespace))) {
            input.error("email", "not an e-mail address; write it like alice@example.org, or leave email out");
        }
        List<ChannelIdentity> identities = input.identities(body);
        if (!input.errors.isEmpty()) {
            return new Invalid<>(input.errors);
        }
        return new Valid<>(new Person(new PersonId(id), name, email, identities));
    }

    public static Parsed<Order> order(String id, JsonNode body) {
        MarketplaceInput input = new MarketplaceInput();
        checkId(id).ifPresent(input.errors::add);
        if (!input.isObject(body, ORDER_FIELDS)) {
            return new Invalid<>(input.errors);
        }
        String title = input.text(body, "title", true, "what the order is about, in a few words");
        String client = input.personId(body, "client");
        String expert = input.personId(body, "expert");
        if (client != null && client.equals(expert)) {
            input.error("expert", "client and expert are both '" + client + "'; an order is between two different people");
        }
        List<String> deliverables = input.texts(body, "deliverables", true);
        LocalDate deadline = input.deadline(body);
        Currency currency = input.currency(body);
        Money price = input.amount(body, "price", currency);
        Money paid = input.amount(body, "paid", currency);
        if (price != null && paid != null && paid.compareTo(price) > 0) {
            input.error("paid", "paid (" + paid + ") is more than the price (" + price
                    + "); paid is what the client put into escrow, at most the price");
        }
        DeliveryStatus delivery = input.delivery(body);
        List<String> notes = input.texts(body, "deliveryNotes", false);
        if (!input.errors.isEmpty()) {
            return new Invalid<>(input.errors);
        }
        return new Valid<>(new Order(new OrderId(id), title, new PersonId(client), new PersonId(expert),
                new Terms(deliverables, deadline, price, paid), delivery, notes));
    }

    private boolean isObject(JsonNode body, Set<String> fields) {
        if (body == null || !body.isObject()) {
            error("body", "send one JSON object with the fields " + String.join(", ", sorted(fields)));
            return false;
        }
        for (String name : body.propertyNames()) {
            if (!fields.contains(name)) {
                error(name, "unknown field; the fields are " + String.join(", ", sorted(fields)));
            }
        }
        return true;
    }

    private String text(JsonNode body, String field, boolean required, String whatToWrite) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            if (required) {
                error(field, "missing; write " + whatToWrite);
            }
            return null;
        }
        if (!node.isString() || node.asString().isBlank()) {
            error(field, "must be a non-empty string: " + whatToWrite);
            return null;
        }
        if (node.asString().length() > MAX_TEXT) {
            error(field, "longer than " + MAX_TEXT + " characters; shorten it");
            return null;
        }
        return node.asString().strip();
    }

    private String personId(JsonNode body, String field) {
        String id = text(body, field, true, "the id of a person stored with PUT /api/v1/people/{id}");
        if (id != null && checkId(id).isPresent()) {
            error(field, "'" + id + "' is not a person id; ids are 1 to 64 letters, digits, '.', '_' or '-'");
            return null;
        }
        return id;
    }

    private List<ChannelIdentity> identities(JsonNode body) {
        List<String> written = texts(body, "identities", true);
        List<ChannelIdentity> identities = new ArrayList<>();
        Set<ChannelIdentity> seen = new HashSet<>();
        for (int item = 0; item < written.size(); item++) {
            Optional<ChannelIdentity> identity = ChannelIdentity.parse(written.get(item));
            String field = "identities[" + item + "]";
            if (identity.isEmpty()) {
                error(field, "'" + written.get(item) + "' is not written channel:id; write it like web:alice, "
                        + "slack:T0001/U0ALICE or telegram:100001");
            } else if (!seen.add(identity.get())) {
                error(field, "'" + identity.get() + "' is listed twice; keep it once");
            } else {
                identities.add(identity.get());
            }
        }
        return identities;
    }

    /** A list of non-empty strings; an absent optional list is empty. */
    private List<String> texts(JsonNode body, String field, boolean required) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            if (required) {
                error(field, "missing; write a list of strings, like [\"first\", \"second\"]");
            }
            return List.of();
        }
        if (!node.isArray()) {
            error(field, "must be a list of strings, like [\"first\", \"second\"]");
            return List.of();
        }
        if (required && node.isEmpty()) {
            error(field, "is empty; list at least one");
        }
        if (node.size() > MAX_ITEMS) {
            error(field, "has more than " + MAX_ITEMS + " items");
            return List.of();
        }
        List<String> texts = new ArrayList<>();
        for (int item = 0; item < node.size(); item++) {
            JsonNode value = node.get(item);
            if (!value.isString() || value.asString().isBlank()) {
                error(field + "[" + item + "]", "must be a non-empty string");
            } else if (value.asString().length() > MAX_TEXT) {
                error(field + "[" + item + "]", "longer than " + MAX_TEXT + " characters; shorten it");
            } else {
                texts.add(value.asString().strip());
            }
        }
        return texts;
    }

    private LocalDate deadline(JsonNode body) {
        String text = text(body, "deadline", true, "the agreed delivery date as \"YYYY-MM-DD\"");
        if (text == null) {
            return null;
        }
        Optional<LocalDate> date = OrderValues.date(text);
        if (date.isEmpty()) {
            error("deadline", "'" + text + "' is not a date; " + OrderValues.DATE_HINT);
        }
        return date.orElse(null);
    }

    private Currency currency(JsonNode body) {
        String code = text(body, "currency", true, "the ISO 4217 code the order is paid in, like \"EUR\"");
        if (code == null) {
            return null;
        }
        Optional<Currency> currency = code.matches("[A-Z]{3}") ? OrderValues.currency(code) : Optional.empty();
        if (currency.isEmpty()) {
            error("currency", "'" + code + "' is not an ISO 4217 currency code (three capital letters); "
                    + OrderValues.CURRENCY_HINT);
        }
        return currency.orElse(null);
    }

    private Money amount(JsonNode body, String field, Currency currency) {
        JsonNode node = body.get(field);
        if (node != null && node.isNumber()) {
            error(field, "write the amount as a string, like \"450.00\", not as a JSON number: a floating-point "
                    + "number cannot hold every amount exactly");
            return null;
        }
        String text = text(body, field, true, "an amount in the order's currency as a string, like \"450.00\"");
        if (text == null || currency == null) {
            return null;
        }
        Optional<Money> amount = text.matches("\\d{1,15}(\\.\\d+)?") ? Money.parse(text, currency) : Optional.empty();
        if (amount.isEmpty()) {
            error(field, "'" + text + "' is not an amount in " + currency.getCurrencyCode() + "; write "
                    + OrderValues.amountHint(currency) + ", as a string");
            return null;
        }
        return amount.get();
    }

    private DeliveryStatus delivery(JsonNode body) {
        String text = text(body, "delivery", true, "one of " + DELIVERY_VALUES);
        if (text == null) {
            return null;
        }
        try {
            return DeliveryStatus.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            error("delivery", "'" + text + "' is not one of " + DELIVERY_VALUES);
            return null;
        }
    }

    private void error(String field, String message) {
        errors.add(new FieldError(field, message));
    }

    private static List<String> sorted(Set<String> fields) {
        return fields.stream().sorted().toList();
    }
}
