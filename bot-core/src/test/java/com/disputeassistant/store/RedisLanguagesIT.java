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
    void theOneReadLoadsWhatTheSeparateReadsLoad() {
        Dispute dispute = TestDisputes.opened();
        store.commit(new Change(dispute, 0, List.of(), List.of(), null));
        store.hintLanguage(ALICE, Language.DE);
        store.chooseLanguage(MARIA, Language.EN);

        LoadedDispute loaded = store.loadForTurn(dispute.id(), List.of(MARIA)).orElseThrow();

        StoredDispute alone = store.load(dispute.id()).orElseThrow();
        assertThat(loaded.stored().version()).isEqualTo(alone.version());
        assertThat(loaded.stored().dispute().id()).isEqualTo(alone.dispute().id());
        assertThat(loaded.stored().lastAddresses()).isEqualTo(alone.lastAddresses());
        assertThat(loaded.languages()).isEqualTo(store.languages(List.of(ALICE, BOB, MARIA)))
                .containsEntry(ALICE, new Preference(null, Language.DE));
    }
}
