package io.newsradar.scoring.rules;

import java.util.Objects;
import org.apache.lucene.queries.intervals.IntervalQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;

/**
 * An interval query over a wildcard or prefix (a wildcard rule with exclusions) that carries the
 * wildcard's literal leading letters, so that the presearcher can filter it like a plain wildcard
 * ({@link LeadingLettersHandler}); Lucene's interval sources do not expose their pattern. It
 * rewrites to the interval query itself, so matching and hits are the interval query's.
 */
final class PrefixedIntervalQuery extends Query {
    private final IntervalQuery query;
    private final String field;
    private final String literal;

    PrefixedIntervalQuery(IntervalQuery query, String field, String literal) {
        this.query = Objects.requireNonNull(query, "query");
        this.field = Objects.requireNonNull(field, "field");
        this.literal = Objects.requireNonNull(literal, "literal");
    }

    String field() {
        return field;
    }

    /** The letters every word the wildcard matches starts with. */
    String literal() {
        return literal;
    }

    @Override
    public Query rewrite(IndexSearcher searcher) {
        return query;
    }

    @Override
    public void visit(QueryVisitor visitor) {
        if (visitor.acceptField(field)) {
            visitor.visitLeaf(this);
        }
    }

    @Override
    public String toString(String defaultField) {
        return query.toString(defaultField);
    }

    @Override
    public boolean equals(Object other) {
        return sameClassAs(other) && query.equals(((PrefixedIntervalQuery) other).query);
    }

    @Override
    public int hashCode() {
        return 31 * classHash() + query.hashCode();
    }
}
