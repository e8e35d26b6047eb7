package com.disputeassistant.store;

import com.disputeassistant.dispute.DisputeId;
import com.disputeassistant.marketplace.ChannelIdentity;
import com.disputeassistant.marketplace.OrderId;
import com.disputeassistant.marketplace.PersonId;
import java.util.List;

/**
 * The names of the store's keys, all under one prefix. A dispute's own keys carry its id as a hash tag
 * ({@code dispute:{D7K2M9QX}}, {@code dispute:{D7K2M9QX}:timeline}), so Redis Cluster keeps them in one slot.
 */
record RedisKeys(String prefix) {

    RedisKeys {
        if (prefix == null) {
            throw new IllegalArgumentException("a key prefix is required; use \"\" for none, e.g. \"da:\"");
        }
    }

    String dispute(DisputeId id) {
        return dispute(id.value());
    }

    /** Also for an id read back from Redis (an order's holder), which need not be checked to be named. */
    String dispute(String id) {
        return prefix + "dispute:{" + id + "}";
    }

    /** What {@link #dispute} puts before and after a dispute's id, for a script that learns the id itself. */
    List<String> disputeAround() {
        return List.of(prefix + "dispute:{", "}");
    }

    String timeline(DisputeId id) {
        return dispute(id) + ":timeline";
    }

    String transcript(DisputeId id) {
        return dispute(id) + ":transcript";
    }

    String order(OrderId id) {
        return prefix + "order:" + id.value() + ":dispute";
    }

    /** Every order's claim key, for a SCAN; see {@link #order}. */
    String orderPattern() {
        return prefix + "order:*:dispute";
    }

    String openDisputes(PersonId person) {
        return prefix + "person:" + person.value() + ":disputes";
    }

    static final String LAST_ADDRESS_SUFFIX = ":reach";

    String lastAddress(PersonId person) {
        return lastAddressPrefix() + person.value() + LAST_ADDRESS_SUFFIX;
    }

    /** What {@link #lastAddress} puts before the person's id, for a script that learns the id itself. */
    String lastAddressPrefix() {
        return prefix + "person:";
    }

    String focus(ChannelIdentity identity) {
        return prefix + "focus:" + identity.channel() + ":" + identity.id();
    }

    String inbound(String deliveryId) {
        return prefix + "inbound:" + deliveryId;
    }

    String languages() {
        return prefix + "languages";
    }

    String mediatorQueue() {
        return prefix + "mediators:queue";
    }

    String closedDisputes() {
        return prefix + "disputes:closed";
    }

    String timers() {
        return prefix + "timers";
    }

    String payments() {
        return prefix + "payments:outcomes";
    }

    // The marketplace's people and orders (RedisMarketplace).

    String marketPerson(String id) {
        return prefix + "market:person:{" + id + "}";
    }

    String marketPeople() {
        return prefix + "market:people";
    }

    String marketIdentity(ChannelIdentity identity) {
        return prefix + "market:identity:" + identity;
    }

    String marketOrder(String id) {
        return prefix + "market:order:{" + id + "}";
    }

    String marketOrders() {
        return prefix + "market:orders";
    }

    String marketOrdersOf(String personId) {
        return prefix + "market:person:{" + personId + "}:orders";
    }

    String marketSequence() {
        return prefix + "market:seq";
    }

    String marketSeeded() {
        return prefix + "market:seeded";
    }
}
