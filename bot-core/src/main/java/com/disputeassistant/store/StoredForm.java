package com.disputeassistant.store;

import com.disputeassistant.dispute.Dispute;
import com.disputeassistant.dispute.Step;
import com.disputeassistant.dispute.TimelineEntry;
import com.disputeassistant.dispute.TranscriptEntry;
import com.disputeassistant.marketplace.ChannelIdentity;
import com.disputeassistant.marketplace.Terms;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;
import java.io.StringWriter;
import java.lang.reflect.Field;
import java.time.Instant;
import java.util.Map;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.deser.std.StdDeserializer;
import tools.jackson.databind.ext.javatime.deser.InstantDeserializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.ser.std.StdSerializer;

/**
 * The compact stored form of a dispute, its timeline entries and its transcript lines: JSON with short
 * keys, still readable in {@code redis-cli}, marked with its version ({@code "@":1}) as its first key. A
 * value without the marker is in the form written before it ({@link DisputeJson}, long keys) and is read
 * as such, so disputes stored by earlier versions of the app still load.
 *
 * <p>Timeline entries and transcript lines are written and read with Jackson's streaming generator and
 * parser, field by field, without an object mapper. A dispute, with its many optional parts, is written by
 * a mapper tuned for size: short property names ({@link #SHORT_NAMES}), values that a new dispute has
 * anyway (false, 0, empty) left out, channel identities as their text ({@code "web:alice"}), and the terms
 * written once while they are the order's.
 *
 * <p>To add a timeline entry kind: an entry is written field by field from its record's components, steps
 * by name; a kind that is a new {@code why} or a new {@link Step} needs nothing here. A new component needs
 * one short name in {@link #TIMELINE}, which old entries (without it) read as absent. Unknown keys are
 * skipped, so an older app reads entries a newer one wrote.
 */
final class StoredForm {
    /** The version this class writes; the marker is the first key of every value it writes. */
    static final int VERSION = 1;
    private static final String MARKER_KEY = "@";
    private static final String MARKER = "{\"" + MARKER_KEY + "\":" + VERSION + ",";
    /** What every marked form starts with, whatever its version. */
    private static final String MARKER_PREFIX = "{\"" + MARKER_KEY + "\":";

    /** A timeline entry's components, in the record's order: long (version 0) and short names. */
    private static final Fields TIMELINE = new Fields(new String[] {"at", "actor", "from", "to", "why"},
            new String[] {"a", "b", "f", "t", "w"});
    /** A transcript line's components, in the record's order: long (version 0) and short names. */
    private static final Fields TRANSCRIPT = new Fields(new String[] {"at", "from", "to", "text"},
            new String[] {"a", "f", "t", "x"});

