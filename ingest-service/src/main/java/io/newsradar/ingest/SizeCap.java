package io.newsradar.ingest;

import io.newsradar.schemas.limits.ArticleLimits;

/**
 * Cuts text to a number of UTF-8 bytes at a word boundary, for the fields ingest shortens rather
 * than rejects (see {@link ArticleNormalizer}). Never splits a character: not a surrogate pair,
 * not a base letter from its combining accent.
 */
final class SizeCap {
    /** How far back from the byte limit a word boundary is looked for before cutting mid-word. */
    private static final int WORD_BOUNDARY_SEARCH_CHARS = 256;

    private SizeCap() {}

    /** The text, or its longest prefix that fits {@code maxBytes} and ends before a space. */
    static String cut(String text, long maxBytes) {
        if (ArticleLimits.utf8Length(text) <= maxBytes) {
            return text;
        }
        int end = lastFittingIndex(text, maxBytes);
        int space = end;
        int lowest = Math.max(0, end - WORD_BOUNDARY_SEARCH_CHARS);
        while (space > lowest && !Character.isWhitespace(text.charAt(space))) {
            space--;
        }
        if (space > lowest || Character.isWhitespace(text.charAt(space))) {
            end = space;
        } else {
            // no space nearby (CJK, a URL-like run): cut between characters
            while (end > 0 && isCombining(text.codePointAt(end))) {
                end = text.offsetByCodePoints(end, -1);
            }
        }
        return text.substring(0, end).stripTrailing();
    }

    /** The largest index {@code i} at a character boundary with {@code text[0, i)} within the limit. */
    private static int lastFittingIndex(String text, long maxBytes) {
        long bytes = 0;
        int i = 0;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            int size = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
            if (bytes + size > maxBytes) {
                break;
            }
            bytes += size;
            i += Character.charCount(cp);
        }
        return i;
    }

    private static boolean isCombining(int cp) {
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK
                || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK
                || cp == 0x200D; // zero-width joiner: binds the characters on each side
    }
}
