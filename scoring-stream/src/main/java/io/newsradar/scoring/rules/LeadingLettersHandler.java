package io.newsradar.scoring.rules;

import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.monitor.CustomQueryHandler;
import org.apache.lucene.monitor.QueryTree;
import org.apache.lucene.monitor.TermWeightor;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.WildcardQuery;

/**
 * Lets the Monitor's presearcher filter wildcard and prefix rules by their leading letters. Left
 * alone, the presearcher cannot index a wildcard, so every wildcard rule runs on every article
 * (at 1,000 rules, a quarter of them wildcards, that was most of the matching time).
 *
 * <p>A wildcard or prefix query can only match a word that starts with its literal letters (the
 * ones before the first {@code *}, {@code ?} or escape; the parser refuses a leading wildcard). The
 * query is indexed under its literal letters, at most {@link #MAX_KEY_LENGTH} of them, marked so
 * that no real word can be the same term; each article word, on the article's side, also offers
 * its first letters with the same mark, in every length some key of that field has. A rule whose
 * key is not among them cannot match and is not run; one whose key is there is run as before, so
 * results never change.
 *
 * <p>One instance per Monitor: it remembers the key lengths of each index field (written while
 * the queries are registered, read while matching), so an article offers only the leading letters
 * some rule can use.
 */
final class LeadingLettersHandler implements CustomQueryHandler {
    /** Longer keys filter better; past eight letters few words share a beginning anyway. */
    static final int MAX_KEY_LENGTH = 8;

    /** Never part of a term the analysers emit (they drop control characters). */
    private static final char MARK = '\u0001';

    private final Map<String, Set<Integer>> keyLengths = new ConcurrentHashMap<>();

    @Override
    public QueryTree handleQuery(Query query, TermWeightor weightor) {
        String field;
        String literal;
        if (query instanceof WildcardQuery w) {
            field = w.getField();
            literal = literalPrefix(w.getTerm().text());
        } else if (query instanceof PrefixQuery p) {
            field = p.getField();
            literal = p.getPrefix().text();
        } else if (query instanceof PrefixedIntervalQuery p) {
            field = p.field();
            literal = p.literal();
        } else {
            return null;
        }
        if (literal.isEmpty()) {
            return null; // nothing to filter on: the presearcher runs it everywhere, as before
        }
        String key = key(literal);
        keyLengths
                .computeIfAbsent(field, f -> ConcurrentHashMap.newKeySet())
                .add(key.codePointCount(0, key.length()) - 1);
        return QueryTree.term(new Term(field, key), weightor);
    }

    @Override
    public TokenStream wrapTermStream(String field, TokenStream in) {
        Set<Integer> lengths = keyLengths.get(field);
        if (lengths == null) {
            return in;
        }
        return new LeadingLetters(
                in, lengths.stream().mapToInt(Integer::intValue).sorted().toArray());
    }

    /** The letters of a wildcard pattern before its first wildcard or escape character. */
    static String literalPrefix(String pattern) {
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == WildcardQuery.WILDCARD_STRING
                    || c == WildcardQuery.WILDCARD_CHAR
                    || c == WildcardQuery.WILDCARD_ESCAPE) {
                return pattern.substring(0, i);
            }
        }
        return pattern;
    }

    /** At most MAX_KEY_LENGTH code points of the literal letters, marked. */
    static String key(String literal) {
        return head(literal, MAX_KEY_LENGTH) + MARK;
    }

    private static String head(CharSequence s, int codePoints) {
        int n = Character.codePointCount(s, 0, s.length());
        int end = Character.offsetByCodePoints(s, 0, Math.min(n, codePoints));
        return s.subSequence(0, end).toString();
    }

    /** Passes every article word on, followed by its marked leading letters in the keys' lengths. */
    private static final class LeadingLetters extends TokenFilter {
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final int[] lengths;
        private String word;
        private int wordLength;
        private int next;

        LeadingLetters(TokenStream in, int[] lengths) {
            super(in);
            this.lengths = lengths;
        }

        @Override
        public boolean incrementToken() throws IOException {
            if (word != null) {
                if (next < lengths.length && lengths[next] <= wordLength) {
                    int length = lengths[next++];
                    clearAttributes();
                    term.append(head(word, length)).append(MARK);
                    return true;
                }
                word = null;
            }
            if (!input.incrementToken()) {
                return false;
            }
            word = term.toString();
            wordLength = word.codePointCount(0, word.length());
            next = 0;
            return true;
        }

        @Override
        public void reset() throws IOException {
            super.reset();
            word = null;
        }
    }
}
