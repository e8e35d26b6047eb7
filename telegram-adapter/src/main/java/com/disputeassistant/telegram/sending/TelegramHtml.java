package com.disputeassistant.telegram.sending;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Text for Telegram's HTML parse mode: escaping what a person wrote, and splitting a long message into
 * parts that Telegram accepts.
 *
 * <p>A part is at most {@link #MAX_LENGTH} characters counted on the HTML itself, tags and entities
 * included: Telegram counts after parsing, so this is never over. Parts break after a line, else after a
 * word, else anywhere, but never inside a tag, an entity ({@code &amp;}) or a surrogate pair; a tag open
 * at a break is closed at the end of the part and opened again at the start of the next, so every part
 * is well-formed on its own.
 */
final class TelegramHtml {
    /** Telegram's limit for one message's text. */
    static final int MAX_LENGTH = 4096;

    private TelegramHtml() {
    }

    /** Plain text as HTML: the three characters Telegram's parser gives a meaning. */
    static String escape(String text) {
        StringBuilder html = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> html.append("&lt;");
                case '>' -> html.append("&gt;");
                case '&' -> html.append("&amp;");
                default -> html.append(c);
            }
        }
        return html.toString();
    }

    /** The parts of a message, each at most {@code max} characters; none when the HTML shows nothing. */
    static List<String> split(String html, int max) {
        List<Atom> atoms = atomsOf(html);
        List<String> parts = new ArrayList<>();
        Deque<Atom> carried = new ArrayDeque<>();
        int next = 0;
        while (next < atoms.size()) {
            Part part = new Part(carried);
            Part.Mark lineEnd = null;
            Part.Mark wordEnd = null;
            int i = next;
            while (i < atoms.size() && part.fits(atoms.get(i), max)) {
                part.add(atoms.get(i));
                i++;
                char last = atoms.get(i - 1).text.charAt(0);
                if (last == '\n') {
                    lineEnd = part.mark(i);
                } else if (last == ' ') {
                    wordEnd = part.mark(i);
                }
            }
            if (i < atoms.size()) {
                // Prefer a line break unless it would leave a short part; then a word break; else cut here.
                Part.Mark cut = lineEnd != null && lineEnd.length() >= max / 2 ? lineEnd
                        : wordEnd != null ? wordEnd : lineEnd != null ? lineEnd : part.mark(i);
                if (cut.atoms() == next) {
                    throw new IllegalArgumentException("a single tag longer than " + max + " characters cannot be sent");
                }
                part.cutAt(cut);
                i = cut.atoms();
            }
            String text = part.closed();
            if (part.showsSomething()) {
                parts.add(text);
            }
            carried = part.openTags();
            next = i;
        }
        return parts;
    }

    private static List<Atom> atomsOf(String html) {
        List<Atom> atoms = new ArrayList<>();
        int i = 0;
        while (i < html.length()) {
            char c = html.charAt(i);
            int end;
            if (c == '<' && (end = html.indexOf('>', i)) > 0) {
                atoms.add(Atom.tag(html.substring(i, end + 1)));
                i = end + 1;
            } else if (c == '&' && (end = html.indexOf(';', i)) > 0 && end - i <= 10) {
                atoms.add(new Atom(html.substring(i, end + 1), Atom.Kind.TEXT, null));
                i = end + 1;
            } else {
                int width = Character.isHighSurrogate(c) && i + 1 < html.length()
                        && Character.isLowSurrogate(html.charAt(i + 1)) ? 2 : 1;
                atoms.add(new Atom(html.substring(i, i + width), Atom.Kind.TEXT, null));
                i += width;
            }
        }
        return atoms;
    }

    /** What cannot be split: a tag, an entity, or one character (both halves of a surrogate pair). */
    private record Atom(String text, Kind kind, String tagName) {
        enum Kind { TEXT, OPEN, CLOSE, SELF_CLOSING }

        static Atom tag(String text) {
            boolean closing = text.startsWith("</");
            String body = text.substring(closing ? 2 : 1, text.length() - 1).strip();
            int nameEnd = 0;
            while (nameEnd < body.length() && Character.isLetterOrDigit(body.charAt(nameEnd))) {
                nameEnd++;
            }
            String name = body.substring(0, nameEnd);
            Kind kind = closing ? Kind.CLOSE : body.endsWith("/") ? Kind.SELF_CLOSING : Kind.OPEN;
            return new Atom(text, kind, name);
        }

        String closer() {
            return "</" + tagName + ">";
        }
    }

    /** One part being filled: its HTML and the tags open at its end. */
    private static final class Part {
        private final StringBuilder html = new StringBuilder();
        private Deque<Atom> open;
        private int closersLength;
        private boolean visible;

        /** Where the part could end: after this many atoms of the message, with this much HTML. */
        record Mark(int atoms, int length, Deque<Atom> open, int closersLength, boolean visible) {
        }

        Part(Deque<Atom> carried) {
            open = new ArrayDeque<>();
            // Reopened in the order they were opened: the stack's bottom first.
            carried.descendingIterator().forEachRemaining(this::add);
        }

        boolean fits(Atom atom, int max) {
            int closers = closersLength;
            if (atom.kind == Atom.Kind.OPEN) {
                closers += atom.closer().length();
            } else if (atom.kind == Atom.Kind.CLOSE && !open.isEmpty()) {
                closers -= open.peek().closer().length();
            }
            return html.length() + atom.text.length() + closers <= max;
        }

        void add(Atom atom) {
            html.append(atom.text);
            switch (atom.kind) {
                case OPEN -> {
                    open.push(atom);
                    closersLength += atom.closer().length();
                }
                case CLOSE -> {
                    if (!open.isEmpty()) {
                        closersLength -= open.pop().closer().length();
                    }
                }
                case TEXT -> visible |= !atom.text.isBlank();
                case SELF_CLOSING -> { }
            }
        }

        Mark mark(int atoms) {
            return new Mark(atoms, html.length(), new ArrayDeque<>(open), closersLength, visible);
        }

        void cutAt(Mark mark) {
            html.setLength(mark.length());
            open = new ArrayDeque<>(mark.open());
            closersLength = mark.closersLength();
            visible = mark.visible();
        }

        /** The part's HTML with the tags still open closed, innermost first. */
        String closed() {
            StringBuilder text = new StringBuilder(html);
            open.forEach(tag -> text.append(tag.closer()));
            return text.toString();
        }

        boolean showsSomething() {
            return visible;
        }

        Deque<Atom> openTags() {
            return new ArrayDeque<>(open);
        }
    }
}
