package com.disputeassistant.marketplace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.disputeassistant.testing.MovableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The engine's reads of the stored marketplace: one read per lookup and time-to-live, forgotten on a write. */
class CachedMarketplaceTest {
    private static final PersonId ALICE = new PersonId("alice");
    private static final ChannelIdentity ALICE_WEB = ChannelIdentity.of("web:alice");
    private static final Person ALICE_PERSON = new Person(ALICE, "Alice", "alice@example.org", List.of(ALICE_WEB), null);

    private final Marketplace stored = mock(Marketplace.class);
    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-20T09:00:00Z"));
    private final CachedMarketplace cached = new CachedMarketplace(stored, Duration.ofSeconds(2), clock);

    @Test
    void aLookupIsReadOnceWhileItIsFresh() {
        when(stored.person(ALICE)).thenReturn(Optional.of(ALICE_PERSON));

        assertThat(cached.person(ALICE)).contains(ALICE_PERSON);
        assertThat(cached.person(ALICE)).contains(ALICE_PERSON);
        clock.advance(Duration.ofMillis(1999));
        assertThat(cached.person(ALICE)).contains(ALICE_PERSON);

        verify(stored, times(1)).person(ALICE);
    }

    @Test
    void anAnswerGoesStaleAfterItsTimeToLiveSoAnotherInstancesWriteIsSeen() {
        when(stored.personByIdentity(ALICE_WEB)).thenReturn(Optional.empty(), Optional.of(ALICE_PERSON));

        assertThat(cached.personByIdentity(ALICE_WEB)).isEmpty();
        clock.advance(Duration.ofSeconds(2));

        assertThat(cached.personByIdentity(ALICE_WEB)).contains(ALICE_PERSON);
        verify(stored, times(2)).personByIdentity(ALICE_WEB);
    }

    @Test
    void aWriteOnThisInstanceIsSeenAtOnce() {
        when(stored.people()).thenReturn(List.of(), List.of(ALICE_PERSON));

        assertThat(cached.people()).isEmpty();
        cached.forget();

        assertThat(cached.people()).containsExactly(ALICE_PERSON);
    }

    @Test
    void aHugeMarketplaceDoesNotFillTheHeap() {
        for (int i = 0; i <= CachedMarketplace.MAX_ENTRIES; i++) {
            cached.ordersOf(new PersonId("p" + i));
        }
        cached.ordersOf(new PersonId("p0"));

        verify(stored, times(2)).ordersOf(new PersonId("p0"));
    }

    @Test
    void aNegativeTimeToLiveIsRefused() {
        assertThatThrownBy(() -> new CachedMarketplace(stored, Duration.ofSeconds(-1), clock))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
