package com.disputeassistant.language;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class LanguageTest {

    @Test
    void platformTagsNameTheLanguage() {
        assertThat(Language.of("de")).contains(Language.DE);
        assertThat(Language.of("de-DE")).contains(Language.DE);
        assertThat(Language.of("de_AT")).contains(Language.DE);
        assertThat(Language.of("en-GB")).contains(Language.EN);
        assertThat(Language.of("pt-br")).isEmpty();
        assertThat(Language.of("")).isEmpty();
        assertThat(Language.of(null)).isEmpty();
    }

    @Test
    void theBrowsersFirstSpokenChoiceWins() {
        assertThat(Language.ofAcceptLanguage("fr-CH, de;q=0.9, en;q=0.8")).contains(Language.DE);
        assertThat(Language.ofAcceptLanguage("en-US,en;q=0.9,de;q=0.5")).contains(Language.EN);
        assertThat(Language.ofAcceptLanguage("fr, it")).isEmpty();
        assertThat(Language.ofAcceptLanguage("de;q=nonsense")).isEmpty();
    }

    @Test
    void anExplicitChoiceWinsThenTheMarketplaceThenTheChannel() {
        assertThat(new Preference(Language.DE, Language.EN).resolve(Language.EN, Language.EN)).isEqualTo(Language.DE);
        assertThat(new Preference(null, Language.DE).resolve(Language.EN, Language.DE)).isEqualTo(Language.EN);
        assertThat(Preference.NONE.resolve(null, Language.DE)).isEqualTo(Language.DE);
        assertThat(new Preference(null, Language.DE).resolve(null, null)).isEqualTo(Language.DE);
        assertThat(Preference.NONE.resolve(null, null)).isEqualTo(Language.EN);
    }

    @Test
    void momentsAreWrittenAsEachLanguageDoes() {
        Instant at = Instant.parse("2026-11-20T09:05:00Z");
        assertThat(Language.EN.when(at)).isEqualTo("2026-11-20 09:05 UTC");
        assertThat(Language.DE.when(at)).isEqualTo("20.11.2026 09:05 UTC");
    }
}
