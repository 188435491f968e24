package io.newsradar.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.newsradar.avro.NewsArticle;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** {@link JsonLinesArticleReader#readOne}: one article object, which may span several lines. */
class JsonArticleDocumentTest {
    private static final Instant NOW = Instant.parse("2025-03-10T12:00:00Z");
    private final JsonLinesArticleReader reader =
            new JsonLinesArticleReader(new ArticleNormalizer(Clock.fixed(NOW, ZoneOffset.UTC)));

    @Test
    void shouldReadAPrettyPrintedObjectLikeALine() throws java.io.IOException {
        String pretty = "{\n  \"url\": \"https://example.com/a\",\n  \"title\": \"Port reopens\",\n"
                + "  \"summary\": \"<p>Ships are back.</p>\",\n  \"publishedAt\": \"2025-03-01T08:00:00Z\"\n}\n";
        String line = pretty.replace("\n", "");

        NewsArticle fromPretty = reader.readOne(pretty).article();
        NewsArticle fromLine =
                reader.read(new java.io.StringReader(line), "x").articles().get(0);

        assertThat(fromPretty).isEqualTo(fromLine);
        assertThat(fromPretty.getBody()).isEqualTo("Ships are back.");
    }

    @Test
    void shouldKeepTheParserErrorAsCauseSoItsLineCanBeReported() {
        assertThatThrownBy(() -> reader.readOne("{\n  \"title\": \"x\",\n  oops\n}"))
                .isInstanceOf(InvalidArticleException.class)
                .hasMessageStartingWith("not valid JSON")
                .cause()
                .isInstanceOfSatisfying(
                        JsonProcessingException.class,
                        e -> assertThat(e.getLocation().getLineNr()).isEqualTo(3));
    }

    @Test
    void shouldRejectTwoObjectsAsOne() {
        assertThatThrownBy(() -> reader.readOne("{\"title\":\"a\",\"url\":\"https://e.com/a\"}\n"
                        + "{\"title\":\"b\",\"url\":\"https://e.com/b\"}"))
                .isInstanceOf(InvalidArticleException.class)
                .hasMessageStartingWith("not valid JSON");
    }
}
