package io.newsradar.scoring.stories;

import com.dynatrace.hash4j.hashing.Hasher64;
import com.dynatrace.hash4j.hashing.Hashing;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The shingle hashes a story signature is computed over (pure functions of the text). */
final class StoryShingles {
    private static final Hasher64 SHINGLE_HASH = Hashing.komihash5_0();

    /**
     * Words that say nothing about which story a headline tells, left out of the headline's word
     * set: function words, the agency and update markers syndication adds or drops, and the
     * fragments of web addresses ("Salesforce.com", a lead starting "com September 16").
     */
    private static final Set<String> HEADLINE_NOISE = Set.of(
            "a", "an", "the", "and", "or", "but", "of", "to", "in", "on", "at", "for", "with", "by", "from", "as", "is",
            "are", "was", "be", "its", "it", "s", "after", "over", "into", "up", "out", "new", "says", "say", "ap",
            "afp", "reuters", "update", "updated", "1", "2", "3", "4", "that", "this", "will", "has", "have", "had",
            "were", "been", "said", "their", "his", "her", "they", "he", "she", "we", "not", "who", "which", "com",
            "www", "http", "net", "org");

    private StoryShingles() {}

    /**
     * Hashes of the shingles of the title and the body's lead; a text shorter than one shingle is
     * one shingle. Shingles do not span the title and the body, so a changed headline changes
     * only its own shingles.
     */
    static long[] of(String title, String body, StoryHasher.Shingling shingling) {
        List<String> titleWords = new ArrayList<>();
        words(title, Integer.MAX_VALUE, titleWords);
        List<String> bodyWords = new ArrayList<>();
        words(body, shingling.bodyWords(), bodyWords);
        List<Long> titleShingles = new ArrayList<>();
        shinglesOf(titleWords, shingling, titleShingles);
        List<Long> out = new ArrayList<>();
        for (int w = 0; w < shingling.titleWeight(); w++) {
            for (long t : titleShingles) {
                // a distinct element per copy, so the weight counts in a set
                out.add(w == 0 ? t : SHINGLE_HASH.hashLongLongToLong(t, w));
            }
        }
        shinglesOf(bodyWords, shingling, out);
        return out.stream().mapToLong(Long::longValue).toArray();
    }

    /** Hashes of the headline's telling words (not {@link #HEADLINE_NOISE}). */
    static long[] headlineWords(String title) {
        return tellingWords(title, Integer.MAX_VALUE);
    }

    /**
     * Hashes of the telling words among the first {@code count} words of the body: where a
     * rewritten headline takes its words from.
     */
    static long[] leadWords(String body, int count) {
        return tellingWords(body, count);
    }

    private static long[] tellingWords(String text, int limit) {
        List<String> words = new ArrayList<>();
        words(text, limit, words);
        return words.stream()
                .filter(w -> !HEADLINE_NOISE.contains(w))
                .mapToLong(SHINGLE_HASH::hashCharsToLong)
                .toArray();
    }

    private static void shinglesOf(List<String> words, StoryHasher.Shingling shingling, List<Long> into) {
        if (words.isEmpty()) {
            return;
        }
        if (shingling.unit() == StoryHasher.Shingling.Unit.CHARACTERS) {
            String joined = String.join(" ", words);
            int n = shingling.size();
            if (joined.length() <= n) {
                into.add(SHINGLE_HASH.hashCharsToLong(joined));
                return;
            }
            for (int i = 0; i + n <= joined.length(); i++) {
                into.add(SHINGLE_HASH.hashCharsToLong(joined.substring(i, i + n)));
            }
            return;
        }
        int n = Math.min(shingling.size(), words.size());
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i + n <= words.size(); i++) {
            sb.setLength(0);
            for (int j = i; j < i + n; j++) {
                if (j > i) {
                    sb.append(' ');
                }
                sb.append(words.get(j));
            }
            into.add(SHINGLE_HASH.hashCharsToLong(sb));
        }
    }

    private static boolean unspaced(int cp) {
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        return script == Character.UnicodeScript.HAN
                || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA
                || script == Character.UnicodeScript.THAI;
    }

    /**
     * Lower-cased runs of letters and digits (any script; a character of a script written
     * without spaces is a word of its own), at most {@code limit} of them.
     */
    static void words(String text, int limit, List<String> into) {
        if (text == null) {
            return;
        }
        int added = 0;
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < text.length() && added < limit; ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (unspaced(cp)) {
                // scripts written without spaces: each character is a word, so shingles are
                // character bigrams instead of one sentence-long "word" that any edit changes
                if (word.length() > 0) {
                    into.add(word.toString().toLowerCase(Locale.ROOT));
                    word.setLength(0);
                    added++;
                }
                if (added < limit) {
                    into.add(Character.toString(cp));
                    added++;
                }
            } else if (Character.isLetterOrDigit(cp)) {
                word.appendCodePoint(cp);
            } else if (word.length() > 0) {
                into.add(word.toString().toLowerCase(Locale.ROOT));
                word.setLength(0);
                added++;
            }
        }
        if (word.length() > 0 && added < limit) {
            into.add(word.toString().toLowerCase(Locale.ROOT));
        }
    }
}
