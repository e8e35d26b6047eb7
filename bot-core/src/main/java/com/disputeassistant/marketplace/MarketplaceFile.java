package com.disputeassistant.marketplace;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The marketplace file exactly as written, before any checking. Every scalar is read as text: the
 * YAML parser hands over the characters as typed, so {@code 450.00} becomes {@code "450.00"} and
 * reaches {@link Money} without passing through a floating-point number, and {@code 2026-10-01}
 * stays a string until it is parsed as a date with a clear message.
 */
record MarketplaceFile(List<PersonEntry> people, List<OrderEntry> orders) {

    record PersonEntry(String id, String name, String email, List<String> identities, String preferred,
                       String language) {
    }

    record OrderEntry(String id, String title, String client, String expert, List<String> deliverables,
                      String deadline, String currency, String price, String paid, String delivery,
                      List<String> deliveryNotes) {
    }

    private static final YAMLMapper MAPPER = YAMLMapper.builder()
            // Jackson 3 ignores unknown fields by default; a misspelt field must not silently vanish.
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            // Checked by read(), which can say what a second document means.
            .disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            // A stream belongs to whoever opened it.
            .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
            .build();

    /** Parses the YAML; problems of shape (not YAML, unknown field, a list where text belongs) end it. */
    static MarketplaceFile read(InputStream in, String source) {
        try (JsonParser parser = MAPPER.createParser(in)) {
            // An empty file (or one with only comments) goes on to the checker, which says what is missing.
            if (parser.nextToken() == null) {
                return new MarketplaceFile(null, null);
            }
            MarketplaceFile file = MAPPER.readValue(parser, MarketplaceFile.class);
            if (parser.nextToken() != null) {
                throw new MarketplaceFileException(source, List.of("line " + parser.currentLocation().getLineNr()
                        + ": a second YAML document starts here (after ---); keep all people and orders in one"));
            }
            return file == null ? new MarketplaceFile(null, null) : file;
        } catch (JacksonException e) {
            throw new MarketplaceFileException(source, List.of(describe(e)), e);
        }
    }

    /** How problems name an entry: {@code order #2 (ORD-1002)}, counting from 1 as people do. */
    static String entry(String section, int index, String id) {
        String label = ("people".equals(section) ? "person" : "order") + " #" + (index + 1);
        return id == null || id.isBlank() ? label : label + " (" + id.strip() + ")";
    }

    private static String describe(JacksonException e) {
        if (e.getCause() instanceof IOException io) {
            return "cannot read it: " + io.getMessage();
        }
        String where = where(e);
        if (e instanceof UnrecognizedPropertyException unknown) {
            return where + "unknown field '" + unknown.getPropertyName() + "'; the fields of "
                    + (unknown.getReferringClass() == MarketplaceFile.class ? "the file" : "this entry")
                    + " are " + fieldNames(unknown.getReferringClass()) + " (check the spelling and indentation)";
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return where + expected(mismatch.getTargetType());
        }
        String detail = String.valueOf(e.getOriginalMessage()).strip();
        if (detail.startsWith("Duplicate")) {
            // Jackson says: Duplicate Object property "title"
            return where + "a field is written twice in one entry (" + detail + "); keep one of them";
        }
        return where + "this is not valid YAML (check the indentation and quoting): " + detail;
    }

    private static String expected(Class<?> type) {
        if (type == MarketplaceFile.class) {
            return "the file must be a mapping with the sections people: and orders:";
        }
        if (Collection.class.isAssignableFrom(type)) {
            return "expected a list, written [first, second] or one '- item' per line";
        }
        if (type.isRecord()) {
            return "expected an entry with the fields " + fieldNames(type);
        }
        return "expected a single value (text, a number or a date), not a list or a nested entry";
    }

    /** {@code line 12, order #2, deliverables: }: as much of the position as Jackson knows. */
    private static String where(JacksonException e) {
        List<String> parts = new ArrayList<>();
        TokenStreamLocation location = e.getLocation();
        if (location != null && location.getLineNr() > 0) {
            parts.add("line " + location.getLineNr());
        }
        List<JacksonException.Reference> path = e.getPath();
        // An unknown field is reported against its entry; the name is said separately.
        int end = e instanceof UnrecognizedPropertyException ? path.size() - 1 : path.size();
        int next = 0;
        if (end >= 2 && path.get(0).getPropertyName() != null && path.get(1).getIndex() >= 0) {
            parts.add(entry(path.get(0).getPropertyName(), path.get(1).getIndex(), null));
            next = 2;
        }
        for (JacksonException.Reference step : path.subList(next, Math.max(end, next))) {
            if (step.getIndex() >= 0) {
                parts.add("item #" + (step.getIndex() + 1));
            } else if (step.getPropertyName() != null) {
                parts.add(step.getPropertyName());
            }
        }
        return parts.isEmpty() ? "" : String.join(", ", parts) + ": ";
    }

    private static String fieldNames(Class<?> type) {
        if (type == null || !type.isRecord()) {
            return "described in the README";
        }
        return Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName)
                .collect(Collectors.joining(", "));
    }
}