    /*
     * Every property name of a dispute and of what it holds, shortened; a name without an entry is
     * written as it is. Distinct across all types, so no type can get two properties of one name.
     */
    private static final Map<String, String> SHORT_NAMES = Map.ofEntries(
            Map.entry("id", "i"), Map.entry("order", "o"), Map.entry("openedBy", "ob"), Map.entry("openedAt", "oa"),
            Map.entry("reason", "r"), Map.entry("description", "d"), Map.entry("step", "s"),
            Map.entry("stepSeq", "q"), Map.entry("stepDeadline", "sd"), Map.entry("reminders", "rm"),
            Map.entry("terms", "tm"), Map.entry("termsDefinedByMediator", "td"),
            Map.entry("termsConfirmedBy", "tc"), Map.entry("resolutionProposedBy", "rp"),
            Map.entry("tasks", "ts"), Map.entry("replacementExpert", "rx"), Map.entry("reworkRound", "rr"),
            Map.entry("reworkDeadline", "rd"), Map.entry("extensions", "ex"), Map.entry("redelivered", "rv"),
            Map.entry("stalledBecause", "sb"), Map.entry("moneyBackRequested", "mb"), Map.entry("feeRound", "fr"),
            Map.entry("feeProposals", "fp"), Map.entry("feeRoundProposers", "fq"),
            Map.entry("feeFiguresRevealed", "ff"), Map.entry("feeSuggestion", "fs"),
            Map.entry("feeSuggestionAcceptedBy", "fa"), Map.entry("handoffReason", "hr"),
            Map.entry("handedOffAt", "ha"), Map.entry("resumeStep", "rs"), Map.entry("mediator", "m"),
            Map.entry("contacts", "c"), Map.entry("outcome", "oc"),
            // Order, Terms, Money
            Map.entry("title", "ti"), Map.entry("client", "cl"), Map.entry("expert", "e"),
            Map.entry("deliveryStatus", "ds"), Map.entry("deliveryNotes", "dn"), Map.entry("deliverables", "dl"),
            Map.entry("deadline", "dd"), Map.entry("price", "p"), Map.entry("paid", "pd"),
            Map.entry("minorUnits", "u"), Map.entry("currency", "cu"),
            // Task, Extension, Outcome, Address
            Map.entry("number", "n"), Map.entry("text", "x"), Map.entry("scope", "sc"),
            Map.entry("doneClaimed", "dc"), Map.entry("verdict", "v"), Map.entry("requestedBy", "rb"),
            Map.entry("requestedAt", "ra"), Map.entry("days", "dy"), Map.entry("why", "w"),
            Map.entry("answer", "an"), Map.entry("answeredAt", "aa"), Map.entry("type", "ty"),
            Map.entry("payout", "po"), Map.entry("refund", "rf"), Map.entry("idempotencyKey", "ik"),
            Map.entry("decidedAt", "da"), Map.entry("decidedBy", "db"), Map.entry("identity", "y"),
            Map.entry("conversation", "cv"));

    /** Writes and reads every field. */
    private static final JsonMapper COMPACT = compact().build();
    /** Leaves out the dispute's terms, for a dispute whose terms are its order's (as every dispute's are today). */
    private static final JsonMapper COMPACT_ORDER_TERMS = compact().addMixIn(Dispute.class, TermsOfTheOrder.class).build();
    /** The dispute's terms field, set after a read that had none: to its order's (see {@link #readDispute}). */
    private static final Field TERMS = termsField();
    private static final JsonFactory JSON = new JsonFactory();

    private StoredForm() {
    }

    private static JsonMapper.Builder compact() {
        return DisputeJson.builder()
                .propertyNamingStrategy(new ShortNames())
                .addMixIn(ChannelIdentity.class, IdentityAsText.class)
                .addModule(new SimpleModule("instants").addSerializer(Instant.class, new InstantWriter())
                        .addDeserializer(Instant.class, new InstantReader()))
                // Compared with a new dispute: false, 0 and empty collections are what it starts with.
                .withConfigOverride(Dispute.class, dispute -> dispute.setInclude(
                        JsonInclude.Value.construct(JsonInclude.Include.NON_DEFAULT, JsonInclude.Include.NON_DEFAULT)));
    }

    static String write(Dispute dispute) {
        // A dispute's terms are its order's when it opens; they are written once, in the order, while they are.
        JsonMapper mapper = dispute.terms().equals(dispute.order().terms()) ? COMPACT_ORDER_TERMS : COMPACT;
        String json = mapper.writeValueAsString(dispute);
        return MARKER + json.substring(1);
    }

    /** A dispute in this form or in the one before it. */
    static Dispute readDispute(String stored) {
        if (!isMarked(stored)) {
            return DisputeJson.readDispute(stored);
        }
        Dispute dispute = COMPACT.readValue(stored, Dispute.class);
        try {
            if (TERMS.get(dispute) == null) {
                TERMS.set(dispute, dispute.order().terms());
            }
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("the dispute's terms field is accessible, see termsField()", e);
        }
        return dispute;
    }

    /*
     * The mapper sets Dispute's private fields the same way; the domain class offers no setter for a value
     * that only this form leaves out.
     */
    private static Field termsField() {
        try {
            Field field = Dispute.class.getDeclaredField("terms");
            field.setAccessible(true);
            return field;
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException("Dispute keeps its terms in a field named terms", e);
        }
    }

    static String write(TimelineEntry entry) {
        return TIMELINE.write(IsoInstants.format(entry.at()), entry.actor(), entry.from().name(), entry.to().name(), entry.why());
    }

