package com.disputeassistant.language;

/**
 * A value that reads differently per language, such as an amount ({@code 450.00 EUR}, {@code 450,00 EUR}):
 * {@link Texts} formats such arguments in the language of the text they go into.
 */
public interface Localized {
    String in(Language language);
}
