package io.newsradar.bench;

import io.newsradar.avro.NewsArticle;
import io.newsradar.avro.ScoredArticle;
import io.newsradar.scoring.ScoringEngine;
import io.newsradar.scoring.ScoringRules;
import io.newsradar.scoring.Tagging;
import io.newsradar.scoring.rules.MonitorTagger;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Time per article of the scoring engine, through its public API only (ScoringRules,
 * ScoringEngine), so the same benchmark measures whichever tagger the engine uses:
 *
 * <ul>
 *   <li>{@link #tag}: the rules matcher alone (tags with their hits), its share of evaluate;
 *   <li>{@link #evaluate}: tag + score + route (tags with their hits, contributions, rationale, key
 *       points, the routes that fire);
 *   <li>{@link #score}: evaluate plus building the {@code ScoredArticle} record the stream
 *       publishes.
 * </ul>
 *
 * <p>Each call takes the next article of a fixed set, round robin, so one operation is one
 * article. See docs/benchmarks.md.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(1)
public class TagAndScoreBenchmark {
    /** Rules under test: the built-in defaults, or about 1,000 generated rules. */
    @Param({"default", "generated-1000"})
    public String rules;

    /**
     * Articles: the team's samples (~150-220 words), generated wire items (~60 words), medium
     * (~400) and long (~1,500) articles, or a mix of all four.
     */
    @Param({"samples", "short", "medium", "long", "mix"})
    public String articles;

    static final long SEED = 20_261_129L;
    static final int GENERATED_RULES = 1_000;
    private static final int PER_SIZE = 32;

    private ScoringEngine engine;
    private MonitorTagger tagger;
    private NewsArticle[] batch;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        ScoringRules loaded = rules();
        engine = ScoringEngine.of(loaded);
        tagger = new MonitorTagger(loaded.taxonomy());
        batch = articles().toArray(NewsArticle[]::new);
        next = 0;
    }

    /** Closes the engine's matcher (its housekeeping thread would otherwise outlive the trial). */
    @TearDown(Level.Trial)
    public void tearDown() {
        engine.close();
        tagger.close();
    }

    /** Tagging alone (the rules matcher, hits included), without the score: the matcher's share. */
    @Benchmark
    public Tagging tag() {
        return tagger.match(nextArticle());
    }

    @Benchmark
    public Object evaluate() {
        return engine.evaluate(nextArticle());
    }

    @Benchmark
    public ScoredArticle score() {
        return engine.score(nextArticle(), 1);
    }

    private NewsArticle nextArticle() {
        NewsArticle a = batch[next];
        next = next + 1 == batch.length ? 0 : next + 1;
        return a;
    }

    private ScoringRules rules() {
        switch (rules) {
            case "default":
                return ScoringRules.defaults();
            case "generated-1000":
                return generated(GENERATED_RULES);
            default:
                throw new IllegalArgumentException("unknown rules " + rules);
        }
    }

    /** Loads a generated ruleset through the same file path the application reads. */
    static ScoringRules generated(int count) {
        Path dir;
        try {
            dir = Files.createTempDirectory("newsradar-bench-rules");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary directory for the generated rules", e);
        }
        RulesetGenerator.RulesetFiles files = RulesetGenerator.write(dir, count, SEED);
        try {
            return ScoringRules.load(files.taxonomy(), files.routes());
        } finally {
            // the rules live in the engine once loaded; the files are only the way in
            deleteQuietly(files.taxonomy());
            deleteQuietly(files.routes());
            deleteQuietly(dir);
        }
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            // a leftover file in the temporary directory does not change any measurement
        }
    }

    private List<NewsArticle> articles() {
        switch (articles) {
            case "samples":
                return SampleArticles.load();
            case "short":
                return new ArticleGenerator(SEED).articles(PER_SIZE, 60, "short");
            case "medium":
                return new ArticleGenerator(SEED + 1).articles(PER_SIZE, 400, "medium");
            case "long":
                return new ArticleGenerator(SEED + 2).articles(PER_SIZE, 1_500, "long");
            case "mix":
                return mix();
            default:
                throw new IllegalArgumentException("unknown articles " + articles);
        }
    }

    /**
     * What a feed day looks like in shape: mostly short wire items, some medium articles, few long
     * ones, and the samples.
     */
    static List<NewsArticle> mix() {
        List<NewsArticle> all = new ArrayList<>(SampleArticles.load());
        all.addAll(new ArticleGenerator(SEED + 3).articles(16, 60, "mix-short"));
        all.addAll(new ArticleGenerator(SEED + 4).articles(8, 400, "mix-medium"));
        all.addAll(new ArticleGenerator(SEED + 5).articles(2, 1_500, "mix-long"));
        return all;
    }
}
