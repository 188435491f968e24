package io.newsradar.scoring;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The weights of the explainable score, from the {@code scoring:} section of the taxonomy. Every
 * field has a default ({@link #defaults()}) used when the section or the field is absent.
 *
 * @param titleFactor   a tag found in the title (or the lead, see {@code leadSentences}) adds its
 *                      weight times this; the extra over the weight counts once per category
 * @param leadSentences how many first sentences of the body count as prominently as the title
 *                      (the lead of a news story carries its substance); 0 for the title alone
 * @param depth         bonus for tags that run through a share of a full body's sentences
 * @param pairs         tag pairs worth more together than apart
 * @param specificity   points for concrete facts: a named programme, an amount, a date
 * @param recency       bonus for a fresh article, penalty for an old one (fetchedAt - publishedAt)
 * @param sources       weight per outlet ({@code article.source}, compared without case)
 * @param coverage      points per additional outlet carrying the story
 * @param dateline      how much a tag named only in a dateline or byline counts
 * @param summaryOnly   when the body is taken to be only a summary
 * @param rationaleSize how many contributions the rationale spells out
 * @param keyPoints     how many of the article's sentences to pick as key points
 */
public record ScoringSettings(
        double titleFactor,
        int leadSentences,
        Depth depth,
        List<TagPair> pairs,
        Specificity specificity,
        Recency recency,
        Map<String, Double> sources,
        Coverage coverage,
        Dateline dateline,
        SummaryOnly summaryOnly,
        int rationaleSize,
        int keyPoints) {

    public ScoringSettings {
        pairs = List.copyOf(pairs);
        // keys compared without case: the feed list and the config may spell an outlet differently
        Map<String, Double> folded = new TreeMap<>();
        sources.forEach((k, v) -> folded.put(k.strip().toLowerCase(Locale.ROOT), v));
        sources = Map.copyOf(folded);
    }

    /** Used when the taxonomy has no {@code scoring:} section, and for each field it leaves out. */
    public static ScoringSettings defaults() {
        return new ScoringSettings(
                1.5,
                1,
                new Depth(3, 0.4, 0.5, Set.of()),
                List.of(),
                Specificity.none(),
                new Recency(Duration.ofHours(24), 0.3, Duration.ofDays(7), -1.0),
                Map.of(),
                new Coverage(0.3, 1.5),
                new Dateline(0.0),
                new SummaryOnly(150),
                4,
                3);
    }

    /**
     * A tag named in at least {@code minSentences} sentences of a body that is not a summary, and
     * in at least {@code minShare} of its sentences, adds weight x factor, unless its category is
     * one of {@code skipCategories}: the article is about it, not passing by it. A share as well
     * as a count, so a long article does not earn it by length.
     */
    public record Depth(int minSentences, double minShare, double factor, Set<String> skipCategories) {
        public Depth {
            skipCategories = Set.copyOf(skipCategories);
        }
    }

    /**
     * Two tags that mean more together. The bonus depends on how close they are: both in the
     * title, both in one body sentence, or merely both somewhere in the article.
     */
    public record TagPair(String first, String second, double title, double sentence, double article) {}

    /**
     * Points for concrete facts, counted only when the article carries one of {@code requiresAnyTag}.
     * The same tags decide whether recency, source weight and coverage count ({@link #onTopic}).
     */
    public record Specificity(Set<String> requiresAnyTag, double programme, double amount, double date) {
        public Specificity {
            requiresAnyTag = Set.copyOf(requiresAnyTag);
        }

        static Specificity none() {
            return new Specificity(Set.of(), 0, 0, 0);
        }
    }

    /**
     * Age is {@code fetchedAt - publishedAt}, both on the article, never the wall clock: a replay
     * scores the same. At most {@code freshWithin} old adds {@code fresh}; older than
     * {@code staleAfter} adds {@code stale} (zero or negative); in between nothing.
     */
    public record Recency(Duration freshWithin, double fresh, Duration staleAfter, double stale) {}

    /** Each outlet beyond the first that carries the story adds {@code perOutlet}, up to {@code max}. */
    public record Coverage(double perOutlet, double max) {}

    /**
     * A tag whose every hit is in the dateline ("SEOUL, Nov 3 (Reuters) -") or a byline counts
     * its weight times {@code factor}: it says where the reporter was, not what the story is about.
     */
    public record Dateline(double factor) {}

    /**
     * A body of at most {@code maxWords} words is taken to be a summary (a feed item's
     * description, a standfirst): the rationale says the article was scored on the summary only,
     * and depth, which needs a body to run through, is not judged.
     */
    public record SummaryOnly(int maxWords) {}

    /**
     * Whether an article with these tags is on topic: facts, recency, source weight and coverage
     * count only then (an amount in a weather story is no signal, nor is a fresh one). On topic
     * means carrying one of {@code specificity.requiresAnyTag}, or any positive tag when that
     * list is empty.
     */
    boolean onTopic(List<TagMatch> matches) {
        for (TagMatch m : matches) {
            if (!m.rule().negative()
                    && (specificity.requiresAnyTag().isEmpty()
                            || specificity.requiresAnyTag().contains(m.id()))) {
                return true;
            }
        }
        return false;
    }
}
