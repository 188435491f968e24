package io.newsradar.scoring;

import io.newsradar.avro.IngestChannel;
import io.newsradar.avro.NewsArticle;
import io.newsradar.scoring.eval.EvalCorpus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

/**
 * The seed brief (DESIGN.md) as a feed item would carry it: its headline as the title and the
 * paragraph under it as the summary. Read at test time from {@code ../shared/seed/} next to the
 * repository root (the brief is not ours to commit); absent, the tests using it are skipped.
 */
final class SeedBrief {
    /** Words a line needs to be the paragraph rather than a caption or a score. */
    private static final int MIN_PARAGRAPH_WORDS = 40;

    private SeedBrief() {}

    static Path dir() {
        Path root = EvalCorpus.repositoryRoot(Path.of(""));
        return root.resolve("..")
                .resolve("shared")
                .resolve("seed")
                .toAbsolutePath()
                .normalize();
    }

    /** The first brief in the folder, or null when there is none. */
    static Path file() {
        Path dir = dir();
        if (!Files.isDirectory(dir)) {
            return null;
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".txt"))
                    .sorted()
                    .findFirst()
                    .orElse(null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The brief's first line lists its tags; the next line with text is the headline; the paragraph
     * under it is the first later line of at least {@link #MIN_PARAGRAPH_WORDS} words (the lines
     * between are the score widget and a photo credit).
     */
    static NewsArticle asFeedItem(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                    .map(String::strip)
                    .filter(l -> !l.isEmpty())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String headline = lines.get(1);
        String paragraph = lines.stream()
                .skip(2)
                .filter(l -> l.split("\\s+").length >= MIN_PARAGRAPH_WORDS)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(file + ": no paragraph under the headline"));
        // published the day after the meeting it reports, fetched by a feed poll an hour later
        Instant published = Instant.parse("2026-06-29T02:00:00Z");
        return NewsArticle.newBuilder(
                        Articles.article("https://en.yna.co.kr/view/seed-brief", headline, paragraph, published))
                .setSource("Yonhap")
                .setFetchedAt(published.plusSeconds(3600))
                .setChannel(IngestChannel.FEED)
                .build();
    }
}
