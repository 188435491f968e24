package io.newsradar.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsradar.avro.IngestChannel;
import io.newsradar.avro.NewsArticle;
import io.newsradar.schemas.article.ArticleMarks;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonLinesArticleReaderTest {
    private static final Instant NOW = Instant.parse("2025-03-10T12:00:00Z");
    private final JsonLinesArticleReader reader =
            new JsonLinesArticleReader(new ArticleNormalizer(Clock.fixed(NOW, ZoneOffset.UTC)));

    @TempDir
    Path dir;

    private Path write(String... lines) throws IOException {
        Path file = dir.resolve("articles.jsonl");
        Files.write(file, List.of(lines), StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void shouldReadEveryFieldOfAGoodLine() throws IOException {
        Path file =
                write("{\"url\":\"https://example.com/a\",\"source\":\"Harbor City Ledger\",\"title\":\"Port reopens\","
                        + "\"body\":\"<p>One.</p><p>Two.</p>\",\"publishedAt\":\"2025-03-01T09:00:00+01:00\","
                        + "\"author\":\"J. Doe\",\"guid\":\"hcl-1\",\"language\":\"en\",\"extra\":42}");

        ArticleReadResult result = reader.read(file);

        assertThat(result.errors()).isEmpty();
        NewsArticle a = result.articles().get(0);
        assertThat(a.getUrl()).isEqualTo("https://example.com/a");
        assertThat(a.getSource()).isEqualTo("Harbor City Ledger");
        assertThat(a.getTitle()).isEqualTo("Port reopens");
        assertThat(a.getBody()).isEqualTo("One.\n\nTwo.");
        assertThat(a.getPublishedAt()).isEqualTo(Instant.parse("2025-03-01T08:00:00Z"));
        assertThat(a.getAuthor()).isEqualTo("J. Doe");
        assertThat(a.getGuid()).isEqualTo("hcl-1");
        assertThat(a.getLanguage()).isEqualTo("en");
        assertThat(a.getChannel()).isEqualTo(IngestChannel.FILE);
    }

    @Test
    void shouldTakeBodyFromContentOrSummaryWhenBodyIsAbsent() throws IOException {
        Path file = write(
                "{\"url\":\"https://example.com/a\",\"title\":\"A\",\"summary\":\"from summary\"}",
                "{\"url\":\"https://example.com/b\",\"title\":\"B\",\"content\":\"from content\",\"summary\":\"short\"}",
                "{\"url\":\"https://example.com/c\",\"title\":\"C\",\"body\":\"from body\",\"content\":\"other\"}");

        assertThat(reader.read(file).articles())
                .extracting(NewsArticle::getBody)
                .containsExactly("from summary", "from content", "from body");
    }

    @Test
    void shouldAcceptInstantAndEpochMillis() throws IOException {
        Path file = write(
                "{\"url\":\"https://example.com/a\",\"title\":\"A\",\"publishedAt\":\"2025-03-01T08:00:00Z\"}",
                "{\"url\":\"https://example.com/b\",\"title\":\"B\",\"publishedAt\":1740816000000}");

        assertThat(reader.read(file).articles())
                .extracting(NewsArticle::getPublishedAt)
                .containsExactly(Instant.parse("2025-03-01T08:00:00Z"), Instant.ofEpochMilli(1740816000000L));
    }

    @Test
    void shouldReportEachBadLineWithFileAndLineNumberAndKeepReading() throws IOException {
        Path file = write(
                "{\"url\":\"https://example.com/1\",\"title\":\"one\"}",
                "",
                "{\"url\":\"https://example.com/2\",\"title\":",
                "   ",
                "{\"url\":\"https://example.com/3\",\"title\":\"three\",\"publishedAt\":\"yesterday\"}",
                "[1,2]",
                "{\"url\":\"https://example.com/5\",\"title\":{\"nested\":true}}",
                "{\"url\":\"https://example.com/6\"}",
                "{\"url\":\"https://example.com/7\",\"title\":\"seven\"} trailing",
                "{\"url\":\"https://example.com/8\",\"title\":\"eight\"}");

        ArticleReadResult result = reader.read(file);

        assertThat(result.articles()).extracting(NewsArticle::getTitle).containsExactly("one", "eight");
        assertThat(result.errors())
                .extracting(IngestError::location)
                .containsExactly("line 3", "line 5", "line 6", "line 7", "line 8", "line 9");
        assertThat(result.errors()).allSatisfy(e -> assertThat(e.message()).startsWith(file.toString() + " line "));
        assertThat(result.errors().get(0).reason()).startsWith("not valid JSON");
        assertThat(result.errors().get(1).reason()).contains("publishedAt").contains("yesterday");
        assertThat(result.errors().get(2).reason()).contains("expected a JSON object, got array");
        assertThat(result.errors().get(3).reason()).contains("'title' must be a string");
        assertThat(result.errors().get(4).reason()).isEqualTo("title and body are both empty");
        assertThat(result.errors().get(5).reason()).startsWith("not valid JSON");
        assertThat(result.read()).isEqualTo(8);
    }

    @Test
    void shouldSkipByteOrderMarkOnFirstLine() throws IOException {
        Path file = write("\uFEFF{\"url\":\"https://example.com/a\",\"title\":\"A\"}");
        assertThat(reader.read(file).articles()).hasSize(1);
    }

    @Test
    void shouldRejectLineWithoutUrlOrGuid() throws IOException {
        Path file = write(
                "{\"source\":\"Harbor City Ledger\",\"title\":\"A\"}",
                "{\"source\":\"Harbor City Ledger\",\"guid\":\"g-2\",\"title\":\"B\"}");
        ArticleReadResult result = reader.read(file);
        assertThat(result.errors()).singleElement().satisfies(e -> {
            assertThat(e.location()).isEqualTo("line 1");
            assertThat(e.reason()).contains("no url");
        });
        assertThat(result.articles())
                .singleElement()
                .extracting(NewsArticle::getGuid)
                .isEqualTo("g-2");
    }

    @Test
    void shouldFailClearlyWhenFileIsMissing() {
        Path missing = dir.resolve("nope.jsonl");
        assertThatThrownBy(() -> reader.read(missing))
                .isInstanceOf(NoSuchFileException.class)
                .hasMessageContaining("nope.jsonl");
    }

    @Test
    void shouldReadCategoriesBodyKindAndLanguage() throws IOException {
        Path file = write(
                "{\"url\":\"https://example.com/a\",\"title\":\"Port reopens\",\"body\":\"B\","
                        + "\"categories\":[\"Ports\",\"<i>Shipping</i>\",\"ports\"],\"bodyKind\":\"summary\","
                        + "\"language\":\"en_gb\"}",
                "{\"url\":\"https://example.com/b\",\"title\":\"T\",\"body\":\"B\",\"bodyKind\":\"FULL_TEXT\","
                        + "\"categories\":null}");

        ArticleReadResult result = reader.read(file);

        assertThat(result.errors()).isEmpty();
        NewsArticle a = result.articles().get(0);
        assertThat(a.getCategories()).containsExactly("Ports", "Shipping");
        assertThat(a.getBodyKind()).isEqualTo(ArticleMarks.SUMMARY);
        assertThat(a.getLanguage()).isEqualTo("en-GB");
        assertThat(a.getLanguageSource()).isEqualTo(ArticleMarks.DECLARED);
        NewsArticle b = result.articles().get(1);
        assertThat(b.getBodyKind()).isEqualTo(ArticleMarks.FULL_TEXT);
        assertThat(b.getCategories()).isEmpty();
        assertThat(b.getLanguageSource()).isEqualTo(ArticleMarks.UNKNOWN);
    }

    @Test
    void shouldNameTheFieldOfAWronglyTypedCategoryOrBodyKind() throws IOException {
        String start = "{\"url\":\"https://example.com/a\",\"title\":\"T\",";
        Path file = write(
                start + "\"categories\":\"Ports\"}",
                start + "\"categories\":[\"Ports\",7]}",
                start + "\"bodyKind\":true}",
                start + "\"bodyKind\":\"teaser\"}",
                start + "\"language\":[\"en\"]}");

        ArticleReadResult result = reader.read(file);

        assertThat(result.articles()).isEmpty();
        assertThat(result.errors())
                .extracting(IngestError::reason)
                .containsExactly(
                        "field 'categories' must be an array of strings, got string",
                        "field 'categories' must be an array of strings, but element 1 is number",
                        "field 'bodyKind' must be a string, got boolean",
                        "field 'bodyKind' must be \"full\" or \"summary\" (or FULL_TEXT, SUMMARY, UNKNOWN), got 'teaser'",
                        "field 'language' must be a string, got array");
    }
}
