package io.newsradar.scoring.rules;

import io.newsradar.scoring.TagRule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.intervals.IntervalQuery;
import org.apache.lucene.queries.intervals.Intervals;
import org.apache.lucene.queries.intervals.IntervalsSource;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.WildcardQuery;

/**
 * Turns a tag rule into the Lucene query the Monitor runs: the parsed query, its exclusions
 * applied to every positive word, and its minimum of alternatives. Stateless and thread-safe.
 */
public final class QueryCompiler {
    // an exclusion over a wildcard looks at every word the wildcard expands to in one article;
    // Lucene caps that at the Boolean clause limit (1024), more than an article's matching words
    private static final int MAX_WILDCARD_EXPANSIONS = 1024;

    private QueryCompiler() {}

    /** Checks a rule's query; the message of the exception says where and what (no rule id). */
    public static void check(TagRule rule) {
        compile(rule);
    }

    /** The Lucene query of a rule, or an {@link InvalidQueryException}. */
    public static Query compile(TagRule rule) {
        if (rule.query().isBlank()) {
            throw new InvalidQueryException("the query is empty");
        }
        Query q = new RuleQueryParser(rule.query()).parseRule();
        rejectBoosts(q);
        if (!rule.exclude().isEmpty()) {
            q = exclude(q, true, rule.exclude());
        }
        if (rule.minMatches() > 1) {
            q = atLeast(q, rule.minMatches());
        }
        return q;
    }

    private static void rejectBoosts(Query q) {
        if (q instanceof BoostQuery) {
            throw new InvalidQueryException("'^' boosts have no effect on whether a rule matches: remove them");
        }
        if (q instanceof BooleanQuery b) {
            b.clauses().forEach(c -> rejectBoosts(c.getQuery()));
        }
    }

    /** minMatches: the top level must be alternatives joined by OR, at least that many. */
    private static Query atLeast(Query q, int n) {
        String need = "minMatches " + n + " needs a query whose top level is at least " + n
                + " alternatives joined by OR (NOT clauses may follow)";
        if (!(q instanceof BooleanQuery b)) {
            throw new InvalidQueryException(need);
        }
        long should = b.clauses().stream()
                .filter(c -> c.getOccur() == BooleanClause.Occur.SHOULD)
                .count();
        boolean onlyOrAndNot = b.clauses().stream()
                .allMatch(c ->
                        c.getOccur() == BooleanClause.Occur.SHOULD || c.getOccur() == BooleanClause.Occur.MUST_NOT);
        if (should < n || !onlyOrAndNot) {
            throw new InvalidQueryException(need);
        }
        BooleanQuery.Builder out = new BooleanQuery.Builder().setMinimumNumberShouldMatch(n);
        b.clauses().forEach(out::add);
        return out.build();
    }

    /**
     * Rewrites every positive word, phrase or wildcard so that its occurrences inside one of the
     * excluded phrases (analysed like the word's own field) do not count: Lucene intervals, "not
     * contained by". Words under NOT are left as they are.
     */
    private static Query exclude(Query q, boolean positive, List<String> phrases) {
        if (q instanceof BooleanQuery b) {
            BooleanQuery.Builder out =
                    new BooleanQuery.Builder().setMinimumNumberShouldMatch(b.getMinimumNumberShouldMatch());
            for (BooleanClause c : b.clauses()) {
                boolean pos = positive && c.getOccur() != BooleanClause.Occur.MUST_NOT;
                out.add(exclude(c.getQuery(), pos, phrases), c.getOccur());
            }
            return out.build();
        }
        if (!positive) {
            return q;
        }
        String field;
        IntervalsSource words;
        String literal = null; // a wildcard's leading letters, for the presearcher
        if (q instanceof TermQuery t) {
            field = t.getTerm().field();
            words = Intervals.term(t.getTerm().bytes());
        } else if (q instanceof PhraseQuery p && p.getSlop() == 0 && consecutive(p)) {
            field = p.getField();
            List<IntervalsSource> terms = new ArrayList<>();
            for (Term t : p.getTerms()) {
                terms.add(Intervals.term(t.bytes()));
            }
            words = Intervals.phrase(terms.toArray(IntervalsSource[]::new));
        } else if (q instanceof WildcardQuery w) {
            field = w.getField();
            words = Intervals.wildcard(w.getTerm().bytes(), MAX_WILDCARD_EXPANSIONS);
            literal = LeadingLettersHandler.literalPrefix(w.getTerm().text());
        } else if (q instanceof PrefixQuery p) {
            field = p.getField();
            words = Intervals.prefix(p.getPrefix().bytes(), MAX_WILDCARD_EXPANSIONS);
            literal = p.getPrefix().text();
        } else {
            throw new InvalidQueryException("exclude cannot be combined with proximity (\"a b\"~N) in the same rule: "
                    + q + "; write the exclusion as AND NOT in the query instead");
        }
        // one "not contained by" per phrase, nested: Lucene distributes a disjunction of
        // subtrahends into a disjunction of differences, which would let any one phrase's
        // absence bring the word back
        for (IntervalsSource phrase : excluded(field, phrases)) {
            words = Intervals.notContainedBy(words, phrase);
        }
        IntervalQuery intervals = new IntervalQuery(field, words);
        return literal == null || literal.isEmpty() ? intervals : new PrefixedIntervalQuery(intervals, field, literal);
    }

    private static boolean consecutive(PhraseQuery p) {
        int[] positions = p.getPositions();
        for (int i = 1; i < positions.length; i++) {
            if (positions[i] != positions[i - 1] + 1) {
                return false;
            }
        }
        return true;
    }

    private static List<IntervalsSource> excluded(String field, List<String> phrases) {
        List<IntervalsSource> sources = new ArrayList<>();
        for (String phrase : phrases) {
            try {
                sources.add(Intervals.analyzedText(phrase, FieldAnalyzer.INSTANCE, field, 0, true));
            } catch (IOException e) {
                throw new UncheckedIOException("analysing an exclude phrase in memory", e);
            } catch (IllegalArgumentException e) {
                throw new InvalidQueryException("exclude '" + phrase + "' has nothing to match", e);
            }
        }
        return sources;
    }
}
