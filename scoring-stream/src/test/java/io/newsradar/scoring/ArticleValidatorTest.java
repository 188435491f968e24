package io.newsradar.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsradar.avro.NewsArticle;
import org.junit.jupiter.api.Test;

class ArticleValidatorTest {

    private static NewsArticle withBody(String body) {
        return Articles.article("A title", body);
    }

    @Test
    void shouldAcceptABodyOfExactlyTheLimit() {
        NewsArticle a = withBody("x".repeat(ArticleValidator.MAX_BODY_BYTES));

        assertThat(ArticleValidator.validate(a.getId(), a)).isSameAs(a);
    }

    @Test
    void shouldRejectABodyOverTheLimitNamingSizeAndLimit() {
        NewsArticle a = withBody("x".repeat(ArticleValidator.MAX_BODY_BYTES + 1));

        assertThatThrownBy(() -> ArticleValidator.validate(a.getId(), a))
                .isInstanceOf(InvalidArticleException.class)
                .hasMessageContaining(a.getId())
                .hasMessageContaining("body is " + (ArticleValidator.MAX_BODY_BYTES + 1) + " bytes")
                .hasMessageContaining(ArticleValidator.MAX_BODY_BYTES + "-byte limit");
    }

    @Test
    void shouldCountTheBodyInBytesOfUtf8NotInCharacters() {
        // 3 bytes per character in UTF-8: a third of the limit in characters is already the limit
        NewsArticle a = withBody("\u65E5".repeat(ArticleValidator.MAX_BODY_BYTES / 3 + 1));

        assertThatThrownBy(() -> ArticleValidator.validate(a.getId(), a))
                .isInstanceOf(InvalidArticleException.class)
                .hasMessageContaining("body is " + (ArticleValidator.MAX_BODY_BYTES / 3 + 1) * 3 + " bytes");
    }

    @Test
    void shouldRejectAnOversizedTitleNamingTheField() {
        NewsArticle a = NewsArticle.newBuilder(withBody("short"))
                .setTitle("t".repeat(ArticleValidator.MAX_FIELD_BYTES + 1))
                .build();

        assertThatThrownBy(() -> ArticleValidator.validate(a.getId(), a))
                .isInstanceOf(InvalidArticleException.class)
                .hasMessageContaining("title is " + (ArticleValidator.MAX_FIELD_BYTES + 1) + " bytes");
    }

    @Test
    void shouldMeasureUtf8LengthLikeTheEncoder() {
        String mixed = "a\u00E9\u65E5\uD83D\uDE00";

        assertThat(ArticleValidator.utf8Length(mixed))
                .isEqualTo(mixed.getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
        assertThat(ArticleValidator.utf8Length(null)).isZero();
    }
}
