package io.newsradar.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsradar.avro.IngestChannel;
import io.newsradar.avro.NewsArticle;
import io.newsradar.schemas.article.ArticleMarks;
import io.newsradar.schemas.limits.ArticleLimits;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The NewsArticle v2 fields {@link ArticleNormalizer} fills from a {@link RawArticle}. */
class ArticleNormalizerV2FieldsTest {
    private static final Instant NOW = Instant.parse("2025-03-10T12:00:00Z");
    private static final String KOREAN = "시의회는 화요일 저녁 긴 토론 끝에 공공 도서관을 위한 새 예산을 승인했다.";
    private final ArticleNormalizer normalizer = new ArticleNormalizer(Clock.fixed(NOW, ZoneOffset.UTC));

    private static RawArticle raw(
            String title, String language, Instant published, List<String> categories, String bodyKind, String feedId) {
        return new RawArticle(
                "https://news.example/a",
                null,
                "Example News",
                title,
                "<p>Body text.</p>",
                null,
                language,
                published,
                "https://news.example/feed",
                IngestChannel.FEED,
                categories,
                bodyKind,
                feedId);
    }

    private static RawArticle raw(String title, String language) {
        return raw(title, language, NOW.minusSeconds(60), List.of(), null, null);
    }

    @Test
    void shouldCleanAndDeduplicateCategoriesInFeedOrder() {
        NewsArticle a = normalizer.normalize(raw(
                "T",
                null,
                NOW,
                List.of("World &amp; Asia", " <b>Politics</b> ", "politics", "", " ", "Asia\n Pacific"),
                null,
                null));

        assertThat(a.getCategories()).containsExactly("World & Asia", "Politics", "Asia Pacific");
    }

    @Test
    void shouldKeepTheFirstCategoriesAndCutLongOnesWithNotes() {
        List<String> many = IntStream.range(0, ArticleLimits.MAX_CATEGORIES + 5)
                .mapToObj(i -> "category " + i)
                .collect(java.util.stream.Collectors.toList());
        many.set(0, "word ".repeat(100));

        NormalizedArticle n = normalizer.normalizeWithNotes(raw("T", null, NOW, many, null, null));

        List<CharSequence> categories = List.copyOf(n.article().getCategories());
        assertThat(categories).hasSize(ArticleLimits.MAX_CATEGORIES);
        assertThat(ArticleLimits.utf8Length(categories.get(0).toString()))
                .isLessThanOrEqualTo(ArticleLimits.MAX_CATEGORY_BYTES);
        assertThat(categories.get(1).toString()).isEqualTo("category 1");
        assertThat(n.notes())
                .containsExactly(
                        "1 category was over the 256-byte limit for one category: truncated",
                        (ArticleLimits.MAX_CATEGORIES + 5) + " distinct categories, over the limit of "
                                + ArticleLimits.MAX_CATEGORIES + ": kept the first " + ArticleLimits.MAX_CATEGORIES);
        assertThat(ArticleLimits.violation(n.article())).isEmpty();
    }

    @Test
    void shouldNormaliseTheBodyKind() {
        assertThat(bodyKind("summary")).isEqualTo(ArticleMarks.SUMMARY);
        assertThat(bodyKind("SUMMARY")).isEqualTo(ArticleMarks.SUMMARY);
        assertThat(bodyKind("full")).isEqualTo(ArticleMarks.FULL_TEXT);
        assertThat(bodyKind("FULL_TEXT")).isEqualTo(ArticleMarks.FULL_TEXT);
        assertThat(bodyKind("full-text")).isEqualTo(ArticleMarks.FULL_TEXT);
        assertThat(bodyKind(null)).isEqualTo(ArticleMarks.UNKNOWN);
        assertThat(bodyKind("teaser?")).isEqualTo(ArticleMarks.UNKNOWN);
    }

    @Test
    void shouldCallTheKindOfAnEmptyBodyUnknown() {
        RawArticle r = new RawArticle(
                "https://news.example/a",
                null,
                null,
                "T",
                " ",
                null,
                null,
                NOW,
                null,
                IngestChannel.FEED,
                List.of(),
                ArticleMarks.SUMMARY,
                null);

        assertThat(normalizer.normalize(r).getBodyKind()).isEqualTo(ArticleMarks.UNKNOWN);
    }

    @Test
    void shouldRecordWhereThePublishTimeCameFrom() {
        NewsArticle given = normalizer.normalize(raw("T", null, NOW.minusSeconds(3600), List.of(), null, null));
        NewsArticle missing = normalizer.normalize(raw("T", null, null, List.of(), null, null));
        NewsArticle future = normalizer.normalize(raw("T", null, NOW.plusSeconds(7200), List.of(), null, null));

        assertThat(given.getPublishedAtStatus()).isEqualTo(ArticleMarks.GIVEN);
        assertThat(given.getPublishedAt()).isEqualTo(NOW.minusSeconds(3600));
        assertThat(missing.getPublishedAtStatus()).isEqualTo(ArticleMarks.MISSING);
        assertThat(missing.getPublishedAt()).isEqualTo(NOW);
        assertThat(future.getPublishedAtStatus()).isEqualTo(ArticleMarks.IN_FUTURE);
        assertThat(future.getPublishedAt()).isEqualTo(NOW);
        // exactly the fetch time is not in the future
        assertThat(normalizer
                        .normalize(raw("T", null, NOW, List.of(), null, null))
                        .getPublishedAtStatus())
                .isEqualTo(ArticleMarks.GIVEN);
    }

    @Test
    void shouldRecordTheLanguageAndWhereItCameFrom() {
        NewsArticle declared = normalizer.normalize(raw(KOREAN, "en_us"));
        NewsArticle detected = normalizer.normalize(raw(KOREAN, null));
        NewsArticle tooShort = normalizer.normalize(raw("T", null));

        assertThat(declared.getLanguage()).isEqualTo("en-US");
        assertThat(declared.getLanguageSource()).isEqualTo(ArticleMarks.DECLARED);
        assertThat(detected.getLanguage()).isEqualTo("ko");
        assertThat(detected.getLanguageSource()).isEqualTo(ArticleMarks.DETECTED);
        assertThat(tooShort.getLanguage()).isNull();
        assertThat(tooShort.getLanguageSource()).isEqualTo(ArticleMarks.UNKNOWN);
    }

    @Test
    void shouldCarryTheFeedIdAndNeverHoldAlerts() {
        NewsArticle a = normalizer.normalize(raw("T", null, NOW, List.of(), null, "feed-123"));
        NewsArticle none = normalizer.normalize(raw("T", null, NOW, List.of(), null, "  "));

        assertThat(a.getFeedId()).isEqualTo("feed-123");
        assertThat(none.getFeedId()).isNull();
        assertThat(a.getAlertHold()).isNull();
    }

    @Test
    void shouldKeepTheContentHashOfTitleAndBodyOnly() {
        NewsArticle plain = normalizer.normalize(raw(KOREAN, null, NOW, List.of(), null, null));
        NewsArticle marked = normalizer.normalize(raw(KOREAN, "ko", null, List.of("Seoul"), "summary", "feed-1"));

        assertThat(marked.getContentHash()).isEqualTo(plain.getContentHash());
        assertThat(plain.getContentHash()).isEqualTo(ArticleIds.contentHash(KOREAN, "Body text."));
    }

    private String bodyKind(String given) {
        return normalizer.normalize(raw("T", null, NOW, List.of(), given, null)).getBodyKind();
    }
}
