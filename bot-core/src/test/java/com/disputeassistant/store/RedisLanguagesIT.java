package com.disputeassistant.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.disputeassistant.dispute.Dispute;
import com.disputeassistant.dispute.DisputeId;
import com.disputeassistant.language.Language;
import com.disputeassistant.language.Preference;
import com.disputeassistant.language.Speaker;
import com.disputeassistant.testing.TestDisputes;
import com.disputeassistant.testing.TestRedis;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** People's languages in Redis: a choice and a hint each, read with the dispute a turn loads. */
class RedisLanguagesIT {
    private static final Speaker ALICE = Speaker.person(TestDisputes.CLIENT.value());
    private static final Speaker BOB = Speaker.person(TestDisputes.EXPERT.value());
    private static final Speaker MARIA = Speaker.identity("web:maria");
    private static final Speaker OMAR = Speaker.identity("web:omar");

    @RegisterExtension
    static final TestRedis testRedis = new TestRedis();

    private RedisDisputeStore store;

    @BeforeEach
    void store() {
        store = new RedisDisputeStore(testRedis.client(), testRedis.prefix(), Clock.systemUTC());
    }

    @Test
    void aChoiceAndAHintAreKeptApartAndReadTogether() {
        store.hintLanguage(ALICE, Language.DE);
        store.chooseLanguage(ALICE, Language.EN);
        store.hintLanguage(MARIA, Language.DE);

        assertThat(store.languages(List.of(ALICE, BOB, MARIA))).isEqualTo(Map.of(
                ALICE, new Preference(Language.EN, Language.DE), MARIA, new Preference(null, Language.DE)));
        assertThat(store.languages(List.of())).isEmpty();
    }

    @Test
    void aTurnsLoadBringsThePartiesAndTheOthersLanguagesInOneRead() {
        Dispute dispute = TestDisputes.opened();
        store.commit(new Change(dispute, 0, List.of(), List.of(), null));
        store.chooseLanguage(BOB, Language.DE);
        store.hintLanguage(MARIA, Language.DE);

        LoadedDispute loaded = store.loadForTurn(dispute.id(), List.of(MARIA, OMAR)).orElseThrow();

        assertThat(loaded.stored().dispute().id()).isEqualTo(dispute.id());
        assertThat(loaded.stored().version()).isEqualTo(1);
        assertThat(loaded.languages()).isEqualTo(Map.of(BOB, new Preference(Language.DE, null),
                MARIA, new Preference(null, Language.DE)));
        assertThat(store.loadForTurn(new DisputeId("DMISSING0"), List.of(MARIA))).isEmpty();
    }

    @Test
    void theOneReadLoadsWhatTheTwoReadsOfThePortsDefaultLoad() {
        Dispute dispute = TestDisputes.opened();
        store.commit(new Change(dispute, 0, List.of(), List.of(), null));
        store.hintLanguage(ALICE, Language.DE);
        DisputeStore twoReads = new DisputeStore() {
            // Only what the default loadForTurn uses; anything else would be a mistake in this test.
            @Override
            public java.util.Optional<StoredDispute> load(DisputeId id) {
                return store.load(id);
            }

            @Override
            public Map<Speaker, Preference> languages(java.util.Collection<Speaker> speakers) {
                return store.languages(speakers);
            }

            @Override
            public CommitResult commit(Change change) {
                throw new UnsupportedOperationException();
            }

            @Override
            public List<DisputeId> openDisputesOf(com.disputeassistant.marketplace.PersonId person) {
                throw new UnsupportedOperationException();
            }

            @Override
            public java.util.Optional<DisputeId> focusOf(com.disputeassistant.marketplace.ChannelIdentity identity) {
                throw new UnsupportedOperationException();
            }

            @Override
            public boolean wasHandled(String inboundId) {
                throw new UnsupportedOperationException();
            }

            @Override
            public void markHandled(String inboundId) {
                throw new UnsupportedOperationException();
            }

            @Override
            public void scheduleTimer(DisputeId id, java.util.Optional<java.time.Instant> at) {
                throw new UnsupportedOperationException();
            }

            @Override
            public List<DisputeId> claimDueTimers(java.time.Instant now, java.time.Duration lease, int max) {
                throw new UnsupportedOperationException();
            }

            @Override
            public List<DisputeId> mediatorQueue() {
                throw new UnsupportedOperationException();
            }

            @Override
            public List<com.disputeassistant.dispute.TimelineEntry> timeline(DisputeId id) {
                throw new UnsupportedOperationException();
            }

            @Override
            public List<com.disputeassistant.dispute.TranscriptEntry> transcript(DisputeId id, int limit) {
                throw new UnsupportedOperationException();
            }

            @Override
            public void chooseLanguage(Speaker speaker, Language language) {
                throw new UnsupportedOperationException();
            }

            @Override
            public void hintLanguage(Speaker speaker, Language language) {
                throw new UnsupportedOperationException();
            }
        };

        assertThat(store.loadForTurn(dispute.id(), List.of(MARIA)).orElseThrow().languages())
                .isEqualTo(twoReads.loadForTurn(dispute.id(), List.of(MARIA)).orElseThrow().languages())
                .containsEntry(ALICE, new Preference(null, Language.DE));
    }
}
