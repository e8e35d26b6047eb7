package com.disputeassistant.app.api;

import com.disputeassistant.marketplace.FieldError;
import com.disputeassistant.marketplace.MarketplaceInput;
import com.disputeassistant.marketplace.Order;
import com.disputeassistant.marketplace.OrderId;
import com.disputeassistant.marketplace.Person;
import com.disputeassistant.marketplace.PersonId;
import com.disputeassistant.store.MarketplaceWrite;
import com.disputeassistant.marketplace.CachedMarketplace;
import com.disputeassistant.store.RedisMarketplace;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * People and orders: {@code PUT} creates or replaces (201 or 200, with an {@code ETag}; {@code If-Match}
 * makes it conditional), {@code GET} reads, {@code DELETE} removes unless an open dispute needs it (409,
 * naming the dispute). Only translates: what is valid is decided by {@link MarketplaceInput} and, for what
 * depends on stored data, by the store, atomically. Every write is logged with the API key's name.
 */
@RestController
@RequestMapping("/api/v1")
class MarketplaceApiController {
    private static final Logger log = LoggerFactory.getLogger(MarketplaceApiController.class);
    private static final JsonMapper JSON = JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    private final RedisMarketplace marketplace;
    /** What the engine reads: told of every write here, so this instance sees it at once. */
    private final CachedMarketplace cache;

    MarketplaceApiController(RedisMarketplace marketplace, CachedMarketplace cache) {
        this.cache = cache;
        this.marketplace = marketplace;
    }

    @PutMapping("/people/{id}")
    ResponseEntity<Object> putPerson(@PathVariable String id, @RequestBody(required = false) String body,
                                     @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                     Principal key) {
        return put("person", id, body, ifMatch, key, MarketplaceInput::person, marketplace::putPerson,
                () -> marketplace.storedPerson(new PersonId(id)), MarketplaceApiController::view);
    }

    @PutMapping("/orders/{id}")
    ResponseEntity<Object> putOrder(@PathVariable String id, @RequestBody(required = false) String body,
                                    @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                    Principal key) {
        return put("order", id, body, ifMatch, key, MarketplaceInput::order,
                (order, version) -> marketplace.putOrder(order, version, "marketplace (API key " + key.getName() + ")"),
                () -> marketplace.storedOrder(new OrderId(id)), MarketplaceApiController::view);
    }

    /** Reads, checks and writes one person or order, and answers how it went. */
    private <T> ResponseEntity<Object> put(String what, String id, String body, String ifMatch, Principal key,
                                           BiFunction<String, JsonNode, MarketplaceInput.Parsed<T>> parse,
                                           BiFunction<T, Long, MarketplaceWrite> write,
                                           Supplier<Optional<RedisMarketplace.Versioned<T>>> stored,
                                           Function<T, Map<String, Object>> view) {
        String action = "PUT " + what;
        String invalid = "The " + what;
        Input input = Input.read(body, ifMatch);
        MarketplaceInput.Parsed<T> parsed = input.errors.isEmpty() ? parse.apply(id, input.json)
                : new MarketplaceInput.Invalid<>(input.errors);
        if (parsed instanceof MarketplaceInput.Invalid<T> errors) {
            return logged(key, action, id, ApiAnswers.invalid(invalid, errors.errors()));
        }
        MarketplaceWrite result = write.apply(((MarketplaceInput.Valid<T>) parsed).value(), input.version);
        if (result instanceof MarketplaceWrite.Written written && written.notedIn().isPresent()) {
            log.info("Marketplace API: {} {} changed while dispute {} is open; the dispute keeps its terms",
                    what, id, written.notedIn().get());
        }
        Optional<FieldError> refused = refusal(result);
        if (refused.isPresent()) {
            return logged(key, action, id, ApiAnswers.invalid(invalid, List.of(refused.get())));
        }
        return logged(key, action, id, written(result, stored, view));
    }

