package com.disputeassistant.marketplace;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Currency;
import java.util.Locale;
import java.util.Optional;

/**
 * How an order's written values are read, and what to write instead, the same for the marketplace file
 * ({@link MarketplaceFileChecker}) and the marketplace API ({@link MarketplaceInput}).
 */
final class OrderValues {
    static final String DATE_HINT = "write it as YYYY-MM-DD, like 2026-10-01";
    static final String CURRENCY_HINT = "use one like EUR, USD or GBP";

    private OrderValues() {
    }

    static Optional<LocalDate> date(String text) {
        try {
            return Optional.of(LocalDate.parse(text));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    static Optional<Currency> currency(String code) {
        try {
            return Optional.of(Currency.getInstance(code.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** How to write an amount in this currency: {@code a number with at most 2 decimals, like 450.00}. */
    static String amountHint(Currency currency) {
        int decimals = Math.max(currency.getDefaultFractionDigits(), 0);
        return decimals == 0 ? "a whole number, like 450"
                : "a number with at most " + decimals + " decimals, like 450." + "0".repeat(decimals);
    }
}
