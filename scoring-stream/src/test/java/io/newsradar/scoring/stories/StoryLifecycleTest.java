package io.newsradar.scoring.stories;

import static io.newsradar.scoring.stories.StoryArticles.ENGINE;
import static io.newsradar.scoring.stories.StoryArticles.at;
import static io.newsradar.scoring.stories.StoryArticles.full;
import static io.newsradar.scoring.stories.StoryArticles.placed;
import static io.newsradar.scoring.stories.StoryArticles.retraction;
import static org.assertj.core.api.Assertions.assertThat;

import io.newsradar.avro.Alert;
import io.newsradar.avro.AlertLifecycle;
import io.newsradar.avro.NewsArticle;
import io.newsradar.avro.ScoredArticle;
import io.newsradar.schemas.alert.AlertStatus;
import io.newsradar.schemas.article.ArticleMarks;
import io.newsradar.schemas.topics.Topics;
import io.newsradar.scoring.ScoringCounters;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The story desk's decisions per route, without Kafka, with the real default rules. */
class StoryLifecycleTest {
    private static final String ROUTE = Topics.DEFENSE_AI_ROUTE;
    private static final String STORY = "story-kestrel";

    private final ScoringCounters counters = new ScoringCounters();
    private final RecordingMutes mutes = new RecordingMutes();
    private final StoryLifecycle lifecycle = new StoryLifecycle(StorySettings.defaults(), mutes, counters);

    /** Mutes one source, and records what it was asked. */
    static final class RecordingMutes implements StoryLifecycle.Mutes {
        final List<String> asked = new ArrayList<>();
        String mutedSource;

        @Override
        public Optional<String> reasonFor(String storyId, String source, Collection<String> tagIds, long eventTimeMs) {
            asked.add(storyId + "|" + source + "|" + String.join(",", tagIds) + "|" + eventTimeMs);
            return source.equals(mutedSource)
                    ? Optional.of("Not alerted: the source " + source + " is muted until tomorrow.")
                    : Optional.empty();
        }
    }

    private StoryState state;

    private StoryOutput article(NewsArticle a, int revision, int minutes) {
        StoryLifecycle.Step step =
                lifecycle.article(state, placed(STORY, a, revision), ENGINE, at(minutes), at(minutes));
        state = step.state();
        return step.output();
    }

    private StoryOutput article(NewsArticle a, int minutes) {
        return article(a, 1, minutes);
    }

    private StoryOutput retract(String articleId, String reason, int minutes) {
        StoryLifecycle.Step step =
                lifecycle.retraction(state, retraction(STORY, articleId, reason), at(minutes), at(minutes));
        state = step.state();
        return step.output();
    }

    @Test
    void theFirstArticleOverTheRouteRaisesOneNewAlert() {
        NewsArticle a = full("Example Wire", 0);
        StoryOutput out = article(a, 0);

        ScoredArticle scored = out.scored();
        assertThat(scored.getScore())
                .as("the story's first article clears the route")
                .isGreaterThanOrEqualTo(5.0);
        assertThat(scored.getStoryId()).isEqualTo(STORY);
        assertThat(scored.getCoverage()).isEqualTo(1);
        assertThat(scored.getOutlets()).containsExactly("Example Wire");
        assertThat(scored.getRoutes()).containsExactly(ROUTE);
        assertThat(out.alerts()).hasSize(1);
        Alert alert = out.alerts().get(0);
        assertThat(alert.getAlertId()).isEqualTo(STORY + ":" + ROUTE + ":1");
        assertThat(alert.getStatus()).isEqualTo(AlertStatus.NEW);
        assertThat(alert.getLifecycle()).isEqualTo(AlertLifecycle.NEW);
        assertThat(alert.getSequence()).isEqualTo(1);
        assertThat(alert.getStoryId()).isEqualTo(STORY);
        assertThat(alert.getArticleId()).isEqualTo(a.getId());
        assertThat(alert.getPriority()).isEqualTo("high");
        assertThat(alert.getChange()).isEmpty();
        assertThat(alert.getScore()).isEqualTo(scored.getScore());
        assertThat(alert.getRationale()).isEqualTo(scored.getRationale());
        assertThat(alert.getCoverage()).isEqualTo(1);
        assertThat(alert.getOutlets()).containsExactly("Example Wire");
    }

