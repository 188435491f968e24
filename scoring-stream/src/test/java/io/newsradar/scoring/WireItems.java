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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Short wire items (2-4 sentences, the way feeds carry them) written for issue 6: things an
 * analyst wants alerted, and near misses that must not be. In wire-items.jsonl next to this class.
 */
final class WireItems {
    private static final String FILE = "io/newsradar/scoring/wire-items.jsonl";
    private static final ObjectMapper JSON = new ObjectMapper();

    record Item(String id, boolean alert, NewsArticle article) {}

    private WireItems() {}

    static List<Item> all() {
        List<Item> out = new ArrayList<>();
        try (InputStream in = WireItems.class.getClassLoader().getResourceAsStream(FILE)) {
            if (in == null) {
                throw new IllegalStateException("not on the test classpath: " + FILE);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode j = JSON.readTree(line);
                String id = j.get("id").asText();
                Instant published = Instant.parse("2026-06-28T09:00:00Z");
                NewsArticle a = NewsArticle.newBuilder(Articles.article(
                                "https://wire.example/" + id,
                                j.get("title").asText(),
                                j.get("body").asText(),
                                published))
                        .setSource("Example Wire")
                        .setChannel(IngestChannel.FEED)
                        // a feed poll 20 minutes after publication
                        .setFetchedAt(published.plusSeconds(1200))
                        .build();
                out.add(new Item(id, j.get("alert").asBoolean(), a));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    static List<Item> alerting() {
        return all().stream().filter(Item::alert).toList();
    }

    static Item byId(String id) {
        return all().stream()
                .filter(i -> i.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no wire item " + id));
    }
}
