package com.disputeassistant.language;

/**
 * What is stored about one person's language: their explicit choice ({@code /language}) and the latest
 * hint a channel gave (Telegram's {@code language_code}, Slack's user locale, the browser's
 * {@code Accept-Language}); either may be null.
 */
public record Preference(Language chosen, Language hinted) {
    public static final Preference NONE = new Preference(null, null);

    /**
     * The language to speak: an explicit choice wins, then the marketplace entry's language, then the
     * channel's hint (the one on the message at hand, else the latest stored), else English.
     *
     * @param marketplace the language of the person's marketplace entry, or null
     * @param hintNow     the hint on the message being handled, or null
     */
    public Language resolve(Language marketplace, Language hintNow) {
        if (chosen != null) {
            return chosen;
        }
        if (marketplace != null) {
            return marketplace;
        }
        if (hintNow != null) {
            return hintNow;
        }
        return hinted != null ? hinted : Language.DEFAULT;
    }
}
