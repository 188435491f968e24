package io.newsradar.scoring.rules;

import io.newsradar.scoring.ArticleField;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.queryparser.classic.Token;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;

/**
 * Lucene's classic query parser with the rules' own meaning of fields and the checks analysts
 * need (docs/rules.md). One instance parses one query; not thread-safe.
 *
 * <ul>
 *   <li>Fields: unscoped words match the title or the body; {@code title:}, {@code body:} one of
 *       them; {@code cased:}, {@code title.cased:}, {@code body.cased:} the same with case kept.
 *   <li>Bare words match the stemmed form, quoted phrases and wildcards the exact form; words in
 *       Hangul, kana or Han also match the CJK forms of articles in those languages.
 *   <li>Rejected: AND mixed with OR at one level without parentheses (the classic parser has no
 *       precedence), words side by side without an operator, {@code OR NOT}, a group of only
 *       NOT clauses, {@code +}, fuzzy {@code word~}, regular expressions, ranges, a lone {@code *}.
 * </ul>
 */
final class RuleQueryParser extends QueryParser {
    /** The default field: no one can type an empty field name, so it only means "unscoped". */
    private static final String UNSCOPED = "";

    // the classic parser's (package-private) codes for conjunctions and modifiers
    private static final int CONJ_NONE = 0;
    private static final int CONJ_OR = 2;
    private static final int MOD_NOT = 10;
    private static final int MOD_REQ = 11;

    private static final Set<String> FIELDS = Set.of("title", "body", "cased", "title.cased", "body.cased");

    private final String query;
    private final Map<List<BooleanClause>, Level> levels = new IdentityHashMap<>();
    // set while this parser hands an index field to its own superclass, which calls back here
    private boolean internal;

    /** What one nesting level has seen so far. */
    private static final class Level {
        int clauses;
        int conjunction = CONJ_NONE;
        Token conjunctionToken;
        Token last;
    }

    RuleQueryParser(String query) {
        super(UNSCOPED, FieldAnalyzer.INSTANCE);
        this.query = query;
        setSplitOnWhitespace(true);
        // "co-develop" and "U.S.-led" are one word to the parser but several to the analyser:
        // they match as a phrase, never as loose words
        setAutoGeneratePhraseQueries(true);
        setAllowLeadingWildcard(false);
        setDefaultOperator(OR_OPERATOR);
    }

    /** The Lucene query, or an {@link InvalidQueryException} saying where and why. */
    Query parseRule() {
        try {
            return parse(query);
        } catch (ParseException e) {
            throw new InvalidQueryException(describe(e), e);
        }
    }

    // ---- the checks of Boolean structure ----

    @Override
    protected void addClause(List<BooleanClause> clauses, int conj, int mods, Query q) {
        Level level = levels.computeIfAbsent(clauses, c -> new Level());
        if (level.clauses > 0) {
            // the parser links tokens in order: the one after the previous clause is its operator
            Token op = level.last.next;
            if (mods == MOD_REQ) {
                throw error(op, "'+' is not part of the rule syntax: join words with AND or OR");
            }
            if (conj == CONJ_NONE && mods != MOD_NOT) {
                throw error(
                        op,
                        "'" + op.image + "' follows the previous word without AND or OR: put AND or OR"
                                + " between words, or quote them as a phrase (\"armed forces\")");
            }
            if (conj == CONJ_OR && mods == MOD_NOT) {
                throw error(op, "'OR NOT' would match like 'AND NOT' in Lucene: write AND NOT");
            }
            if (conj != CONJ_NONE) {
                if (level.conjunction == CONJ_NONE) {
                    level.conjunction = conj;
                    level.conjunctionToken = op;
                } else if (level.conjunction != conj) {
                    throw error(
                            op,
                            "'" + op.image + "' mixed with '" + level.conjunctionToken.image + "' ("
                                    + at(level.conjunctionToken)
                                    + ") at the same level without parentheses; the parser has no"
                                    + " precedence, so write (a AND b) OR c or a AND (b OR c)");
                }
            }
        } else if (mods == MOD_REQ) {
            throw error(token, "'+' is not part of the rule syntax: join words with AND or OR");
        }
        level.clauses++;
        level.last = token;
        super.addClause(clauses, conj, mods, q);
    }

    @Override
    protected Query getBooleanQuery(List<BooleanClause> clauses) throws ParseException {
        if (!clauses.isEmpty() && clauses.stream().allMatch(BooleanClause::isProhibited)) {
            throw error(token, "a group with only NOT clauses matches nothing: say what to match, then AND NOT");
        }
        return super.getBooleanQuery(clauses);
    }

    // ---- words, phrases, wildcards: from the fields analysts write to the index fields ----

    @Override
    protected Query getFieldQuery(String field, String text, boolean quoted) throws ParseException {
        if (internal) {
            return super.getFieldQuery(field, text, quoted);
        }
        Scope scope = scope(field);
        Analysis english = scope.cased ? Analysis.CASED : quoted ? Analysis.EXACT : Analysis.STEM;
        List<Query> alternatives = new ArrayList<>();
        for (ArticleField f : scope.fields) {
            add(alternatives, delegate(() -> super.getFieldQuery(english.field(f), text, quoted)));
            for (Analysis cjk : CjkScript.formsFor(text)) {
                add(alternatives, delegate(() -> super.getFieldQuery(cjk.field(f), text, quoted)));
            }
        }
        return either(alternatives, text);
    }