    /** What the store refused because of other stored data, as the field to change. */
    private static Optional<FieldError> refusal(MarketplaceWrite result) {
        if (result instanceof MarketplaceWrite.IdentityTaken taken) {
            return Optional.of(new FieldError("identities[" + taken.index() + "]", "'" + taken.identity()
                    + "' belongs to person '" + taken.owner() + "'; an identity leads to one person only. Remove it from '"
                    + taken.owner() + "' first (PUT that person without it), or leave it out here"));
        }
        if (result instanceof MarketplaceWrite.UnknownPerson unknown) {
            return Optional.of(new FieldError(unknown.field(), "there is no person '" + unknown.person()
                    + "'; create them first with PUT /api/v1/people/" + unknown.person()));
        }
        return Optional.empty();
    }

    @GetMapping("/people/{id}")
    ResponseEntity<Object> getPerson(@PathVariable String id) {
        if (MarketplaceInput.checkId(id).isPresent()) {
            return ApiAnswers.answer(HttpStatus.NOT_FOUND, "There is no person '" + id + "'.");
        }
        return found(marketplace.storedPerson(new PersonId(id)), MarketplaceApiController::view, "person", id);
    }

    @GetMapping("/orders/{id}")
    ResponseEntity<Object> getOrder(@PathVariable String id) {
        if (MarketplaceInput.checkId(id).isPresent()) {
            return ApiAnswers.answer(HttpStatus.NOT_FOUND, "There is no order '" + id + "'.");
        }
        return found(marketplace.storedOrder(new OrderId(id)), MarketplaceApiController::view, "order", id);
    }

    @DeleteMapping("/people/{id}")
    ResponseEntity<Object> deletePerson(@PathVariable String id, Principal key) {
        if (MarketplaceInput.checkId(id).isPresent()) {
            return logged(key, "DELETE person", id, ApiAnswers.answer(HttpStatus.NOT_FOUND, "There is no person '" + id + "'."));
        }
        return logged(key, "DELETE person", id, deleted(marketplace.deletePerson(new PersonId(id)), "person", id));
    }

    @DeleteMapping("/orders/{id}")
    ResponseEntity<Object> deleteOrder(@PathVariable String id, Principal key) {
        if (MarketplaceInput.checkId(id).isPresent()) {
            return logged(key, "DELETE order", id, ApiAnswers.answer(HttpStatus.NOT_FOUND, "There is no order '" + id + "'."));
        }
        return logged(key, "DELETE order", id, deleted(marketplace.deleteOrder(new OrderId(id)), "order", id));
    }

    private static ResponseEntity<Object> deleted(MarketplaceWrite result, String what, String id) {
        if (result instanceof MarketplaceWrite.Deleted) {
            return ResponseEntity.noContent().build();
        }
        if (result instanceof MarketplaceWrite.NotFound) {
            return ApiAnswers.answer(HttpStatus.NOT_FOUND, "There is no " + what + " '" + id + "'.");
        }
        if (result instanceof MarketplaceWrite.NeededByDispute needed) {
            Map<String, Object> body = ApiAnswers.error("The " + what + " '" + id + "' cannot be deleted: dispute "
                    + needed.dispute() + " is open and needs it. Delete it once that dispute is closed.");
            body.put("dispute", needed.dispute().value());
            return ResponseEntity.status(HttpStatus.CONFLICT).body(body);
        }
        if (result instanceof MarketplaceWrite.NeededByOrder needed) {
            Map<String, Object> body = ApiAnswers.error("The person '" + id + "' cannot be deleted: they are client or "
                    + "expert of order " + needed.order() + ". Delete or change their orders first.");
            body.put("order", needed.order());
            return ResponseEntity.status(HttpStatus.CONFLICT).body(body);
        }
        throw new IllegalStateException("a delete answered " + result);
    }

