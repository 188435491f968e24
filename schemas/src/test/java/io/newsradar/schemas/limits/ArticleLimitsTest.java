package io.newsradar.schemas.limits;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsradar.avro.IngestChannel;
import io.newsradar.avro.NewsArticle;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ArticleLimitsTest {

    private static NewsArticle article(String title, String body) {
        return NewsArticle.newBuilder()
                .setId("id-1")
                .setSource("example")
                .setTitle(title)
                .setBody(body)
                .setPublishedAt(java.time.Instant.EPOCH)
                .setFetchedAt(java.time.Instant.EPOCH)
                .setContentHash("h")
                .setChannel(IngestChannel.FILE)
                .build();
    }

    @Test
    void shouldAcceptABodyOfExactlyTheLimit() {
        assertThat(ArticleLimits.violation(article("t", "x".repeat(ArticleLimits.MAX_BODY_BYTES))))
                .isEmpty();
    }

    @Test
    void shouldNameTheBodyItsSizeAndTheLimitWhenOver() {
        assertThat(ArticleLimits.violation(article("t", "x".repeat(ArticleLimits.MAX_BODY_BYTES + 1))))
                .hasValueSatisfying(m -> assertThat(m)
                        .contains("body is " + (ArticleLimits.MAX_BODY_BYTES + 1) + " bytes")
                        .contains(ArticleLimits.MAX_BODY_BYTES + "-byte limit"));
    }

    @Test
    void shouldNameAnOversizedFieldCountedInUtf8Bytes() {
        // 3 bytes per character: a third of the limit in characters is already over it
        String title = "\u65E5".repeat(ArticleLimits.MAX_FIELD_BYTES / 3 + 1);

        assertThat(ArticleLimits.violation(article(title, "body")))
                .hasValueSatisfying(m ->
                        assertThat(m).startsWith("title is " + (ArticleLimits.MAX_FIELD_BYTES / 3 + 1) * 3));
    }

    @Test
    void shouldMeasureUtf8LengthLikeTheEncoder() {
        String mixed = "a\u00E9\u65E5\uD83D\uDE00";

        assertThat(ArticleLimits.utf8Length(mixed)).isEqualTo(mixed.getBytes(StandardCharsets.UTF_8).length);
        assertThat(ArticleLimits.utf8Length(null)).isZero();
    }

    @Test
    void shouldAcceptCategoriesAtTheLimits() {
        NewsArticle a = article("t", "b");
        a.setCategories(java.util.Collections.nCopies(
                ArticleLimits.MAX_CATEGORIES, "x".repeat(ArticleLimits.MAX_CATEGORY_BYTES)));

        assertThat(ArticleLimits.violation(a)).isEmpty();
    }

    @Test
    void shouldNameTooManyCategories() {
        NewsArticle a = article("t", "b");
        a.setCategories(java.util.Collections.nCopies(ArticleLimits.MAX_CATEGORIES + 1, "x"));

        assertThat(ArticleLimits.violation(a))
                .hasValue("categories has " + (ArticleLimits.MAX_CATEGORIES + 1) + " entries, over the limit of "
                        + ArticleLimits.MAX_CATEGORIES);
    }

    @Test
    void shouldNameAnOversizedCategory() {
        NewsArticle a = article("t", "b");
        a.setCategories(java.util.List.of("ok", "\u00e9".repeat(ArticleLimits.MAX_CATEGORY_BYTES / 2 + 1)));

        assertThat(ArticleLimits.violation(a))
                .hasValueSatisfying(m ->
                        assertThat(m).startsWith("a category is " + (ArticleLimits.MAX_CATEGORY_BYTES + 2) + " bytes"));
    }

    @Test
    void shouldNameAnOversizedV2MarkField() {
        NewsArticle a = article("t", "b");
        a.setFeedId("f".repeat(ArticleLimits.MAX_FIELD_BYTES + 1));

        assertThat(ArticleLimits.violation(a))
                .hasValueSatisfying(m -> assertThat(m).startsWith("feedId is "));
    }
}