    static TimelineEntry readTimelineEntry(String stored) {
        String[] v = TIMELINE.read(stored);
        return new TimelineEntry(IsoInstants.parse(v[0]), v[1], Step.valueOf(v[2]), Step.valueOf(v[3]), v[4]);
    }

    static String write(TranscriptEntry entry) {
        return TRANSCRIPT.write(IsoInstants.format(entry.at()), entry.from(), entry.to(), entry.text());
    }

    static TranscriptEntry readTranscriptEntry(String stored) {
        String[] v = TRANSCRIPT.read(stored);
        return new TranscriptEntry(IsoInstants.parse(v[0]), v[1], v[2], v[3]);
    }

    private static boolean isMarked(String stored) {
        return stored.startsWith(MARKER_PREFIX);
    }

    /** A flat record of text values, by position: its long (version 0) and short key for each. */
    private record Fields(String[] longNames, String[] shortNames) {

        String write(String... values) {
            StringWriter out = new StringWriter(64 + 8 * values.length);
            try (JsonGenerator json = JSON.createGenerator(out)) {
                json.writeStartObject();
                json.writeNumberProperty(MARKER_KEY, VERSION);
                for (int i = 0; i < values.length; i++) {
                    if (values[i] != null) {
                        json.writeStringProperty(shortNames[i], values[i]);
                    }
                }
                json.writeEndObject();
            }
            return out.toString();
        }

        /** The values by position, from either form; a key of neither (a newer version's) is skipped. */
        String[] read(String stored) {
            String[] values = new String[shortNames.length];
            try (JsonParser json = JSON.createParser(stored)) {
                if (json.nextToken() != JsonToken.START_OBJECT) {
                    throw new IllegalArgumentException("not a stored entry: " + stored);
                }
                while (json.nextToken() == JsonToken.PROPERTY_NAME) {
                    int index = indexOf(json.currentName());
                    JsonToken value = json.nextToken();
                    if (index >= 0 && value == JsonToken.VALUE_STRING) {
                        values[index] = json.getString();
                    } else {
                        json.skipChildren();
                    }
                }
            }
            return values;
        }

        private int indexOf(String name) {
            for (int i = 0; i < shortNames.length; i++) {
                if (shortNames[i].equals(name) || longNames[i].equals(name)) {
                    return i;
                }
            }
            return -1;
        }
    }

    /** Property names from {@link #SHORT_NAMES}. */
    private static final class ShortNames extends PropertyNamingStrategies.NamingBase {
        @Override
        public String translate(String name) {
            return SHORT_NAMES.getOrDefault(name, name);
        }
    }

    /** An instant as the ISO text Jackson writes ({@link IsoInstants}), without a DateTimeFormatter. */
    private static final class InstantWriter extends StdSerializer<Instant> {
        InstantWriter() {
            super(Instant.class);
        }

        @Override
        public void serialize(Instant value, JsonGenerator json, SerializationContext context) {
            json.writeString(IsoInstants.format(value));
        }
    }

    /** The ISO text {@link InstantWriter} writes; anything else is read by Jackson's own reader, as before. */
    private static final class InstantReader extends StdDeserializer<Instant> {
        InstantReader() {
            super(Instant.class);
        }

        @Override
        public Instant deserialize(JsonParser json, DeserializationContext context) {
            if (json.currentToken() == JsonToken.VALUE_STRING) {
                Instant instant = IsoInstants.parseShort(json.getString());
                if (instant != null) {
                    return instant;
                }
            }
            return InstantDeserializer.INSTANT.deserialize(json, context);
        }
    }

    /** Leaves out a dispute's terms. */
    private abstract static class TermsOfTheOrder {
        @JsonIgnore
        Terms terms;
    }

    /** A channel identity as its text, {@code web:alice}, rather than an object of two strings. */
    private abstract static class IdentityAsText {
        @JsonCreator
        static ChannelIdentity of(String text) {
            return ChannelIdentity.of(text);
        }

        @JsonValue
        public abstract String toString();
    }
}
