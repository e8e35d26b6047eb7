package com.disputeassistant.web;

import com.disputeassistant.conversation.ConversationEngine;
import com.disputeassistant.marketplace.ChannelIdentity;
import com.disputeassistant.marketplace.Marketplace;
import com.disputeassistant.marketplace.Order;
import com.disputeassistant.marketplace.Person;
import com.disputeassistant.procedure.ProcedureSettings;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The playground's identity picker: who can be acted as in the browser. Only people and mediators
 * with a {@code web:} identity are listed, because only those can receive the bot's answers here.
 */
@RestController
@Playground.OnlyWhenOn
class PeopleController {
    private final Marketplace marketplace;
    private final ProcedureSettings settings;
    private final ConversationEngine engine;

    PeopleController(Marketplace marketplace, ProcedureSettings settings, ConversationEngine engine) {
        this.marketplace = marketplace;
        this.settings = settings;
        this.engine = engine;
    }

    @GetMapping(path = "/api/people", produces = MediaType.APPLICATION_JSON_VALUE)
    People people() {
        List<PersonView> people = marketplace.people().stream()
                .flatMap(person -> webIdentityOf(person).map(identity -> PersonView.of(person, identity,
                        marketplace.ordersOf(person.id()))).stream())
                .toList();
        List<MediatorView> mediators = settings.mediators().stream()
                .filter(identity -> WebChannel.NAME.equals(identity.channel()))
                .sorted(Comparator.comparing(ChannelIdentity::toString))
                .map(identity -> new MediatorView(identity.toString(), engine.mediatorName(identity)))
                .toList();
        return new People(people, mediators);
    }

    private static Optional<ChannelIdentity> webIdentityOf(Person person) {
        return person.identities().stream().filter(identity -> WebChannel.NAME.equals(identity.channel())).findFirst();
    }

    record People(List<PersonView> people, List<MediatorView> mediators) {
    }

    record PersonView(String id, String name, String identity, List<OrderView> orders) {
        static PersonView of(Person person, ChannelIdentity identity, List<Order> orders) {
            return new PersonView(person.id().value(), person.name(), identity.toString(),
                    orders.stream().map(order -> OrderView.of(order, person)).toList());
        }
    }

    /** One of the person's orders; {@code client} and {@code expert} are person ids, to find the other party. */
    record OrderView(String id, String title, String role, String client, String expert) {
        static OrderView of(Order order, Person viewer) {
            return new OrderView(order.id().value(), order.title(),
                    order.client().equals(viewer.id()) ? "client" : "expert",
                    order.client().value(), order.expert().value());
        }
    }

    record MediatorView(String identity, String name) {
    }
}
