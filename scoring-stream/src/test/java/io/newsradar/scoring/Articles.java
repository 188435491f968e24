package io.newsradar.scoring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsradar.avro.IngestChannel;
import io.newsradar.avro.NewsArticle;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** Test articles: hand-made ones, and the team's samples from config/samples/articles.jsonl. */
final class Articles {
    static final String SAMPLES = "io/newsradar/config/samples/articles.jsonl";
    private static final ObjectMapper JSON = new ObjectMapper();

    private Articles() {}

    static NewsArticle article(String title, String body) {
        return article(
                "https://test.example/" + Integer.toHexString((title + body).hashCode()),
                title,
                body,
                Instant.parse("2026-04-01T10:00:00Z"));
    }

    static NewsArticle article(String url, String title, String body, Instant publishedAt) {
        return NewsArticle.newBuilder()
                .setId(sha256(url).substring(0, 16))
                .setUrl(url)
                .setSource("test")
                .setTitle(title)
                .setBody(body)
                .setPublishedAt(publishedAt)
                .setFetchedAt(publishedAt.plusSeconds(60))
                .setContentHash(sha256(title + "\n" + body))
                .setChannel(IngestChannel.FILE)
                .build();
    }

    /** The same article with new content: same id, new hash. */
    static NewsArticle corrected(NewsArticle original, String newBody) {
        return NewsArticle.newBuilder(original)
                .setBody(newBody)
                .setContentHash(sha256(original.getTitle() + "\n" + newBody))
                .build();
    }

    /** Every sample article, in file order; fails with the line number on a malformed line. */
    static List<NewsArticle> samples() {
        List<NewsArticle> out = new ArrayList<>();
        try (InputStream in = Articles.class.getClassLoader().getResourceAsStream(SAMPLES)) {
            if (in == null) {
                throw new IllegalStateException("sample articles not on the test classpath: " + SAMPLES);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            int n = 0;
            while ((line = reader.readLine()) != null) {
                n++;
                if (line.isBlank()) {
                    continue;
                }
                JsonNode j = JSON.readTree(line);
                for (String field : List.of("url", "source", "title", "body", "publishedAt")) {
                    if (!j.hasNonNull(field)) {
                        throw new IllegalStateException(SAMPLES + " line " + n + ": missing " + field);
                    }
                }
                NewsArticle a = article(
                        j.get("url").asText(),
                        j.get("title").asText(),
                        j.get("body").asText(),
                        Instant.parse(j.get("publishedAt").asText()));
                a.setSource(j.get("source").asText());
                out.add(a);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    static NewsArticle sample(String urlPart) {
        return samples().stream()
                .filter(a -> a.getUrl().contains(urlPart))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no sample article with url containing " + urlPart));
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
