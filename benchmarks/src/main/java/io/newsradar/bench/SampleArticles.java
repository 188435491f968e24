package io.newsradar.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsradar.avro.IngestChannel;
import io.newsradar.avro.NewsArticle;
import io.newsradar.schemas.hash.Sha256;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The team's sample articles (config/samples/articles.jsonl), read from the repository rather than
 * from a jar so the benchmark measures whatever the samples are today.
 */
final class SampleArticles {
    /** System property naming another JSON-lines file of articles. */
    static final String PROPERTY = "newsradar.bench.samples";

    /** Where the samples are when the benchmark runs from the repository root or from benchmarks/. */
    private static final List<Path> DEFAULT_LOCATIONS = List.of(
            Path.of("config", "samples", "articles.jsonl"), Path.of("..", "config", "samples", "articles.jsonl"));

    // a fixed fetch delay: the score's recency uses fetchedAt - publishedAt, never the wall clock
    private static final Duration FETCH_DELAY = Duration.ofMinutes(5);

    private static final ObjectMapper JSON = new ObjectMapper();

    private SampleArticles() {}

    static List<NewsArticle> load() {
        return read(locate());
    }

    static Path locate() {
        String configured = System.getProperty(PROPERTY);
        if (configured != null && !configured.isBlank()) {
            Path file = Path.of(configured);
            if (!Files.isRegularFile(file)) {
                throw new IllegalStateException("-D" + PROPERTY + "=" + configured + ": no such file");
            }
            return file;
        }
        return DEFAULT_LOCATIONS.stream()
                .filter(Files::isRegularFile)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("config/samples/articles.jsonl not found from "
                        + Path.of("").toAbsolutePath()
                        + ": run from the repository root or give -D" + PROPERTY + "=FILE"));
    }

    static List<NewsArticle> read(Path file) {
        List<NewsArticle> out = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    out.add(article(JSON.readTree(line)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        if (out.isEmpty()) {
            throw new IllegalStateException(file + ": no articles");
        }
        return out;
    }

    private static NewsArticle article(JsonNode n) {
        String title = n.path("title").asText("");
        String body = n.path("body").asText("");
        String url = n.path("url").asText(null);
        Instant published = n.hasNonNull("publishedAt")
                ? Instant.parse(n.get("publishedAt").asText())
                : Instant.parse("2026-01-01T00:00:00Z");
        return NewsArticle.newBuilder()
                .setId(sha256(url != null ? url : title).substring(0, 32))
                .setUrl(url)
                .setSource(n.path("source").asText("benchmark"))
                .setTitle(title)
                .setBody(body)
                .setAuthor(n.path("author").asText(null))
                .setLanguage(n.path("language").asText(null))
                .setPublishedAt(published)
                .setFetchedAt(published.plus(FETCH_DELAY))
                .setContentHash(sha256(title + "\n" + body))
                .setChannel(IngestChannel.FILE)
                .build();
    }

    static String sha256(String s) {
        return Sha256.hex(s);
    }
}
