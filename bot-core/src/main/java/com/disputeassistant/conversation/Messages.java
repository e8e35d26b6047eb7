package com.disputeassistant.conversation;

import com.disputeassistant.language.Language;
import com.disputeassistant.language.Texts;

/**
 * Every sentence the engine says, in one language ({@link Texts}); the engine holds one per language
 * and picks the recipient's.
 */
final class Messages {
    private final Texts texts;

    Messages() {
        this(Language.DEFAULT);
    }

    Messages(Language language) {
        this.texts = Texts.of(language);
    }

    Language language() {
        return texts.language();
    }

    boolean has(String key) {
        return texts.has(key);
    }

    String get(String key, Object... args) {
        return texts.get(key, args);
    }
}