    @Override
    protected Query getFieldQuery(String field, String text, int slop) throws ParseException {
        if (internal) {
            return super.getFieldQuery(field, text, slop);
        }
        Scope scope = scope(field);
        Analysis english = scope.cased ? Analysis.CASED : Analysis.EXACT;
        List<Query> alternatives = new ArrayList<>();
        for (ArticleField f : scope.fields) {
            add(alternatives, delegate(() -> super.getFieldQuery(english.field(f), text, slop)));
            for (Analysis cjk : CjkScript.formsFor(text)) {
                add(alternatives, delegate(() -> super.getFieldQuery(cjk.field(f), text, slop)));
            }
        }
        return either(alternatives, text);
    }

    @Override
    protected Query getWildcardQuery(String field, String pattern) throws ParseException {
        if ("*".equals(pattern)) {
            throw error(token, "a lone '*' matches every article");
        }
        Scope scope = scope(field);
        Analysis form = scope.cased ? Analysis.CASED : Analysis.EXACT;
        List<Query> alternatives = new ArrayList<>();
        for (ArticleField f : scope.fields) {
            add(alternatives, delegate(() -> super.getWildcardQuery(form.field(f), pattern)));
        }
        return either(alternatives, pattern);
    }

    @Override
    protected Query getPrefixQuery(String field, String prefix) throws ParseException {
        Scope scope = scope(field);
        Analysis form = scope.cased ? Analysis.CASED : Analysis.EXACT;
        List<Query> alternatives = new ArrayList<>();
        for (ArticleField f : scope.fields) {
            add(alternatives, delegate(() -> super.getPrefixQuery(form.field(f), prefix)));
        }
        return either(alternatives, prefix + "*");
    }

    @Override
    protected Query getFuzzyQuery(String field, String termStr, float minSimilarity) {
        throw error(
                token,
                "'~' after a word asks for a fuzzy match, which rules do not offer; for proximity quote"
                        + " the words: \"" + termStr + " other\"~5");
    }

    @Override
    protected Query getRegexpQuery(String field, String termStr) {
        throw error(token, "regular expressions (/.../) are not part of the rule syntax");
    }

    @Override
    protected Query getRangeQuery(
            String field, String part1, String part2, boolean startInclusive, boolean endInclusive) {
        throw error(token, "ranges ([a TO b]) are not part of the rule syntax");
    }

    // ---- helpers ----

    private record Scope(List<ArticleField> fields, boolean cased) {}

    private Scope scope(String field) {
        List<ArticleField> both = List.of(ArticleField.TITLE, ArticleField.BODY);
        return switch (field) {
            case UNSCOPED -> new Scope(both, false);
            case "title" -> new Scope(List.of(ArticleField.TITLE), false);
            case "body" -> new Scope(List.of(ArticleField.BODY), false);
            case "cased" -> new Scope(both, true);
            case "title.cased" -> new Scope(List.of(ArticleField.TITLE), true);
            case "body.cased" -> new Scope(List.of(ArticleField.BODY), true);
            default ->
                throw error(token, "unknown field '" + field + ":'; the fields are " + new java.util.TreeSet<>(FIELDS));
        };
    }

    private interface Build {
        Query get() throws ParseException;
    }

    private Query delegate(Build build) throws ParseException {
        internal = true;
        try {
            return build.get();
        } finally {
            internal = false;
        }
    }

    private static void add(List<Query> into, Query q) {
        if (q != null) {
            into.add(q);
        }
    }

    /** One query for the alternatives of a word across fields; a word with no letters is an error. */
    private Query either(List<Query> alternatives, String text) {
        if (alternatives.isEmpty()) {
            throw error(token, "'" + text + "' has nothing to match once punctuation is taken off");
        }
        if (alternatives.size() == 1) {
            return alternatives.get(0);
        }
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        alternatives.forEach(q -> b.add(q, BooleanClause.Occur.SHOULD));
        return b.build();
    }

    private InvalidQueryException error(Token t, String what) {
        return new InvalidQueryException(at(t) + ": " + what);
    }

    /**
     * Where a token is, 1-based. The classic parser's character stream reports the token's offset
     * in the whole query as its "column" and always line 1, so lines are counted here.
     */
    private String at(Token t) {
        if (t == null) {
            return "in the query";
        }
        int offset = Math.min(Math.max(t.beginColumn, 0), query.length());
        int lineStart = query.lastIndexOf('\n', offset - 1) + 1;
        int column = offset - lineStart + 1;
        if (query.indexOf('\n') < 0) {
            return "column " + column;
        }
        int line = (int) query.substring(0, lineStart)
                        .chars()
                        .filter(c -> c == '\n')
                        .count()
                + 1;
        return "line " + line + ", column " + column;
    }

    private String describe(ParseException e) {
        ParseException cause = e.getCause() instanceof ParseException p ? p : e;
        if (cause.currentToken != null && cause.currentToken.next != null) {
            Token bad = cause.currentToken.next;
            return bad.kind == EOF
                    ? "the query ends too early (an operator or '(' without what follows)"
                    : at(bad) + ": unexpected '" + bad.image + "'";
        }
        Throwable root = e.getCause() != null ? e.getCause() : e;
        String message = root.getMessage() == null ? "" : root.getMessage().strip();
        if (message.contains("Encountered: <EOF>")) {
            // the lexer's own positions are offsets, not columns: say what is wrong instead
            return "a quote (\") or an escape (\\) is not closed before the end of the query";
        }
        return message.isEmpty() ? "cannot parse the query" : message;
    }
}
