package io.newsradar.scoring.stories;

import io.newsradar.avro.IngestChannel;
import io.newsradar.avro.NewsArticle;
import io.newsradar.scoring.Provisional;
import io.newsradar.scoring.ScoringContext;
import io.newsradar.scoring.ScoringEngine;
import io.newsradar.scoring.ScoringRules;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * The articles of the story tests: one defense-AI wire story (a named programme and an amount,
 * over the default defense-ai route's 5.0) as carried by several outlets, and a thin first
 * version of it (under the route).
 */
final class StoryArticles {
    static final ScoringEngine ENGINE = ScoringEngine.of(ScoringRules.defaults());
    static final Instant T0 = Instant.parse("2026-11-30T08:00:00Z");

    static final String FULL_TITLE = "Defense ministry awards $240 million contract for AI drone swarm programme";
    static final String FULL_BODY = "The Ministry of Defense on Monday awarded a $240 million contract to develop"
            + " artificial intelligence for drone swarms under Project Kestrel. The military AI programme will"
            + " field its first prototypes with army units by March 2027, defense officials said. The machine"
            + " learning models will support the armed forces' reconnaissance mission, the ministry said.";
    static final String THIN_TITLE = "Defense ministry looks at AI for drones";
    static final String THIN_BODY =
            "The defense ministry is looking at artificial intelligence for drones," + " officials said on Monday.";
    static final String KOREA_TITLE =
            "South Korea's defense ministry awards $240 million contract for AI drone swarm programme";
    static final String KOREA_BODY = "South Korea's Ministry of National Defense on Monday awarded a $240 million"
            + " contract to develop artificial intelligence for drone swarms under Project Kestrel. The military AI"
            + " programme will field its first prototypes with army units by March 2027, defense officials in"
            + " Seoul said.";

    private StoryArticles() {}

    /** The story as {@code outlet} carries it, published {@code minutes} after T0 and fetched a minute later. */
    static NewsArticle article(String outlet, String title, String body, int minutes) {
        String url = "https://" + outlet.toLowerCase(Locale.ROOT).replace(' ', '-') + ".example/defense/kestrel-"
                + Integer.toHexString(title.hashCode());
        Instant published = T0.plus(Duration.ofMinutes(minutes));
        return NewsArticle.newBuilder()
                .setId(sha256(url).substring(0, 16))
                .setUrl(url)
                .setSource(outlet)
                .setTitle(title)
                .setBody(body)
                .setPublishedAt(published)
                .setFetchedAt(published.plusSeconds(60))
                .setContentHash(sha256(title + "\n" + body))
                .setChannel(IngestChannel.FEED)
                .build();
    }

    static NewsArticle full(String outlet, int minutes) {
        return article(outlet, FULL_TITLE, FULL_BODY, minutes);
    }

    /** The same article id with new content. */
    static NewsArticle revised(NewsArticle original, String title, String body) {
        return NewsArticle.newBuilder(original)
                .setTitle(title)
                .setBody(body)
                .setContentHash(sha256(title + "\n" + body))
                .build();
    }

    static Provisional provisional(NewsArticle a, int revision) {
        return ENGINE.provisional(a, revision, ENGINE.evaluateUnheld(a, ScoringContext.SINGLE));
    }

    /** The article placed in story {@code storyId}. */
    static StoryAssignment placed(String storyId, NewsArticle a, int revision) {
        return new StoryAssignment(
                storyId,
                new StoryOrigin(T0.toEpochMilli(), storyId),
                a.getId(),
                revision,
                List.of(),
                provisional(a, revision),
                null);
    }

    static StoryAssignment retraction(String storyId, String articleId, String reason) {
        return new StoryAssignment(
                storyId, new StoryOrigin(T0.toEpochMilli(), storyId), articleId, 0, List.of(), null, reason);
    }

    static long at(int minutes) {
        return T0.plus(Duration.ofMinutes(minutes)).toEpochMilli();
    }

    static String sha256(String s) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
