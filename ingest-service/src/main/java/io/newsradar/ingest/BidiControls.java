package io.newsradar.ingest;

import java.util.regex.Pattern;

/**
 * Removes Unicode bidirectional formatting characters that can make a console or log line show
 * something other than what it contains ("Trojan Source", CVE-2021-42574): an unterminated
 * right-to-left override in a title reverses everything printed after it on the line, score and
 * route included.
 *
 * <p>Single-line fields (title, source, author) lose every bidi control: overrides and embeddings
 * (U+202A-U+202E), isolates (U+2066-U+2069) and the zero-width direction marks (LRM U+200E, RLM
 * U+200F, ALM U+061C). A terminal shows these fields beside other data, and a title reads the
 * same without marks. The body keeps the marks: right-to-left prose uses them to place digits and
 * punctuation, and a mark has no scope, so it cannot reorder text after it. It loses the
 * overrides, embeddings and isolates, because its sentences are printed too (as an alert's key
 * points) and plain text from a feed never needs them (HTML expresses direction with {@code dir}).
 */
final class BidiControls {
    /** Overrides, embeddings and isolates, as a character-class body: controls with a scope. */
    static final String SCOPED_CLASS = "\\u202A-\\u202E\\u2066-\\u2069";

    private static final Pattern MARKS = Pattern.compile("[\\u200E\\u200F\\u061C]");
    private static final Pattern ALL = Pattern.compile("[" + SCOPED_CLASS + "\\u200E\\u200F\\u061C]");
    private static final Pattern SPACES = Pattern.compile("[\\s\\p{Zs}]+");

    private BidiControls() {}

    /** Without the direction marks (the scoped controls are gone already, see {@link HtmlText}). */
    static String withoutMarks(String s) {
        return MARKS.matcher(s).replaceAll("");
    }

    /** One line without any bidi control, whitespace runs left behind collapsed to one space. */
    static String line(String s) {
        return SPACES.matcher(ALL.matcher(s).replaceAll("")).replaceAll(" ").strip();
    }
}
