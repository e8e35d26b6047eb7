/**
 * The languages the bot speaks and each person's choice among them: {@link
 * com.disputeassistant.language.Language} (the supported ones), {@link com.disputeassistant.language.Texts}
 * (every user-facing text, by key and language, for the engine and the channels alike) and {@link
 * com.disputeassistant.language.LanguagePreferences} (where a person's choice and latest channel hint
 * are kept).
 */
package com.disputeassistant.language;
