package com.disputeassistant.telegram.updates;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;

/** What the channel itself says, from {@code texts.properties} next to this class. */
final class Texts {
    private final Properties texts = new Properties();

    Texts() {
        try (InputStream in = Texts.class.getResourceAsStream("texts.properties")) {
            if (in == null) {
                throw new IllegalStateException("texts.properties is missing from the telegram-adapter jar");
            }
            texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String get(String key, Object... args) {
        String pattern = texts.getProperty(key);
        if (pattern == null) {
            throw new IllegalArgumentException("no text '" + key + "' in texts.properties");
        }
        return new MessageFormat(pattern, Locale.ENGLISH).format(args);
    }
}