    private static <T> ResponseEntity<Object> written(MarketplaceWrite result,
                                                      Supplier<Optional<RedisMarketplace.Versioned<T>>> stored,
                                                      Function<T, Map<String, Object>> view) {
        if (result instanceof MarketplaceWrite.VersionConflict conflict) {
            return ApiAnswers.answer(HttpStatus.PRECONDITION_FAILED,
                    "If-Match names another version than the stored one (" + conflict.current() + "): someone changed it "
                            + "meanwhile. GET it, apply your change, and send it with If-Match: \"" + conflict.current() + "\".");
        }
        if (result instanceof MarketplaceWrite.Written written) {
            return withVersion(written.created() ? HttpStatus.CREATED : HttpStatus.OK, stored.get(), view, written.version());
        }
        if (result instanceof MarketplaceWrite.Unchanged unchanged) {
            return withVersion(HttpStatus.OK, stored.get(), view, unchanged.version());
        }
        throw new IllegalStateException("a write answered " + result);
    }

    /** The stored value as written; if it changed again meanwhile, the newer one with its own version. */
    private static <T> ResponseEntity<Object> withVersion(HttpStatus status, Optional<RedisMarketplace.Versioned<T>> stored,
                                                          Function<T, Map<String, Object>> view, long version) {
        if (stored.isEmpty()) {
            return ResponseEntity.status(status).eTag(etag(version)).build();
        }
        Map<String, Object> body = view.apply(stored.get().value());
        body.put("version", stored.get().version());
        return ResponseEntity.status(status).eTag(etag(stored.get().version())).body(body);
    }

    private static <T> ResponseEntity<Object> found(Optional<RedisMarketplace.Versioned<T>> stored,
                                                    Function<T, Map<String, Object>> view, String what, String id) {
        if (stored.isEmpty()) {
            return ApiAnswers.answer(HttpStatus.NOT_FOUND, "There is no " + what + " '" + id + "'.");
        }
        return withVersion(HttpStatus.OK, stored, view, stored.get().version());
    }

    private static String etag(long version) {
        return "\"" + version + "\"";
    }

    private ResponseEntity<Object> logged(Principal key, String action, String id, ResponseEntity<Object> answer) {
        cache.forget();
        log.info("Marketplace API: key '{}' {} '{}': {}", key.getName(), action, id, answer.getStatusCode().value());
        return answer;
    }

    static Map<String, Object> view(Person person) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", person.id().value());
        view.put("name", person.name());
        if (!person.email().isEmpty()) {
            view.put("email", person.email());
        }
        view.put("identities", person.identities().stream().map(Object::toString).toList());
        return view;
    }

    static Map<String, Object> view(Order order) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", order.id().value());
        view.put("title", order.title());
        view.put("client", order.client().value());
        view.put("expert", order.expert().value());
        view.put("deliverables", order.terms().deliverables());
        view.put("deadline", order.terms().deadline().toString());
        view.put("currency", order.terms().price().currency().getCurrencyCode());
        view.put("price", order.terms().price().amount().toPlainString());
        view.put("paid", order.terms().paid().amount().toPlainString());
        view.put("delivery", order.deliveryStatus().name());
        view.put("deliveryNotes", order.deliveryNotes());
        return view;
    }

    /** The body as JSON and the If-Match version, or what is wrong with them. */
    private record Input(JsonNode json, Long version, List<FieldError> errors) {
        static Input read(String body, String ifMatch) {
            List<FieldError> errors = new java.util.ArrayList<>();
            Long version = null;
            if (ifMatch != null) {
                String tag = ifMatch.strip().replaceFirst("^W/", "").replace("\"", "");
                if (!tag.matches("\\d{1,18}")) {
                    errors.add(new FieldError("If-Match", "write the version from the ETag of a GET, like \"3\""));
                } else {
                    version = Long.parseLong(tag);
                }
            }
            JsonNode json = null;
            if (body == null || body.isBlank()) {
                errors.add(new FieldError("body", "the request needs a JSON object as its body"));
            } else {
                try {
                    json = JSON.readTree(body);
                } catch (JacksonException e) {
                    errors.add(new FieldError("body", "not valid JSON: " + e.getOriginalMessage()));
                }
            }
            return new Input(json, version, errors);
        }
    }
}
