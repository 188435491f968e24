package io.newsradar.ingest;

import java.util.Locale;
import java.util.Set;

/**
 * A title for an item that came without one: the first sentence of its body, cut at a word
 * boundary to at most {@link #MAX_LENGTH} characters with an ellipsis when cut.
 *
 * <p>Why: some feeds publish body-only items (short wire notes, social posts). The scoring stream
 * requires a title, because title matches weigh most and alerts show it, and it dead-letters an
 * article without one; ingest accepting such items would only move the rejection downstream.
 * The lede is what a headline would have said, so it is the best stand-in.
 */
final class DerivedTitle {
    /** Longest derived title, ellipsis included: about what a headline takes. */
    static final int MAX_LENGTH = 120;

    private static final char ELLIPSIS = '\u2026';
    // "Dr. Lee" and "Gen. Ito" do not end a sentence
    private static final Set<String> ABBREVIATIONS = Set.of(
            "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "sgt", "adm", "gov", "sen", "rep", "st",
            "no", "vs", "inc", "corp", "ltd", "co", "jr", "sr", "jan", "feb", "mar", "apr", "aug", "sep", "sept", "oct",
            "nov", "dec", "e.g", "i.e", "etc", "approx");

    private DerivedTitle() {}

    /** The title derived from plain-text body (as {@link HtmlText#toText} makes it); "" for a blank body. */
    static String fromBody(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        String text = body.strip();
        // A sentence that runs past the limit is cut anyway, so one more character than the
        // limit is all that needs looking at, whatever the size of the body.
        String head = text.substring(0, Math.min(text.length(), MAX_LENGTH + 1));
        int lineEnd = head.indexOf('\n');
        if (lineEnd >= 0) {
            // a line break ends a paragraph, list item or dateline: never part of the first sentence
            head = head.substring(0, lineEnd).strip();
        }
        return shorten(firstSentence(head));
    }

    private static String firstSentence(String line) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c != '.' && c != '!' && c != '?') {
                continue;
            }
            int end = i + 1;
            while (end < line.length() && isCloser(line.charAt(end))) {
                end++;
            }
            if (end < line.length()
                    && Character.isWhitespace(line.charAt(end))
                    && startsSentence(line, end)
                    && !(c == '.' && abbreviationBefore(line, i))) {
                return line.substring(0, end);
            }
        }
        return line;
    }

    private static String shorten(String s) {
        if (s.length() <= MAX_LENGTH) {
            return s;
        }
        int limit = MAX_LENGTH - 1; // room for the ellipsis
        int cut = limit;
        while (cut > 0 && !Character.isWhitespace(s.charAt(cut))) {
            cut--;
        }
        String kept = s.substring(0, cut).strip();
        // a comma or dash right before the ellipsis reads as a typo
        while (!kept.isEmpty() && ",;:-\u2013\u2014".indexOf(kept.charAt(kept.length() - 1)) >= 0) {
            kept = kept.substring(0, kept.length() - 1).strip();
        }
        if (kept.isEmpty()) {
            // one word longer than the limit: cut inside it, but never between the halves of a surrogate pair
            cut = Character.isLowSurrogate(s.charAt(limit)) ? limit - 1 : limit;
            kept = s.substring(0, cut);
        }
        return kept + ELLIPSIS;
    }

    private static boolean isCloser(char c) {
        return c == '"' || c == '\'' || c == ')' || c == ']' || c == '\u201D' || c == '\u2019';
    }

    private static boolean startsSentence(String line, int from) {
        int j = from;
        while (j < line.length() && Character.isWhitespace(line.charAt(j))) {
            j++;
        }
        if (j >= line.length()) {
            return false;
        }
        char c = line.charAt(j);
        return Character.isUpperCase(c) || Character.isDigit(c) || c == '"' || c == '\u201C' || c == '\'' || c == '(';
    }

    private static boolean abbreviationBefore(String line, int period) {
        int j = period;
        while (j > 0 && !Character.isWhitespace(line.charAt(j - 1)) && line.charAt(j - 1) != '(') {
            j--;
        }
        String word = line.substring(j, period);
        if (word.isEmpty()) {
            return false;
        }
        // a single capital initial ("John F. Kennedy") or a dotted initialism ("U.S.")
        if ((word.length() == 1 && Character.isUpperCase(word.charAt(0))) || dottedInitialism(word)) {
            return true;
        }
        return ABBREVIATIONS.contains(word.toLowerCase(Locale.ROOT));
    }

    /** "U.S", "E.U" (the last period is the one being looked at). */
    private static boolean dottedInitialism(String word) {
        if (word.length() < 3 || word.length() % 2 == 0) {
            return false;
        }
        for (int i = 0; i < word.length(); i++) {
            boolean ok = i % 2 == 0 ? Character.isLetter(word.charAt(i)) : word.charAt(i) == '.';
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
