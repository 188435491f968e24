package io.newsradar.scoring.stories;

import io.newsradar.avro.Alert;
import io.newsradar.avro.NewsArticle;
import io.newsradar.avro.ScoredArticle;
import io.newsradar.schemas.alert.AlertStatus;
import io.newsradar.scoring.AlertHold;
import io.newsradar.scoring.Provisional;
import io.newsradar.scoring.Route;
import io.newsradar.scoring.ScoreCard;
import io.newsradar.scoring.ScoringCounters;
import io.newsradar.scoring.ScoringEngine;
import io.newsradar.scoring.mutes.MuteDirectory;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The story desk's decisions, without Kafka: given a story's state and what arrived for it, the
 * next state and what to publish. Per route:
 *
 * <table>
 *   <caption>the alert an article raises on a route it clears</caption>
 *   <tr><th>the story on the route</th><th>the article</th><th>alert</th></tr>
 *   <tr><td>never alerted</td><td>any</td><td>NEW, sequence 1</td></tr>
 *   <tr><td>alerted</td><td>score above the highest alerted, or more outlets than at the last
 *       alert; the cool-down since the last alert passed</td><td>UPDATED, sequence + 1</td></tr>
 *   <tr><td>alerted</td><td>the same, within the cool-down</td><td>none (counted as an update
 *       held; the next copy after the cool-down carries the change)</td></tr>
 *   <tr><td>alerted</td><td>neither higher nor more outlets (a pure copy)</td><td>none</td></tr>
 * </table>
 *
 * An article held at ingest, of a retracted story, or muted goes to no route, and its rationale
 * says why (the first of the three that applies). Times: {@code eventTimeMs} is the record's
 * timestamp (the cool-down, the mutes); {@code streamTimeMs} is the task's stream time (the
 * story's last sighting, for expiry). Never the wall clock.
 */
public final class StoryLifecycle {
    /** The rationale's sentence for an article of a story that was taken down. */
    public static final String RETRACTED_SENTENCE = "Not alerted: the story was retracted.";

    private static final Logger LOG = LoggerFactory.getLogger(StoryLifecycle.class);

    private final long cooldownMs;
    private final Mutes mutes;
    private final ScoringCounters counters;

    /** Why an article may not alert (a "Not alerted: …" sentence), or empty: {@link MuteDirectory#reasonFor}. */
    @FunctionalInterface
    public interface Mutes {
        Optional<String> reasonFor(String storyId, String source, Collection<String> tagIds, long eventTimeMs);
    }

    public StoryLifecycle(StorySettings settings, Mutes mutes, ScoringCounters counters) {
        this.cooldownMs = settings.cooldownMs();
        this.mutes = Objects.requireNonNull(mutes, "mutes");
        this.counters = Objects.requireNonNull(counters, "counters");
    }

    /**
     * @param state  the story's next state
     * @param output what to publish; null when nothing is (a retraction that withdraws no alert)
     */
    public record Step(StoryState state, StoryOutput output) {
        public Step {
            Objects.requireNonNull(state, "state");
        }
    }

    /**
     * An article revision placed in the story.
     *
     * @param known the story's state, or null for a story not seen before (or expired)
     */
    public Step article(
            StoryState known, StoryAssignment assignment, ScoringEngine engine, long eventTimeMs, long streamTimeMs) {
        if (assignment.isRetraction()) {
            throw new IllegalArgumentException("not an article: a retraction of " + assignment.articleId());
        }
        String storyId = assignment.storyId();
        Provisional provisional = assignment.provisional();
        ScoredArticle base = provisional.scored();
        NewsArticle article = base.getArticle();
        StoryState state =
                (known == null ? StoryState.fresh(streamTimeMs) : known).seen(article.getSource(), streamTimeMs);
        // a source the outlets cannot count (blank) still makes a story of one outlet
        int coverage = Math.max(1, state.outlets().count());
        ScoreCard card = engine.withCoverage(provisional, coverage);
        List<Route> matched = engine.routesFor(base, card.score());

        Optional<String> notAlerted = AlertHold.sentence(article, matched);
        if (notAlerted.isEmpty() && state.retracted()) {
            notAlerted = Optional.of(RETRACTED_SENTENCE);
        }
        if (notAlerted.isEmpty()) {
            List<String> tagIds = base.getTags().stream().map(t -> t.getId()).toList();
            notAlerted = mutes.reasonFor(storyId, article.getSource(), tagIds, eventTimeMs);
            if (notAlerted.isPresent() && !matched.isEmpty()) {
                counters.countMuted();
            }
        }
        List<Route> routes = notAlerted.isPresent() ? List.of() : matched;
        ScoredArticle finished = ScoredArticle.newBuilder(base)
                .setScore(card.score())
                .setContributions(card.contributions())
                .setRationale(notAlerted
                        .map(why -> (card.rationale() + " " + why).strip())
                        .orElse(card.rationale()))
                .setRoutes(routes.stream().map(Route::name).toList())
                .setStoryId(storyId)
                .setCoverage(coverage)
                .setOutlets(state.outlets().shown())
                .build();
        notAlerted.ifPresent(why -> LOG.debug(
                "story {}: article {} rev {} scored {}, on no route ({} matched): {}",
                storyId,
                article.getId(),
                base.getRevision(),
                card.score(),
                matched.size(),
                why));

        List<Alert> alerts = new ArrayList<>();
        for (Route route : routes) {
            state = onRoute(state, route, finished, eventTimeMs, alerts);
        }
        return new Step(state, new StoryOutput(finished, alerts));
    }

