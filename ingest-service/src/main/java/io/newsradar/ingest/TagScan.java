package io.newsradar.ingest;

/**
 * Decides whether text contains an HTML tag or comment, in one pass: {@code <name>}, {@code
 * </name>}, {@code <name/>}, {@code <name attributes>} with at most {@link #MAX_INSIDE} characters
 * of attributes, or {@code <!-- ... -->} with at most that many inside.
 *
 * <p>Why not a regular expression: a pattern tried at every '<' rescans the text after it, so "<a
 * <a <a ..." with no '>' costs (number of '<') x (bound) steps, seconds for a large body. Here the
 * position of the next '>' and of the next "-->" is remembered, so each '<' costs its name's length.
 */
final class TagScan {
    /** More than any real tag's attributes; only decides whether to parse at all. */
    static final int MAX_INSIDE = 2000;

    private TagScan() {}

    static boolean containsTagOrComment(String s) {
        int nextGt = -2; // not looked up yet; -1: there is none
        int nextCommentEnd = -2;
        for (int lt = s.indexOf('<'); lt >= 0; lt = s.indexOf('<', lt + 1)) {
            int k = lt + 1;
            if (s.startsWith("!--", k)) {
                int inside = k + 3;
                if (nextCommentEnd != -1 && nextCommentEnd < inside) {
                    nextCommentEnd = s.indexOf("-->", inside);
                }
                if (nextCommentEnd >= 0 && nextCommentEnd - inside <= MAX_INSIDE) {
                    return true;
                }
                continue;
            }
            if (k < s.length() && s.charAt(k) == '/') {
                k++;
            }
            if (k >= s.length() || !isAsciiLetter(s.charAt(k))) {
                continue;
            }
            k++;
            while (k < s.length() && (isAsciiLetter(s.charAt(k)) || isDigit(s.charAt(k)) || s.charAt(k) == '-')) {
                k++;
            }
            if (k >= s.length()) {
                return false; // a name ran to the end: no '>' can follow any '<'
            }
            char after = s.charAt(k);
            if (after == '>' || (after == '/' && k + 1 < s.length() && s.charAt(k + 1) == '>')) {
                return true;
            }
            if (isSpace(after)) {
                if (nextGt != -1 && nextGt <= k) {
                    nextGt = s.indexOf('>', k + 1);
                }
                if (nextGt >= 0 && nextGt - (k + 1) <= MAX_INSIDE) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** What {@code \s} matches in a Java regular expression. */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }
}
