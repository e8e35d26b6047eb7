package com.disputeassistant.store;

import com.disputeassistant.dispute.TranscriptEntry;
import com.disputeassistant.dispute.Dispute;
import com.disputeassistant.dispute.DisputeId;
import com.disputeassistant.dispute.TimelineEntry;
import com.disputeassistant.marketplace.Address;
import com.disputeassistant.marketplace.OrderId;
import com.disputeassistant.marketplace.PersonId;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * How the store wrote disputes, timeline entries and transcript lines as JSON before the compact stored
 * form ({@link StoredForm}, which reads this form too): readable in {@code redis-cli}, instants as ISO text,
 * enums by name, money as {@code {"minorUnits":..,"currency":"EUR"}}. Still how the marketplace store keeps
 * people, orders and addresses.
 */
final class DisputeJson {

    /*
     * Dispute keeps its state in private fields and names its accessors like the fields (id(), not
     * getId()), some of them computed (client(), price()): so the fields are the JSON, and no accessor is.
     *
     * Sets and maps are merged into the collections the no-arg constructor creates, so an EnumSet stays
     * an EnumSet after a load: its order (and so the saved JSON) does not depend on hash codes.
     *
     * Ids are written as plain strings ("client":"alice", not "client":{"value":"alice"}).
     *
     * Unknown properties are ignored so that a dispute saved by a newer version of the app can be read
     * by an older one during a rolling deployment.
     *
     * Absent values (null fields) are left out: every open dispute sits in Redis, most of its optional
     * fields are unset for most of its life, and a missing field reads back as the null it was.
     */
    private static final JsonMapper MAPPER = builder().build();

    /**
     * The mapper's settings, which the compact stored form ({@link StoredForm}) starts from too, so both
     * read the domain types the same way.
     */
    static JsonMapper.Builder builder() {
        return JsonMapper.builder()
                .changeDefaultVisibility(visibility -> visibility
                        .withVisibility(PropertyAccessor.FIELD, Visibility.ANY)
                        .withVisibility(PropertyAccessor.GETTER, Visibility.NONE)
                        .withVisibility(PropertyAccessor.IS_GETTER, Visibility.NONE)
                        .withVisibility(PropertyAccessor.SETTER, Visibility.NONE))
                .addMixIn(DisputeId.class, IdAsText.class)
                .addMixIn(OrderId.class, IdAsText.class)
                .addMixIn(PersonId.class, IdAsText.class)
                .withConfigOverride(Set.class, set -> set.setMergeable(true))
                .withConfigOverride(Map.class, map -> map.setMergeable(true))
                .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .changeDefaultPropertyInclusion(inclusion -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL));
    }

    private DisputeJson() {
    }

    /**
     * Mix-in for the single-string id records (DisputeId, OrderId, PersonId), which keeps Jackson out of the
     * domain packages: its constructor and value() stand for each record's own.
     */
    private abstract static class IdAsText {
        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        IdAsText(String value) {
        }

        @JsonValue
        abstract String value();
    }

    static String write(Dispute dispute) {
        return MAPPER.writeValueAsString(dispute);
    }

    static Dispute readDispute(String json) {
        return MAPPER.readValue(json, Dispute.class);
    }

    /** A marketplace person or order, as the marketplace store keeps them. */
    static String writeValue(Object value) {
        return MAPPER.writeValueAsString(value);
    }

    static <T> T read(String json, Class<T> type) {
        return MAPPER.readValue(json, type);
    }

    static String write(TimelineEntry entry) {
        return MAPPER.writeValueAsString(entry);
    }

    static String write(Address address) {
        return MAPPER.writeValueAsString(address);
    }

    static Address readAddress(String json) {
        return MAPPER.readValue(json, Address.class);
    }

    static TimelineEntry readTimelineEntry(String json) {
        return MAPPER.readValue(json, TimelineEntry.class);
    }

    static String write(TranscriptEntry entry) {
        return MAPPER.writeValueAsString(entry);
    }

    static TranscriptEntry readTranscriptEntry(String json) {
        return MAPPER.readValue(json, TranscriptEntry.class);
    }
}
