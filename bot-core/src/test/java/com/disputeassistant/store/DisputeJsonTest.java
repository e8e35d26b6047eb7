package com.disputeassistant.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.disputeassistant.dispute.TranscriptEntry;
import com.disputeassistant.dispute.Dispute;
import com.disputeassistant.dispute.Role;
import com.disputeassistant.dispute.Step;
import com.disputeassistant.dispute.TimelineEntry;
import com.disputeassistant.marketplace.Money;
import com.disputeassistant.testing.TestDisputes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class DisputeJsonTest {
    private static final JsonMapper PLAIN = JsonMapper.builder().build();

    @Test
    void aFullyPopulatedDisputeSurvivesTheRoundTrip() {
        Dispute original = TestDisputes.fullyPopulated();
        String json = DisputeJson.write(original);

        Dispute loaded = DisputeJson.readDispute(json);

        assertThat(DisputeJson.write(loaded)).isEqualTo(json);
        assertThat(loaded.id()).isEqualTo(original.id());
        assertThat(loaded.order()).isEqualTo(original.order());
        assertThat(loaded.tasks()).isEqualTo(original.tasks());
        assertThat(loaded.extensions()).isEqualTo(original.extensions());
        assertThat(loaded.feeProposals()).isEqualTo(original.feeProposals());
        assertThat(loaded.termsConfirmedBy()).containsExactlyInAnyOrder(Role.CLIENT, Role.EXPERT);
        assertThat(loaded.contact(TestDisputes.CLIENT)).isEqualTo(original.contact(TestDisputes.CLIENT));
        assertThat(loaded.outcome()).isEqualTo(original.outcome());
        assertThat(loaded.stepSeq()).isEqualTo(original.stepSeq()).isPositive();
        assertThat(loaded.isClosed()).isTrue();
    }

    @Test
    void everyFieldOfTheFullyPopulatedDisputeIsWritten() {
        JsonNode tree = PLAIN.readTree(DisputeJson.write(TestDisputes.fullyPopulated()));

        List<String> missing = new ArrayList<>();
        tree.properties().forEach(field -> {
            JsonNode value = field.getValue();
            if (value.isNull() || (value.isContainer() && value.isEmpty())) {
                missing.add(field.getKey());
            }
        });
        assertThat(missing).as("fields the fixture leaves empty").isEmpty();
        // Absent values are not written, so every field of Dispute must be there for the fixture to cover it.
        List<String> declared = java.util.Arrays.stream(Dispute.class.getDeclaredFields())
                .filter(field -> !java.lang.reflect.Modifier.isStatic(field.getModifiers()))
                .map(java.lang.reflect.Field::getName).toList();
        assertThat(tree.propertyNames()).as("fields written").containsExactlyInAnyOrderElementsOf(declared);
        // Fields only, no accessor: computed ones like client() or price() must not appear.
        assertThat(tree.has("client")).isFalse();
        assertThat(tree.has("price")).isFalse();
        assertThat(tree.has("closed")).isFalse();
    }

    @Test
    void aJustOpenedDisputeWritesNoAbsentValuesAndReadsBackTheSame() {
        Dispute opened = TestDisputes.opened();
        String json = DisputeJson.write(opened);

        assertThat(json).doesNotContain("null");
        Dispute loaded = DisputeJson.readDispute(json);
        assertThat(DisputeJson.write(loaded)).isEqualTo(json);
        assertThat(loaded.description()).isEmpty();
        assertThat(loaded.mediator()).isEmpty();
        assertThat(loaded.outcome()).isEmpty();
        assertThat(loaded.stepDeadline()).isEqualTo(opened.stepDeadline());
    }

    @Test
    void writesReadableValues() {
        Dispute dispute = TestDisputes.fullyPopulated();
        JsonNode tree = PLAIN.readTree(DisputeJson.write(dispute));

        assertThat(tree.get("openedAt").asString()).isEqualTo("2026-11-02T09:30:00Z");
        assertThat(tree.get("step").asString()).isEqualTo("CLOSED");
        assertThat(tree.get("id").asString()).isEqualTo(dispute.id().value());
        assertThat(tree.get("openedBy").asString()).isEqualTo("alice");
        assertThat(tree.get("order").get("id").asString()).isEqualTo(dispute.order().id().value());
        JsonNode payout = tree.get("outcome").get("payout");
        assertThat(payout.get("minorUnits").asLong()).isEqualTo(32000);
        assertThat(payout.get("currency").asString()).isEqualTo("EUR");
        assertThat(tree.get("feeProposals").get("CLIENT").get("minorUnits").asLong()).isEqualTo(30000);
    }

    @Test
    void ignoresPropertiesItDoesNotKnow() {
        Dispute dispute = TestDisputes.opened();
        String json = DisputeJson.write(dispute);
        String fromNewerVersion = "{\"addedLater\":{\"x\":1}," + json.substring(1);

        Dispute loaded = DisputeJson.readDispute(fromNewerVersion);

        assertThat(DisputeJson.write(loaded)).isEqualTo(json);
    }

    @Test
    void timelineAndTranscriptEntriesRoundTrip() {
        TimelineEntry transition = new TimelineEntry(Instant.parse("2026-11-02T10:00:00Z"), "web:alice",
                Step.TALKING, Step.TERMS, "escalate");
        TranscriptEntry line = new TranscriptEntry(Instant.parse("2026-11-02T10:00:01Z"), "bot", "web:alice",
                "Do these terms apply? \"quoted\" and ünïcode");

        assertThat(DisputeJson.readTimelineEntry(DisputeJson.write(transition))).isEqualTo(transition);
        assertThat(DisputeJson.readTranscriptEntry(DisputeJson.write(line))).isEqualTo(line);
        assertThat(DisputeJson.write(transition)).contains("\"at\":\"2026-11-02T10:00:00Z\"");
    }

    @Test
    void moneyIsWrittenAsMinorUnitsAndCurrencyCode() {
        Dispute dispute = TestDisputes.opened();
        JsonNode price = PLAIN.readTree(DisputeJson.write(dispute)).get("terms").get("price");

        assertThat(price.get("minorUnits").asLong()).isEqualTo(TestDisputes.PRICE.minorUnits());
        assertThat(price.get("currency").asString()).isEqualTo("EUR");
        assertThat(DisputeJson.readDispute(DisputeJson.write(dispute)).price())
                .isEqualTo(Money.of("500.00", "EUR"));
    }
}