    @Test
    void aRevisionThatClearsTheRouteAfterOneUnderItIsTheStorysNewAlert() {
        NewsArticle thin = StoryArticles.article("Example Wire", StoryArticles.THIN_TITLE, StoryArticles.THIN_BODY, 0);
        StoryOutput first = article(thin, 1, 0);
        assertThat(first.scored().getScore())
                .as("revision 1 is under the route")
                .isLessThan(5.0);
        assertThat(first.scored().getTags()).extracting(t -> t.getId()).contains("defense", "artificial-intelligence");
        assertThat(first.alerts()).isEmpty();
        assertThat(first.scored().getRoutes()).isEmpty();

        NewsArticle better = StoryArticles.revised(thin, StoryArticles.FULL_TITLE, StoryArticles.FULL_BODY);
        StoryOutput second = article(better, 2, 5);
        assertThat(second.alerts()).singleElement().satisfies(alert -> {
            assertThat(alert.getStatus()).isEqualTo(AlertStatus.NEW);
            assertThat(alert.getSequence()).isEqualTo(1);
            assertThat(alert.getRevision()).isEqualTo(2);
            assertThat(alert.getAlertId()).isEqualTo(STORY + ":" + ROUTE + ":1");
        });
        // the same revision again (a redelivered copy): nothing more
        assertThat(article(better, 2, 50).alerts()).isEmpty();
    }

    @Test
    void copiesFromNewOutletsUpdateAtMostOncePerCoolDownCarryingWhatChanged() {
        ScoredArticle first = article(full("Example Wire", 0), 0).scored();

        // 10 and 20 minutes later, two more outlets: more outlets, higher score, within the cool-down
        assertThat(article(full("Harbour Times", 10), 10).alerts()).isEmpty();
        StoryOutput third = article(full("Capital Post", 20), 20);
        assertThat(third.alerts()).isEmpty();
        assertThat(counters.updatesHeld()).isEqualTo(2);
        assertThat(third.scored().getCoverage()).isEqualTo(3);
        assertThat(third.scored().getScore()).isGreaterThan(first.getScore());
        assertThat(third.scored().getContributions())
                .anySatisfy(c -> assertThat(c.getReason()).isEqualTo("+0.6 carried by 3 outlets"));

        // after the cool-down (30 minutes), a copy from an outlet already counted carries the change
        StoryOutput later = article(full("example wire", 31), 31);
        assertThat(later.alerts()).singleElement().satisfies(alert -> {
            assertThat(alert.getStatus()).isEqualTo(AlertStatus.UPDATED);
            assertThat(alert.getLifecycle()).isEqualTo(AlertLifecycle.UPDATED);
            assertThat(alert.getSequence()).isEqualTo(2);
            assertThat(alert.getAlertId()).isEqualTo(STORY + ":" + ROUTE + ":2");
            assertThat(alert.getCoverage()).isEqualTo(3);
            assertThat(alert.getOutlets()).containsExactly("Example Wire", "Harbour Times", "Capital Post");
            assertThat(alert.getChange())
                    .isEqualTo(String.format(
                            java.util.Locale.ROOT,
                            "score %.1f -> %.1f; 1 -> 3 outlets",
                            first.getScore(),
                            third.scored().getScore()));
        });

        // a fourth outlet within the new cool-down: held; one more copy after it: the next UPDATED
        assertThat(article(full("Delta Daily", 45), 45).alerts()).isEmpty();
        assertThat(counters.updatesHeld()).isEqualTo(3);
        assertThat(article(full("Harbour Times", 61), 61).alerts())
                .singleElement()
                .satisfies(alert -> {
                    assertThat(alert.getSequence()).isEqualTo(3);
                    assertThat(alert.getChange()).endsWith("3 -> 4 outlets");
                });
    }

    @Test
    void pureCopiesRaiseNothing() {
        article(full("Example Wire", 0), 0);
        // the same outlet (spelt in another case), hours later: no more outlets, no higher score
        StoryOutput copy = article(full("EXAMPLE WIRE", 240), 240);
        assertThat(copy.alerts()).isEmpty();
        assertThat(copy.scored().getCoverage()).isEqualTo(1);
        assertThat(copy.scored().getRoutes()).containsExactly(ROUTE);
        assertThat(counters.updatesHeld()).isZero();
    }

    @Test
    void aRetractionWithdrawsTheAlertOfEveryRouteTheStoryAlertedOn() {
        NewsArticle korea =
                StoryArticles.article("Example Wire", StoryArticles.KOREA_TITLE, StoryArticles.KOREA_BODY, 0);
        StoryOutput first = article(korea, 0);
        assertThat(first.alerts())
                .extracting(Alert::getRoute)
                .containsExactlyInAnyOrder(ROUTE, Topics.DEFENSE_KOREA_JAPAN_ROUTE);
        article(full("Harbour Times", 40), 40); // UPDATED on defense-ai only (the copy names no Korea)

        StoryOutput out = retract(korea.getId(), "taken down at the source", 50);
        assertThat(out.scored()).isNull();
        assertThat(out.alerts()).hasSize(2).allSatisfy(alert -> {
            assertThat(alert.getStatus()).isEqualTo(AlertStatus.RETRACTED);
            assertThat(alert.getLifecycle()).isEqualTo(AlertLifecycle.UPDATED);
            assertThat(alert.getChange()).isEqualTo("taken down at the source");
            assertThat(alert.getStoryId()).isEqualTo(STORY);
            assertThat(alert.getRationale())
                    .contains("taken down at the source")
                    .contains(korea.getId());
            assertThat(alert.getCoverage()).isEqualTo(2);
        });
        assertThat(out.alerts())
                .extracting(Alert::getAlertId)
                .containsExactlyInAnyOrder(
                        STORY + ":" + ROUTE + ":3", STORY + ":" + Topics.DEFENSE_KOREA_JAPAN_ROUTE + ":2");
        // the article of the story's last alert: the Harbour Times copy
        assertThat(out.alerts())
                .allSatisfy(alert -> assertThat(alert.getSource()).isEqualTo("Harbour Times"));
        assertThat(counters.retractions()).isEqualTo(1);

        // later copies are scored and say why they do not alert; a second takedown withdraws nothing more
        StoryOutput copy = article(full("Capital Post", 120), 120);
        assertThat(copy.alerts()).isEmpty();
        assertThat(copy.scored().getRoutes()).isEmpty();
        assertThat(copy.scored().getCoverage()).isEqualTo(3);
        assertThat(copy.scored().getRationale()).endsWith(" " + StoryLifecycle.RETRACTED_SENTENCE);
        assertThat(retract(korea.getId(), "again", 130)).isNull();
        assertThat(counters.retractions()).isEqualTo(2);
    }