    private StoryState onRoute(
            StoryState state, Route route, ScoredArticle finished, long eventTimeMs, List<Alert> alerts) {
        String storyId = finished.getStoryId();
        String articleId = finished.getArticle().getId();
        double score = finished.getScore();
        int outlets = finished.getCoverage();
        RouteAlerts last = state.routes().get(route.name());
        if (last == null) {
            RouteAlerts first = new RouteAlerts(1, score, outlets, eventTimeMs, route.priority());
            alerts.add(StoryAlerts.raised(finished, route.name(), first, AlertStatus.NEW, ""));
            LOG.debug(
                    "story {} on {}: NEW (article {}, score {}, {} outlets)",
                    storyId,
                    route.name(),
                    articleId,
                    score,
                    outlets);
            return state.alertedOn(route.name(), first, AlertedArticle.of(finished));
        }
        if (!(score > last.score() || outlets > last.outlets())) {
            LOG.debug(
                    "story {} on {}: nothing (article {}: score {} not above {}, {} outlets not above {})",
                    storyId,
                    route.name(),
                    articleId,
                    score,
                    last.score(),
                    outlets,
                    last.outlets());
            return state;
        }
        String change = StoryAlerts.change(last.score(), score, last.outlets(), outlets);
        if (eventTimeMs < last.alertedAtMs() + cooldownMs) {
            counters.countUpdateHeld();
            LOG.debug(
                    "story {} on {}: update held (article {}: {}), {} ms of the cool-down left",
                    storyId,
                    route.name(),
                    articleId,
                    change,
                    last.alertedAtMs() + cooldownMs - eventTimeMs);
            return state;
        }
        RouteAlerts next = last.next(score, outlets, eventTimeMs, route.priority());
        alerts.add(StoryAlerts.raised(finished, route.name(), next, AlertStatus.UPDATED, change));
        LOG.debug(
                "story {} on {}: UPDATED #{} (article {}: {})",
                storyId,
                route.name(),
                next.sequence(),
                articleId,
                change);
        return state.alertedOn(route.name(), next, AlertedArticle.of(finished));
    }

    /**
     * The retraction of an article of the story. A story that alerted gets one RETRACTED alert per
     * route it alerted on; one that never alerted, or was retracted before, gets nothing. Either
     * way the story is marked retracted: later copies are scored but raise no alert.
     *
     * @param known the story's state, or null when the desk no longer knows it
     */
    public Step retraction(StoryState known, StoryAssignment assignment, long eventTimeMs, long streamTimeMs) {
        if (!assignment.isRetraction()) {
            throw new IllegalArgumentException("not a retraction: article " + assignment.articleId());
        }
        String storyId = assignment.storyId();
        String reason = assignment.retraction();
        counters.countRetraction();
        StoryState state = known == null ? StoryState.fresh(streamTimeMs) : known.seenAt(streamTimeMs);
        if (state.retracted()) {
            LOG.info(
                    "retraction of article {} in story {} ({}): the story was retracted before, nothing to withdraw",
                    assignment.articleId(),
                    storyId,
                    reason);
            return new Step(state, null);
        }
        if (!state.everAlerted()) {
            LOG.info(
                    "retraction of article {} in story {} ({}): the story never alerted, nothing to withdraw;"
                            + " it raises no alerts from now on",
                    assignment.articleId(),
                    storyId,
                    reason);
            return new Step(state.retracted(state.routes()), null);
        }
        Map<String, RouteAlerts> after = new TreeMap<>();
        List<Alert> alerts = new ArrayList<>();
        for (Map.Entry<String, RouteAlerts> e : state.routes().entrySet()) {
            RouteAlerts last = e.getValue();
            RouteAlerts next =
                    new RouteAlerts(last.sequence() + 1, last.score(), last.outlets(), eventTimeMs, last.priority());
            after.put(e.getKey(), next);
            alerts.add(StoryAlerts.retracted(storyId, e.getKey(), next, state, reason, assignment.articleId()));
        }
        LOG.info(
                "retraction of article {} in story {} ({}): RETRACTED on {}",
                assignment.articleId(),
                storyId,
                reason,
                String.join(", ", after.keySet()));
        return new Step(state.retracted(after), new StoryOutput(null, alerts));
    }
}
