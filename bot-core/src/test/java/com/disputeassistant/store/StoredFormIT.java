package com.disputeassistant.store;

import static com.disputeassistant.testing.TestDisputes.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import com.disputeassistant.dispute.Dispute;
import com.disputeassistant.dispute.Step;
import com.disputeassistant.dispute.TimelineEntry;
import com.disputeassistant.dispute.TranscriptEntry;
import com.disputeassistant.marketplace.ChannelIdentity;
import com.disputeassistant.testing.TestRedis;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.RedisClient;

/**
 * Disputes in Redis as the app stored them before the compact form (the whole JSON in field {@code json},
 * long-keyed timeline and transcript entries) load, and the next commit moves them to the compact form; a
 * dispute in the compact form keeps its hash a listpack.
 */
class StoredFormIT {
    @RegisterExtension
    static final TestRedis testRedis = new TestRedis();

    private RedisClient redis;
    private RedisKeys keys;
    private RedisDisputeStore store;

    @BeforeEach
    void freshKeys() {
        redis = testRedis.client();
        keys = new RedisKeys(testRedis.prefix());
        store = new RedisDisputeStore(redis, testRedis.prefix(), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void aDisputeStoredInTheFormerFormLoadsAndItsNextCommitCompactsIt() {
        String json = sample("disputes.jsonl", 1);
        Dispute former = DisputeJson.readDispute(json);
        String hash = keys.dispute(former.id());
        // Exactly the fields commit.lua wrote before the compact form.
        redis.hset(hash, Map.of("version", "4", "step", former.step().name(), "json", json,
                "updatedAt", NOW.toString(), "parties", "[\"alice\",\"bob\"]"));
        String timelineEntry = sample("timeline.jsonl", 0);
        String transcriptLine = sample("transcript.jsonl", 0);
        redis.rpush(keys.timeline(former.id()), timelineEntry);
        redis.rpush(keys.transcript(former.id()), transcriptLine);

        StoredDispute loaded = store.load(former.id()).orElseThrow();
        assertThat(loaded.version()).isEqualTo(4);
        assertThat(DisputeJson.write(loaded.dispute())).isEqualTo(json);
        assertThat(store.timeline(former.id())).containsExactly(DisputeJson.readTimelineEntry(timelineEntry));
        assertThat(store.transcript(former.id(), 10)).containsExactly(DisputeJson.readTranscriptEntry(transcriptLine));

        TimelineEntry next = new TimelineEntry(NOW, "web:alice", former.step(), former.step(), "a note");
        TranscriptEntry line = new TranscriptEntry(NOW, "web:alice", "bot", "hello");
        assertThat(store.commit(new Change(loaded.dispute(), 4, List.of(next), List.of(line), null)))
                .isEqualTo(new CommitResult.Committed(5));

        assertThat(redis.hexists(hash, "json")).as("the whole-form field is gone").isFalse();
        assertThat(redis.hget(hash, "p1")).startsWith("{\"@\":1,");
        assertThat(DisputeJson.write(store.load(former.id()).orElseThrow().dispute())).isEqualTo(json);
        assertThat(store.timeline(former.id())).containsExactly(DisputeJson.readTimelineEntry(timelineEntry), next);
        assertThat(store.transcript(former.id(), 10)).containsExactly(DisputeJson.readTranscriptEntry(transcriptLine), line);
        assertThat(encoding(hash)).as("a hash of small values").isIn("listpack", "ziplist");
    }

    @Test
    void aShorterFormLeavesNoPiecesOfALongerOneBehind() {
        Dispute dispute = DisputeJson.readDispute(sample("disputes.jsonl", 1));
        store.commit(new Change(dispute, 0, List.of(), List.of(), new ChannelIdentity("web", "alice")));
        String hash = keys.dispute(dispute.id());
        int pieces = Integer.parseInt(redis.hget(hash, "n"));
        assertThat(pieces).isGreaterThan(3);

        dispute.describe(null);
        dispute.moveTo(Step.TALKING, NOW, List.of());
        assertThat(store.commit(new Change(dispute, 1, List.of(), List.of(), null))).isEqualTo(new CommitResult.Committed(2));

        int fewer = Integer.parseInt(redis.hget(hash, "n"));
        assertThat(fewer).isLessThan(pieces);
        assertThat(redis.hexists(hash, "p" + (fewer + 1))).isFalse();
        assertThat(redis.hlen(hash)).isEqualTo(5 + fewer);
        assertThat(DisputeJson.write(store.load(dispute.id()).orElseThrow().dispute())).isEqualTo(DisputeJson.write(dispute));
    }

    private String encoding(String key) {
        return new String((byte[]) redis.sendCommand(Protocol.Command.OBJECT, "ENCODING", key), StandardCharsets.UTF_8);
    }

    private static String sample(String name, int index) {
        try (InputStream in = StoredFormIT.class.getResourceAsStream("/store/version0/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList().get(index);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
