package io.newsradar.scoring.rules;

import io.newsradar.avro.NewsArticle;
import io.newsradar.scoring.Hit;
import io.newsradar.scoring.RuleError;
import io.newsradar.scoring.TagMatch;
import io.newsradar.scoring.TagRule;
import io.newsradar.scoring.Tagger;
import io.newsradar.scoring.Tagging;
import io.newsradar.scoring.Taxonomy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ref.Cleaner;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.lucene.monitor.HighlightsMatch;
import org.apache.lucene.monitor.MatchingQueries;
import org.apache.lucene.monitor.Monitor;
import org.apache.lucene.monitor.MonitorConfiguration;
import org.apache.lucene.monitor.MonitorQuery;
import org.apache.lucene.monitor.Presearcher;
import org.apache.lucene.monitor.QueryMatch;
import org.apache.lucene.monitor.TermFilteredPresearcher;
import org.apache.lucene.monitor.TermWeightor;
import org.apache.lucene.search.Query;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tags articles with the taxonomy's Boolean rules on a Lucene Monitor: one stored query per
 * rule, built once; each article is matched as one in-memory document and every hit comes back
 * with its field and offsets (the Monitor's highlighting matcher).
 *
 * <p>Immutable after construction and safe to share between threads (the Monitor's matching is
 * thread-safe; nothing here is registered or removed later). A new ruleset means a new tagger.
 *
 * <p>Resources: the Monitor keeps its queries in memory and one idle housekeeping thread (its
 * cache purge, which Lucene always starts). {@link #close()} stops it; close only once no thread
 * matches with this tagger any more. A tagger that is simply dropped is closed when it is
 * garbage collected, so swapping engines without closing the old one leaks nothing for long.
 */
public final class MonitorTagger implements Tagger, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MonitorTagger.class);
    private static final Cleaner CLEANER = Cleaner.create();

    private final List<TagRule> rules;
    private final Monitor monitor;
    private final Cleaner.Cleanable cleanable;
    private final AtomicLong errors = new AtomicLong();

    /** Compiles every rule's query; a bad query fails here with the rule id. */
    public MonitorTagger(Taxonomy taxonomy) {
        this(compileAll(taxonomy.rules()));
    }

    /** Rules with their queries already built (tests use this to plant a failing query). */
    MonitorTagger(Map<TagRule, Query> compiled) {
        this.rules = List.copyOf(compiled.keySet());
        this.monitor = newMonitor();
        // the cleaning action holds the Monitor only, never this tagger, or it would never run
        Monitor m = monitor;
        this.cleanable = CLEANER.register(this, () -> closeQuietly(m));
        List<MonitorQuery> queries = new ArrayList<>();
        compiled.forEach((rule, query) -> queries.add(new MonitorQuery(rule.id(), query)));
        try {
            monitor.register(queries);
        } catch (IOException | RuntimeException e) {
            cleanable.clean();
            throw new IllegalStateException("cannot build the rules matcher: " + e.getMessage(), e);
        }
    }

    private static Map<TagRule, Query> compileAll(List<TagRule> rules) {
        Map<TagRule, Query> compiled = new LinkedHashMap<>();
        for (TagRule rule : rules) {
            try {
                compiled.put(rule, QueryCompiler.compile(rule));
            } catch (InvalidQueryException e) {
                throw new InvalidQueryException("rule '" + rule.id() + "': " + e.getMessage(), e);
            }
        }
        return compiled;
    }

    private static Monitor newMonitor() {
        try {
            // the purge refreshes a cache of queries that never change here: run it rarely
            // wildcard and prefix rules filtered by their leading letters (LeadingLettersHandler)
            Presearcher presearcher =
                    new TermFilteredPresearcher(TermWeightor.DEFAULT, List.of(new LeadingLettersHandler()), Set.of());
            return new Monitor(
                    FieldAnalyzer.INSTANCE,
                    presearcher,
                    new MonitorConfiguration().setPurgeFrequency(1, TimeUnit.DAYS));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open an in-memory query index", e);
        }
    }

    @Override
    public List<TagMatch> tag(NewsArticle article) {
        return match(article).tags();
    }

    @Override
    public Tagging match(NewsArticle article) {
        MatchingQueries<HighlightsMatch> found;
        try {
            found = monitor.match(ArticleDocument.of(article), HighlightsMatch.MATCHER);
        } catch (IOException e) {
            throw new UncheckedIOException("matching article " + article.getId() + " in memory", e);
        }
        List<RuleError> ruleErrors = new ArrayList<>();
        found.getErrors().forEach((ruleId, e) -> ruleErrors.add(error(ruleId, e, article)));
        List<TagMatch> tags = new ArrayList<>();
        for (TagRule rule : rules) {
            HighlightsMatch m = found.matches(rule.id());
            if (m == null) {
                continue;
            }
            List<Hit> hits = HitMapper.hits(m, article);
            if (hits.isEmpty()) {
                // a query that matched without any word to show cannot explain itself
                ruleErrors.add(
                        error(rule.id(), new IllegalStateException("matched without any word to show"), article));
                continue;
            }
            List<Hit> sorted = new ArrayList<>(hits);
            sorted.sort(Comparator.comparing(Hit::field).thenComparingInt(Hit::start));
            tags.add(new TagMatch(rule, sorted));
        }
        ruleErrors.sort(Comparator.comparing(RuleError::ruleId));
        return new Tagging(tags, ruleErrors);
    }

    /**
     * How many stored queries the presearcher lets through to run on this article (a rule whose
     * top level is an OR counts once per alternative): what the tests check filtering with.
     */
    int queriesRun(NewsArticle article) {
        try {
            return monitor.match(ArticleDocument.of(article), QueryMatch.SIMPLE_MATCHER)
                    .getQueriesRun();
        } catch (IOException e) {
            throw new UncheckedIOException("matching article " + article.getId() + " in memory", e);
        }
    }

    private RuleError error(String ruleId, Exception e, NewsArticle article) {
        errors.incrementAndGet();
        LOG.warn(
                "rule '{}' could not be evaluated on article {}; it counts as not matched: {}",
                ruleId,
                article.getId(),
                e.toString());
        return new RuleError(ruleId, e.toString());
    }

    /** Per-rule errors since this tagger was built (each is also logged at WARN with the rule id). */
    public long errorCount() {
        return errors.get();
    }

    /** Releases the Monitor. Only once no thread matches with this tagger any more. */
    @Override
    public void close() {
        cleanable.clean();
    }

    private static void closeQuietly(Monitor m) {
        try {
            m.close();
        } catch (IOException e) {
            LOG.warn("closing a rules matcher: {}", e.toString());
        }
    }
}