    @Test
    void aRetractionOfAStoryThatNeverAlertedEmitsNothingAndKeepsItQuiet() {
        NewsArticle thin = StoryArticles.article("Example Wire", StoryArticles.THIN_TITLE, StoryArticles.THIN_BODY, 0);
        article(thin, 0);
        assertThat(retract(thin.getId(), "taken down at the source", 5)).isNull();
        assertThat(counters.retractions()).isEqualTo(1);
        assertThat(state.retracted()).isTrue();
        // a copy that would clear the route: scored, no alert
        StoryOutput copy = article(full("Harbour Times", 10), 10);
        assertThat(copy.alerts()).isEmpty();
        assertThat(copy.scored().getRationale()).endsWith(StoryLifecycle.RETRACTED_SENTENCE);
    }

    @Test
    void aRetractionOfAStoryTheDeskNoLongerKnowsEmitsNothing() {
        StoryLifecycle.Step step = lifecycle.retraction(null, retraction(STORY, "gone", "why"), at(0), at(0));
        assertThat(step.output()).isNull();
        assertThat(step.state().retracted()).isTrue();
    }

    @Test
    void aMutedArticleIsScoredWithTheMutesSentenceAndRaisesNoAlert() {
        mutes.mutedSource = "Example Wire";
        NewsArticle a = full("Example Wire", 0);
        StoryOutput out = article(a, 0);
        assertThat(out.alerts()).isEmpty();
        assertThat(out.scored().getRoutes()).isEmpty();
        assertThat(out.scored().getRationale())
                .endsWith(" Not alerted: the source Example Wire is muted until tomorrow.");
        assertThat(counters.muted()).isEqualTo(1);
        assertThat(mutes.asked)
                .singleElement()
                .satisfies(q -> assertThat(q)
                        .startsWith(STORY + "|Example Wire|")
                        .contains("defense")
                        .endsWith("|" + at(0)));

        // another outlet, not muted: the story's first alert on the route is NEW
        assertThat(article(full("Harbour Times", 5), 5).alerts())
                .singleElement()
                .satisfies(alert -> assertThat(alert.getStatus()).isEqualTo(AlertStatus.NEW));
    }

    @Test
    void aHeldArticleIsScoredWithTheHoldsSentenceAndAskedNoMute() {
        NewsArticle held = NewsArticle.newBuilder(full("Example Wire", 0))
                .setAlertHold(ArticleMarks.FIRST_POLL)
                .build();
        StoryOutput out = article(held, 0);
        assertThat(out.alerts()).isEmpty();
        assertThat(out.scored().getRoutes()).isEmpty();
        assertThat(out.scored().getRationale())
                .endsWith("Not alerted: part of the backlog of the feed's first poll; it would have gone to " + ROUTE
                        + ".");
        assertThat(mutes.asked).isEmpty();
        assertThat(counters.muted()).isZero();
        assertThat(article(full("Harbour Times", 5), 5).alerts()).hasSize(1);
    }

    @Test
    void anArticleUnderEveryRouteIsNotCountedAsMuted() {
        mutes.mutedSource = "Example Wire";
        NewsArticle thin = StoryArticles.article("Example Wire", StoryArticles.THIN_TITLE, StoryArticles.THIN_BODY, 0);
        StoryOutput out = article(thin, 0);
        assertThat(out.scored().getRationale()).contains("muted");
        assertThat(counters.muted()).isZero();
    }

    @Test
    void aLateCopyWithAnEarlierEventTimeThanTheAlertIsHeld() {
        article(full("Example Wire", 60), 60);
        assertThat(article(full("Harbour Times", 0), 0).alerts()).isEmpty();
        assertThat(counters.updatesHeld()).isEqualTo(1);
    }
}
