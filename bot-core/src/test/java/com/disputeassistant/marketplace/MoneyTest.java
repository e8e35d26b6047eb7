package com.disputeassistant.marketplace;

import static org.assertj.core.api.Assertions.assertThat;

import com.disputeassistant.language.Language;
import java.util.Currency;
import org.junit.jupiter.api.Test;

/** Amounts as people of each language write and read them. */
class MoneyTest {
    private static final Currency EUR = Currency.getInstance("EUR");

    @Test
    void germanReadsTheCommaAsTheDecimalSeparator() {
        assertThat(Money.parse("450,50", EUR, Language.DE)).contains(Money.of("450.50", "EUR"));
        assertThat(Money.parse("1.200,50 EUR", EUR, Language.DE)).contains(Money.of("1200.50", "EUR"));
        assertThat(Money.parse("1.200", EUR, Language.DE)).contains(Money.of("1200", "EUR"));
        assertThat(Money.parse("450.50", EUR, Language.DE)).contains(Money.of("450.50", "EUR"));
        assertThat(Money.parse("450", EUR, Language.DE)).contains(Money.of("450", "EUR"));
        assertThat(Money.parse("vierhundert", EUR, Language.DE)).isEmpty();
    }

    @Test
    void englishReadsTheCommaAsAThousandsSeparator() {
        assertThat(Money.parse("1,200.50", EUR, Language.EN)).contains(Money.of("1200.50", "EUR"));
    }

    @Test
    void eachLanguageWritesItsOwnDecimalSeparator() {
        assertThat(Money.of("450.5", "EUR").in(Language.DE)).isEqualTo("450,50 EUR");
        assertThat(Money.of("450.5", "EUR").in(Language.EN)).isEqualTo("450.50 EUR");
    }
}
