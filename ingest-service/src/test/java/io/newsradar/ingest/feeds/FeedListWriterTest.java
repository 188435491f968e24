package io.newsradar.ingest.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeedListWriterTest {

    private static FeedEntry entry(String url, String source) {
        return new FeedEntry(FeedIds.idFor(url), false, url, source, PollInterval.DEFAULT, 0, List.of(), "", "");
    }

    @Test
    void shouldWriteOnlyWhatDiffersFromTheDefaults() {
        FeedEntry plain = entry("https://a.example.com/rss", "");
        FeedEntry full = new FeedEntry(
                "kept-key",
                true,
                "https://b.example.com/rss?x=1&y=2",
                "B News",
                Duration.ofMinutes(90),
                -1.5,
                List.of("defense", "ai"),
                "https://b.example.com/",
                "News/Defense");

        String yaml = FeedListWriter.write(List.of(plain, full), "");

        assertThat(yaml).isEqualTo("""
                        version: 1
                        feeds:
                          - url: https://a.example.com/rss
                          - url: https://b.example.com/rss?x=1&y=2
                            source: B News
                            pollInterval: 1h30m
                            weight: -1.5
                            tags: [defense, ai]
                            site: https://b.example.com/
                            category: News/Defense
                            id: kept-key
                        """);
        assertThat(FeedListLoader.parse(yaml, "w.yaml").feeds()).containsExactly(plain, full);
    }

    @Test
    void shouldQuoteTextThatYamlWouldReadOtherwise() {
        List<String> awkward = List.of(
                "yes",
                "No",
                "null",
                "~",
                "123",
                "0x1F",
                "1.5",
                "2024-01-01",
                "-dash",
                "Foo: Bar",
                "The #1 News",
                "ends:",
                " padded ",
                "say \"hi\"",
                "C'est la vie",
                "日本経済新聞",
                "[brackets]",
                "{braces}",
                "&anchor",
                "*alias",
                "!tag",
                "%percent",
                "@at",
                "`tick",
                "| pipe",
                "> fold",
                "? q",
                ".inf",
                "back\\slash",
                "tab\there");
        List<FeedEntry> feeds = new java.util.ArrayList<>();
        for (int i = 0; i < awkward.size(); i++) {
            String s = awkward.get(i);
            feeds.add(new FeedEntry(
                    FeedIds.idFor("https://x" + i + ".example.com/rss"),
                    false,
                    "https://x" + i + ".example.com/rss",
                    s.strip().replace('\t', ' '),
                    PollInterval.DEFAULT,
                    0,
                    List.of("t" + i),
                    "",
                    s.strip().replace('\t', ' ')));
        }

        String yaml = FeedListWriter.write(feeds, "awkward\nsecond line");

        assertThat(yaml).startsWith("# awkward\n# second line\n");
        assertThat(FeedListLoader.parse(yaml, "w.yaml").feeds()).isEqualTo(feeds);
    }

    @Test
    void shouldQuoteTagIdsThatYamlWouldReadAsOtherValues() {
        FeedEntry f = new FeedEntry(
                "id-1",
                true,
                "https://a.example.com/rss",
                "",
                PollInterval.DEFAULT,
                0,
                List.of("no", "2024", "ai"),
                "",
                "");

        String yaml = FeedListWriter.write(List.of(f), "");

        assertThat(yaml).contains("tags: [\"no\", \"2024\", ai]");
        assertThat(FeedListLoader.parse(yaml, "w.yaml").feeds()).containsExactly(f);
    }

    @Test
    void shouldWriteAnEmptyListThatLoads() {
        assertThat(FeedListLoader.parse(FeedListWriter.write(List.of(), "none"), "w.yaml")
                        .feeds())
                .isEmpty();
    }
}
