package com.disputeassistant.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.disputeassistant.dispute.Dispute;
import com.disputeassistant.dispute.Step;
import com.disputeassistant.dispute.TimelineEntry;
import com.disputeassistant.dispute.TranscriptEntry;
import com.disputeassistant.testing.TestDisputes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The compact stored form, and the form before it: the samples under {@code store/version0} were written by
 * the app before the compact form (captured from Redis after journeys to every step, and the fully
 * populated test dispute, closed with an outcome), and must load to what was stored.
 */
class StoredFormTest {

    private static List<String> samples(String name) {
        try (InputStream in = StoredFormTest.class.getResourceAsStream("/store/version0/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(line -> !line.isBlank()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void disputesStoredInTheFormerFormLoadToWhatWasStored() {
        List<String> stored = samples("disputes.jsonl");
        Set<Step> steps = EnumSet.noneOf(Step.class);
        for (String json : stored) {
            Dispute loaded = StoredForm.readDispute(json);
            // The former writer is deterministic: the loaded dispute written that way again is the sample.
            assertThat(DisputeJson.write(loaded)).isEqualTo(json);
            steps.add(loaded.step());
        }
        assertThat(steps).as("the samples cover every step").containsExactlyInAnyOrder(Step.values());
    }

    @Test
    void everyDisputeSurvivesTheCompactFormAndIsSmaller() {
        for (String json : samples("disputes.jsonl")) {
            Dispute dispute = StoredForm.readDispute(json);
            String compact = StoredForm.write(dispute);
            assertThat(compact).startsWith("{\"@\":" + StoredForm.VERSION + ",");
            assertThat(DisputeJson.write(StoredForm.readDispute(compact))).isEqualTo(json);
            assertThat(compact.length()).as("compact form of %s", dispute.step()).isLessThan(json.length() * 7 / 10);
        }
        Dispute full = TestDisputes.fullyPopulated();
        assertThat(DisputeJson.write(StoredForm.readDispute(StoredForm.write(full)))).isEqualTo(DisputeJson.write(full));
    }

    @Test
    void timelineEntriesInEitherFormLoadToTheSameEntries() {
        List<String> stored = samples("timeline.jsonl");
        for (String json : stored) {
            TimelineEntry entry = StoredForm.readTimelineEntry(json);
            assertThat(entry).isEqualTo(DisputeJson.readTimelineEntry(json));
            assertThat(DisputeJson.write(entry)).isEqualTo(json);
            String compact = StoredForm.write(entry);
            assertThat(compact).startsWith("{\"@\":1,").doesNotContain("\"actor\"");
            assertThat(StoredForm.readTimelineEntry(compact)).isEqualTo(entry);
        }
        Set<Step> reached = stored.stream().map(StoredForm::readTimelineEntry).map(TimelineEntry::to)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Step.class)));
        assertThat(reached).as("entries into most steps").hasSizeGreaterThanOrEqualTo(10);
    }

    @Test
    void transcriptLinesInEitherFormLoadToTheSameLines() {
        for (String json : samples("transcript.jsonl")) {
            TranscriptEntry line = StoredForm.readTranscriptEntry(json);
            assertThat(line).isEqualTo(DisputeJson.readTranscriptEntry(json));
            assertThat(DisputeJson.write(line)).isEqualTo(json);
            assertThat(StoredForm.readTranscriptEntry(StoredForm.write(line))).isEqualTo(line);
        }
    }

    @Test
    void anEntryWithKeysOfANewerVersionStillLoads() {
        TimelineEntry entry = new TimelineEntry(Instant.parse("2026-11-02T10:00:00.123456Z"), "web:alice", Step.TALKING,
                Step.TERMS, "escalate \"now\" \u00fcber alles\n");
        String newer = StoredForm.write(entry).replace("{\"@\":1,", "{\"@\":2,\"evidence\":{\"files\":[1,2]},\"k\":\"X\",");
        assertThat(StoredForm.readTimelineEntry(newer)).isEqualTo(entry);
    }

    @Test
    void theCompactFormIsReadableText() {
        Dispute opened = TestDisputes.opened();
        String compact = StoredForm.write(opened);
        assertThat(compact).contains("\"s\":\"INTAKE\"").contains("\"i\":\"" + opened.id().value() + "\"");
        assertThat(compact).doesNotContain("false").doesNotContain("[]").doesNotContain("{}");
    }
}
