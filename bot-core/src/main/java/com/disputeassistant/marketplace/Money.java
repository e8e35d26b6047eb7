package com.disputeassistant.marketplace;

import com.disputeassistant.language.Language;
import com.disputeassistant.language.Localized;
import java.text.DecimalFormatSymbols;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;
import java.util.Optional;

/**
 * An amount in a currency's minor units (cents), so that refund + payout = paid holds exactly.
 * Never negative: the bot records fees, payouts and refunds, none of which can be below zero.
 */
public record Money(long minorUnits, Currency currency) implements Comparable<Money>, Localized {
    public Money {
        Objects.requireNonNull(currency, "currency");
        if (minorUnits < 0) {
            throw new IllegalArgumentException("an amount is never negative");
        }
    }

    public static Money of(String decimal, String currencyCode) {
        return parse(decimal, Currency.getInstance(currencyCode))
                .orElseThrow(() -> new IllegalArgumentException("not an amount: " + decimal));
    }

    public static Money zero(Currency currency) {
        return new Money(0, currency);
    }

    /**
     * Reads an amount typed by a person: {@code 120}, {@code 120.5}, {@code 1,200.50}, {@code €120}.
     * Empty when it is not a non-negative number with at most the currency's decimals.
     */
    public static Optional<Money> parse(String text, Currency currency) {
        return parse(text, currency, Language.EN);
    }

    /**
     * Reads an amount as people of this language type it: in German the comma is the decimal separator
     * and the point groups thousands ({@code 1.200,50}), though {@code 450.50} still means 450.50.
     */
    public static Optional<Money> parse(String text, Currency currency, Language language) {
        if (text == null) {
            return Optional.empty();
        }
        if (DecimalFormatSymbols.getInstance(language.locale()).getDecimalSeparator() == ',') {
            String trimmed = text.trim();
            if (trimmed.indexOf(',') >= 0) {
                text = trimmed.replace(".", "").replace(',', '.');
            } else if (trimmed.matches(".*\\d\\.\\d{3}(\\.\\d{3})*\\D*")) {
                text = trimmed.replace(".", "");
            }
        }
        return parseEnglish(text, currency);
    }

    private static Optional<Money> parseEnglish(String text, Currency currency) {
        if (text == null) {
            return Optional.empty();
        }
        String cleaned = text.trim()
                .replace(currency.getCurrencyCode(), "")
                .replace(currency.getSymbol(), "")
                .replace(",", "")
                .replace(" ", "")
                .replace("\u00a0", "");
        if (cleaned.isEmpty() || cleaned.length() > 20 || !cleaned.matches("\\d+(\\.\\d+)?")) {
            return Optional.empty();
        }
        try {
            BigDecimal amount = new BigDecimal(cleaned);
            int digits = Math.max(currency.getDefaultFractionDigits(), 0);
            if (amount.scale() > digits) {
                return Optional.empty();
            }
            return Optional.of(new Money(amount.movePointRight(digits).longValueExact(), currency));
        } catch (ArithmeticException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    public BigDecimal amount() {
        return BigDecimal.valueOf(minorUnits, Math.max(currency.getDefaultFractionDigits(), 0));
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(Math.addExact(minorUnits, other.minorUnits), currency);
    }

    /** This minus other; the caller guarantees other is not larger (refunds never go negative). */
    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(minorUnits - other.minorUnits, currency);
    }

    /** The midpoint of two amounts, rounded half-up to a minor unit. */
    public Money midpoint(Money other) {
        requireSameCurrency(other);
        return new Money(BigDecimal.valueOf(minorUnits).add(BigDecimal.valueOf(other.minorUnits))
                .divide(BigDecimal.valueOf(2), 0, RoundingMode.HALF_UP).longValueExact(), currency);
    }

    /** The given percentage of this amount, rounded half-up to a minor unit. */
    public Money percent(int percent) {
        return new Money(BigDecimal.valueOf(minorUnits).multiply(BigDecimal.valueOf(percent))
                .divide(BigDecimal.valueOf(100), 0, RoundingMode.HALF_UP).longValueExact(), currency);
    }

    public Money distanceTo(Money other) {
        requireSameCurrency(other);
        return new Money(Math.abs(minorUnits - other.minorUnits), currency);
    }

    public boolean isZero() {
        return minorUnits == 0;
    }

    @Override
    public int compareTo(Money other) {
        requireSameCurrency(other);
        return Long.compare(minorUnits, other.minorUnits);
    }

    private void requireSameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("cannot mix " + currency + " and " + other.currency);
        }
    }

    /** {@code 120.50 EUR}: unambiguous in every channel and locale. */
    @Override
    public String toString() {
        return amount().toPlainString() + " " + currency.getCurrencyCode();
    }

    /** As people of that language write it: {@code 120.50 EUR}, {@code 120,50 EUR}. */
    @Override
    public String in(Language language) {
        char separator = DecimalFormatSymbols.getInstance(language.locale()).getDecimalSeparator();
        return separator == '.' ? toString() : toString().replace('.', separator);
    }
}
