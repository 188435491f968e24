package io.newsradar.scoring;

import io.newsradar.avro.Alert;
import io.newsradar.avro.AlertLifecycle;
import io.newsradar.avro.NewsArticle;
import io.newsradar.avro.ScoredArticle;
import io.newsradar.scoring.rules.MonitorTagger;
import java.util.List;
import java.util.Objects;

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

    public ScoringEngine(Tagger tagger, Scorer scorer, Router router, String rulesVersion) {
        this.tagger = Objects.requireNonNull(tagger, "tagger");
        this.scorer = Objects.requireNonNull(scorer, "scorer");
        this.router = Objects.requireNonNull(router, "router");
        this.rulesVersion = Objects.requireNonNull(rulesVersion, "rulesVersion");
    }

    /** The Boolean-rule tagger (Lucene Monitor), scorer and router of a ruleset. */
    public static ScoringEngine of(ScoringRules rules) {
        return new ScoringEngine(
                new MonitorTagger(rules.taxonomy()),
                new Scorer(rules.taxonomy().scoring()),
                new Router(rules.routes()),
                rules.version());
    }

    public String rulesVersion() {
        return rulesVersion;
    }

    public Evaluation evaluate(NewsArticle article) {
        return evaluate(article, ScoringContext.SINGLE);
    }

    /** With what is known of the article's story (the outlets carrying it; the stories issue fills it). */
    public Evaluation evaluate(NewsArticle article, ScoringContext context) {
        Tagging tagging = tagger.match(article);
        List<TagMatch> tags = tagging.tags();
        ScoreCard card = scorer.score(article, tags, context);
        List<Route> routes = router.routeFor(tags, card.score());
        return new Evaluation(tags, card, routes, rulesVersion, tagging.errors());
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

    /** One alert per route the scored article matched, in route order. */
    public List<Alert> alerts(ScoredArticle scored) {
        return router.routes().stream()
                .filter(r -> scored.getRoutes().contains(r.name()))
                .map(r -> alert(scored, r))
                .toList();
    }

    /**
     * The alert of a scored article on one of its routes. The alert id (story id + revision) is
     * the receivers' idempotency key: a redelivered alert has the same id, a corrected article a
     * new one.
     */
    public static Alert alert(ScoredArticle scored, Route route) {
        NewsArticle a = scored.getArticle();
        return Alert.newBuilder()
                .setAlertId(scored.getStoryId() + ":" + scored.getRevision())
                .setStoryId(scored.getStoryId())
                .setRevision(scored.getRevision())
                .setLifecycle(scored.getRevision() == 1 ? AlertLifecycle.NEW : AlertLifecycle.UPDATED)
                .setRoute(route.name())
                .setPriority(route.priority())
                .setArticleId(a.getId())
                .setTitle(a.getTitle())
                .setUrl(a.getUrl())
                .setSource(a.getSource())
                .setPublishedAt(a.getPublishedAt())
                .setScore(scored.getScore())
                .setTags(scored.getTags())
                .setContributions(scored.getContributions())
                .setRationale(scored.getRationale())
                .setKeyPoints(scored.getKeyPoints())
                .setRulesVersion(scored.getRulesVersion())
                .build();
    }
}
