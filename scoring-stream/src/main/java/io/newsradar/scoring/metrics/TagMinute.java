package io.newsradar.scoring.metrics;

import org.apache.kafka.common.serialization.Serde;

/**
 * One tag's figures in one minute window (event time): how many scored records carried the tag
 * and the sum of their scores. Sums rather than means, so the figures of several windows (or
 * instances) merge exactly: add the articles and the score sums, then divide.
 *
 * <p>Stored in {@link MetricsStages#TAG_MINUTES_STORE} as JSON text, {@code
 * {"v":1,"articles":3,"scoreSum":12.5}} (see {@link MinuteSerdes}).
 *
 * @param articles scored records with the tag (each revision of an article counts once)
 * @param scoreSum the sum of their scores (0 to 10 each)
 */
public record TagMinute(long articles, double scoreSum) {
    /** The aggregate's start: no article yet. */
    public static final TagMinute EMPTY = new TagMinute(0, 0.0);

    public TagMinute {
        if (articles < 0) {
            throw new IllegalArgumentException("articles must not be negative: " + articles);
        }
        if (!Double.isFinite(scoreSum)) {
            throw new IllegalArgumentException("score sum must be finite: " + scoreSum);
        }
    }

    /** One more scored record with the tag. */
    public TagMinute add(double score) {
        return new TagMinute(articles + 1, scoreSum + score);
    }

    /** The figures of two windows (or two instances' shares of one) together. */
    public TagMinute plus(TagMinute other) {
        return new TagMinute(articles + other.articles, scoreSum + other.scoreSum);
    }

    /** The mean score of the window's articles; 0 for an empty window. */
    public double meanScore() {
        return articles == 0 ? 0.0 : scoreSum / articles;
    }

    /** The store's value serde. */
    public static Serde<TagMinute> serde() {
        return MinuteSerdes.TAG_MINUTE;
    }
}
