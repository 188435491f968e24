package io.newsradar.scoring;

import io.newsradar.avro.NewsArticle;
import io.newsradar.avro.ScoredArticle;
import io.newsradar.scoring.rules.MonitorTagger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Tagger, scorer and router under one rules version: tag -> score -> route for one article, and
 * the records that result. Pure and thread-safe, so one engine can serve every stream thread and
 * a new one can be swapped in atomically when rules change.
 */
public final class ScoringEngine implements AutoCloseable {
    private final Tagger tagger;
    private final Scorer scorer;
    private final Router router;
    private final String rulesVersion;
    private final Function<String, Optional<TagRule>> tagsById;

    /** Without a taxonomy to look fixed feed tags up in: a feed's fixed tags are all ignored. */
    public ScoringEngine(Tagger tagger, Scorer scorer, Router router, String rulesVersion) {
        this(tagger, scorer, router, rulesVersion, id -> Optional.empty());
    }

    /** @param tagsById the taxonomy's tags, for the fixed tags of an article's feed */
    public ScoringEngine(
            Tagger tagger,
            Scorer scorer,
            Router router,
            String rulesVersion,
            Function<String, Optional<TagRule>> tagsById) {
        this.tagger = Objects.requireNonNull(tagger, "tagger");
        this.scorer = Objects.requireNonNull(scorer, "scorer");
        this.router = Objects.requireNonNull(router, "router");
        this.rulesVersion = Objects.requireNonNull(rulesVersion, "rulesVersion");
        this.tagsById = Objects.requireNonNull(tagsById, "tagsById");
    }

    /** The Boolean-rule tagger (Lucene Monitor), scorer and router of a ruleset. */
    public static ScoringEngine of(ScoringRules rules) {
        return new ScoringEngine(
                new MonitorTagger(rules.taxonomy()),
                new Scorer(rules.taxonomy().scoring()),
                new Router(rules.routes()),
                rules.version(),
                rules.taxonomy()::rule);
    }

    public String rulesVersion() {
        return rulesVersion;
    }

    public Evaluation evaluate(NewsArticle article) {
        return evaluate(article, ScoringContext.SINGLE);
    }

    /** With what is known of the article's story (the outlets carrying it; the stories issue fills it). */
    public Evaluation evaluate(NewsArticle article, ScoringContext context) {
        Evaluation e = evaluateUnheld(article, context);
        Optional<String> hold = AlertHold.sentence(article, e.routes());
        if (hold.isEmpty()) {
            return e;
        }
        // scored and published as usual, but on no route: no alert, and the rationale says why
        ScoreCard card = e.card().withRationale((e.card().rationale() + " " + hold.get()).strip());
        return new Evaluation(e.tags(), card, List.of(), rulesVersion, e.ruleErrors(), e.ignoredFeedTags());
    }

    /** Tags, score and routes, whatever ingest's hold says (the story stage applies holds). */
    public Evaluation evaluateUnheld(NewsArticle article, ScoringContext context) {
        Tagging tagging = tagger.match(article);
        List<TagMatch> tags = new ArrayList<>(tagging.tags());
        List<String> ignoredFeedTags = addFeedTags(tags, context);
        ScoreCard card = scorer.score(article, tags, context);
        List<Route> routes = router.routeFor(tags, card.score());
        return new Evaluation(tags, card, routes, rulesVersion, tagging.errors(), ignoredFeedTags);
    }

    /**
     * Adds the fixed tags of the article's feed that the text did not already find (a tag found in
     * the text keeps its hits and terms); returns the listed ids the taxonomy does not have.
     */
    private List<String> addFeedTags(List<TagMatch> tags, ScoringContext context) {
        if (context.feed() == null || context.feed().tags().isEmpty()) {
            return List.of();
        }
        Set<String> found = new HashSet<>();
        tags.forEach(t -> found.add(t.id()));
        List<String> unknown = new ArrayList<>();
        for (String id : context.feed().tags()) {
            Optional<TagRule> rule = tagsById.apply(id);
            if (rule.isEmpty()) {
                unknown.add(id);
            } else if (found.add(id)) {
                tags.add(TagMatch.fixedByFeed(rule.get(), context.feedName()));
            }
        }
        return unknown;
    }

    /**
     * The article tagged and scored at coverage 1, before its story is known: the record for
     * {@code news.scored.v1} without routes (the story stage routes it), with the notes to score
     * it again with its story's coverage ({@link #withCoverage}).
     */
    public Provisional provisional(NewsArticle article, int revision, Evaluation e) {
        ScoredArticle scored = ScoredArticle.newBuilder(score(article, revision, e))
                .setRoutes(List.of())
                .build();
        return Provisional.of(scored, e.card());
    }

    /** The provisional card scored again for a story carried by {@code outlets} distinct outlets. */
    public ScoreCard withCoverage(Provisional provisional, int outlets) {
        return scorer.withCoverage(provisional.card(), outlets);
    }

    /** The routes a scored article takes at {@code score}, by its tags' ids and categories. */
    public List<Route> routesFor(ScoredArticle scored, double score) {
        List<String> ids = scored.getTags().stream().map(t -> t.getId()).toList();
        List<String> categories =
                scored.getTags().stream().map(t -> t.getCategory()).toList();
        return router.route(ids, categories, score);
    }

    /** The record for {@code news.scored.v1}. In the walking skeleton a story is one article. */
    public ScoredArticle score(NewsArticle article, int revision) {
        return score(article, revision, evaluate(article));
    }

    /** The record for {@code news.scored.v1} from an evaluation of the article by this engine. */
    public ScoredArticle score(NewsArticle article, int revision, Evaluation e) {
        return ScoredArticle.newBuilder()
                .setArticle(article)
                .setTags(e.tags().stream().map(TagMatch::toAvro).toList())
                .setScore(e.card().score())
                .setContributions(e.card().contributions())
                .setRationale(e.card().rationale())
                .setKeyPoints(e.card().keyPoints())
                .setStoryId(article.getId())
                .setRevision(revision)
                .setRoutes(e.routes().stream().map(Route::name).toList())
                .setRulesVersion(rulesVersion)
                .build();
    }

    /**
     * Releases the tagger's matcher. Only once no thread evaluates with this engine any more; an
     * engine that is simply dropped (a swapped-out ruleset) is released when garbage collected.
     */
    @Override
    public void close() {
        if (tagger instanceof AutoCloseable c) {
            try {
                c.close();
            } catch (Exception e) {
                throw new IllegalStateException("closing the tagger of rules " + rulesVersion, e);
            }
        }
    }
}
