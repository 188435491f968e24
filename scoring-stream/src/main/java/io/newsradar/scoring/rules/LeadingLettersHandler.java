package io.newsradar.scoring.rules;

import java.io.IOException;
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
 * query is indexed under its first {@link #KEY_LENGTH} literal letters, marked so that no real word
 * can be the same term; each article word, on the article's side, also offers its first 1 to
 * {@link #KEY_LENGTH} letters with the same mark. A rule whose key is not among them cannot match
 * and is not run; one whose key is there is run as before, so results never change.
 *
 * <p>One instance per Monitor: it remembers which index fields carry such keys (written while the
 * queries are registered, read while matching), so articles spend nothing on the others.
 */
final class LeadingLettersHandler implements CustomQueryHandler {
    /** Longer keys filter better, shorter ones cost fewer lookups per article word. */
    static final int KEY_LENGTH = 4;

    /** Never part of a term the analysers emit (they drop control characters). */
    private static final char MARK = '\u0001';

    private final Set<String> keyedFields = ConcurrentHashMap.newKeySet();

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
        keyedFields.add(field);
        return QueryTree.term(new Term(field, key(literal)), weightor);
    }

    @Override
    public TokenStream wrapTermStream(String field, TokenStream in) {
        return keyedFields.contains(field) ? new LeadingLetters(in) : in;
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

    /** At most KEY_LENGTH code points of the literal letters, marked. */
    static String key(String literal) {
        return head(literal, KEY_LENGTH) + MARK;
    }

    private static String head(CharSequence s, int codePoints) {
        int n = Character.codePointCount(s, 0, s.length());
        int end = Character.offsetByCodePoints(s, 0, Math.min(n, codePoints));
        return s.subSequence(0, end).toString();
    }

    /** Passes every article word on, followed by its marked leading letters, 1 to KEY_LENGTH long. */
    private static final class LeadingLetters extends TokenFilter {
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private String word;
        private int length;

        LeadingLetters(TokenStream in) {
            super(in);
        }

        @Override
        public boolean incrementToken() throws IOException {
            if (word != null) {
                int max = Math.min(KEY_LENGTH, Character.codePointCount(word, 0, word.length()));
                if (length < max) {
                    length++;
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
            length = 0;
            return true;
        }

        @Override
        public void reset() throws IOException {
            super.reset();
            word = null;
        }
    }
}
