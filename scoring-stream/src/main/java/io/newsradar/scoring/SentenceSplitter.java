package io.newsradar.scoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Splits plain text into sentences, well enough for news prose: a sentence ends at '.', '!' or
 * '?' (plus closing quotes or brackets) followed by white space and a capital, digit or quote,
 * unless the word before the period is a known abbreviation or a dotted initialism ("U.S.");
 * a blank line always ends one.
 */
public final class SentenceSplitter {
    private static final Set<String> ABBREVIATIONS = Set.of(
            "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "sgt", "adm", "cmdr", "gov", "sen",
            "rep", "pres", "st", "no", "vs", "inc", "corp", "ltd", "co", "jr", "sr", "jan", "feb", "mar", "apr", "jun",
            "jul", "aug", "sep", "sept", "oct", "nov", "dec", "e.g", "i.e", "etc", "approx");

    // possessive: each repetition takes a letter and its period, so there is nothing to give back
    private static final Pattern DOTTED_INITIALISM = Pattern.compile("(?:\\p{L}\\.)++\\p{L}");

    private SentenceSplitter() {}

    public static List<Sentence> split(String text) {
        List<Sentence> out = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return out;
        }
        int start = 0;
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (c == '\n' && blankLineAt(text, i)) {
                add(text, start, i, out);
                start = i + 1;
            } else if (c == '.' || c == '!' || c == '?') {
                int end = i + 1;
                while (end < n && isCloser(text.charAt(end))) {
                    end++;
                }
                if (end < n
                        && Character.isWhitespace(text.charAt(end))
                        && nextStartsSentence(text, end)
                        && !(c == '.' && abbreviationBefore(text, i))) {
                    add(text, start, end, out);
                    start = end;
                    i = end;
                    continue;
                }
            }
            i++;
        }
        add(text, start, n, out);
        return out;
    }

    private static boolean blankLineAt(String text, int newline) {
        int j = newline + 1;
        while (j < text.length() && (text.charAt(j) == ' ' || text.charAt(j) == '\t' || text.charAt(j) == '\r')) {
            j++;
        }
        return j < text.length() && text.charAt(j) == '\n';
    }

    private static boolean isCloser(char c) {
        return c == '"' || c == '\'' || c == ')' || c == ']' || c == '\u201D' || c == '\u2019';
    }

    private static boolean nextStartsSentence(String text, int from) {
        int j = from;
        while (j < text.length() && Character.isWhitespace(text.charAt(j))) {
            j++;
        }
        if (j >= text.length()) {
            return false;
        }
        char c = text.charAt(j);
        return Character.isUpperCase(c)
                || Character.isDigit(c)
                || c == '"'
                || c == '\u201C'
                || c == '\''
                || c == '\u2018'
                || c == '(';
    }

    private static boolean abbreviationBefore(String text, int period) {
        int j = period;
        while (j > 0 && !Character.isWhitespace(text.charAt(j - 1)) && text.charAt(j - 1) != '(') {
            j--;
        }
        String word = text.substring(j, period);
        if (word.isEmpty()) {
            return false;
        }
        // dotted initialisms: U.S, U.K, E.U (the last period is the one we are looking at)
        if (word.length() >= 3 && DOTTED_INITIALISM.matcher(word).matches()) {
            return true;
        }
        // a single capital initial: "John F. Kennedy"
        if (word.length() == 1 && Character.isUpperCase(word.charAt(0))) {
            return true;
        }
        return ABBREVIATIONS.contains(word.toLowerCase(Locale.ROOT));
    }

    private static void add(String text, int start, int end, List<Sentence> out) {
        int s = start;
        int e = end;
        while (s < e && Character.isWhitespace(text.charAt(s))) {
            s++;
        }
        while (e > s && Character.isWhitespace(text.charAt(e - 1))) {
            e--;
        }
        if (e > s) {
            out.add(new Sentence(text.substring(s, e), s, e));
        }
    }
}
