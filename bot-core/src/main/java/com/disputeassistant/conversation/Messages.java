package com.disputeassistant.conversation;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every sentence the bot says, from the English bundle {@code messages.properties} next to this class.
 * Patterns without arguments are kept as plain strings, so the common case formats nothing.
 */
final class Messages {
    private static final String BUNDLE = "com.disputeassistant.conversation.messages";

    private final Map<String, String> patterns;

    Messages() {
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, Locale.ENGLISH);
        this.patterns = bundle.keySet().stream()
                .collect(Collectors.toUnmodifiableMap(Function.identity(), bundle::getString));
    }

    boolean has(String key) {
        return patterns.containsKey(key);
    }

    String get(String key, Object... args) {
        String pattern = patterns.get(key);
        if (pattern == null) {
            throw new IllegalArgumentException("no message '" + key + "' in " + BUNDLE);
        }
        if (args.length == 0 && pattern.indexOf('\'') < 0 && pattern.indexOf('{') < 0) {
            return pattern;
        }
        // MessageFormat is not thread-safe, so each call formats with its own instance.
        return new MessageFormat(pattern, Locale.ENGLISH).format(args);
    }
}
