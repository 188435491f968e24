package io.newsradar.scoring;

/**
 * Where in a text a match of one of {@link FactFinder}'s patterns can start: at one of a few
 * literals (the words every alternative of the pattern begins with), or at the first ASCII digit
 * of a number; and only in texts holding at least one of some other literals the pattern cannot
 * match without. Every place a match can start must be offered (offering more only costs time):
 * that is what keeps the finder's results the same as running the pattern everywhere.
 */
final class MatchStarts {
    private static final String[] NONE = {};

    /** The literals a match starts with, or null for "at a number". */
    private final String[] literals;
    /** For numbers: not right after a comma either (the pattern's look-behind). */
    private final boolean notAfterComma;
    /** The text must contain one of these, or nothing can match (empty: no condition). */
    private final String[] guards;

    private MatchStarts(String[] literals, boolean notAfterComma, String[] guards) {
        this.literals = literals;
        this.notAfterComma = notAfterComma;
        this.guards = guards;
    }

    /** Matches start where one of the literals starts (case as written). */
    static MatchStarts atLiterals(String... literals) {
        return new MatchStarts(literals.clone(), false, NONE);
    }

    /**
     * Matches start at an ASCII digit that does not follow another (the pattern begins with
     * {@code \b\d}, and there is no word boundary between two digits), nor, if asked, a comma.
     */
    static MatchStarts atNumbers(boolean notAfterComma) {
        return new MatchStarts(null, notAfterComma, NONE);
    }

    /** The same starts, in texts that contain at least one of these literals only. */
    MatchStarts onlyWith(String... required) {
        return new MatchStarts(literals, notAfterComma, required.clone());
    }

    /** A cursor over the possible starts in this text. */
    Cursor cursor(String text) {
        if (guards.length > 0 && !containsAny(text, guards)) {
            return from -> -1;
        }
        return literals == null ? new NumberCursor(text, notAfterComma) : new LiteralCursor(text, literals);
    }

    static boolean hasAsciiDigit(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (isAsciiDigit(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean containsAny(String text, String[] literals) {
        for (String l : literals) {
            if (text.contains(l)) {
                return true;
            }
        }
        return false;
    }

    /** The possible starts of matches in one text, asked for in increasing order of {@code from}. */
    interface Cursor {
        /** The first possible start at or after {@code from}, or -1 when there is none. */
        int next(int from);
    }

    /**
     * Keeps each literal's next occurrence, so that a text is scanned once per literal however
     * many starts are asked for (asking each literal again from every start was quadratic).
     */
    private static final class LiteralCursor implements Cursor {
        private final String text;
        private final String[] literals;
        private final int[] next;

        LiteralCursor(String text, String[] literals) {
            this.text = text;
            this.literals = literals;
            this.next = new int[literals.length];
            for (int j = 0; j < literals.length; j++) {
                next[j] = text.indexOf(literals[j]);
            }
        }

        @Override
        public int next(int from) {
            int best = -1;
            for (int j = 0; j < literals.length; j++) {
                if (next[j] >= 0 && next[j] < from) {
                    next[j] = text.indexOf(literals[j], from);
                }
                if (next[j] >= 0 && (best < 0 || next[j] < best)) {
                    best = next[j];
                }
            }
            return best;
        }
    }

    private static final class NumberCursor implements Cursor {
        private final String text;
        private final boolean notAfterComma;

        NumberCursor(String text, boolean notAfterComma) {
            this.text = text;
            this.notAfterComma = notAfterComma;
        }

        @Override
        public int next(int from) {
            for (int i = Math.max(0, from); i < text.length(); i++) {
                if (isAsciiDigit(text.charAt(i)) && (i == 0 || canPrecede(text.charAt(i - 1)))) {
                    return i;
                }
            }
            return -1;
        }

        private boolean canPrecede(char c) {
            return !isAsciiDigit(c) && !(notAfterComma && c == ',');
        }
    }
}
