package io.newsradar.ingest.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsradar.schemas.feeds.FeedRecord;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeedRecordsTest {

    private static final String LIST = """
            feeds:
              - url: https://news.example.com/feed.xml
                source: Example News
                pollInterval: 30m
                weight: 1.5
                tags: [defense-ai]
              - url: samples/../samples/local.xml
              - url: ./pinned.xml
                id: pinned-feed
            """;

    @Test
    void shouldResolveRelativeFileFeedsAgainstTheListDirectoryKeepingTheListsIds(@TempDir Path dir) {
        Path listFile = dir.resolve("conf/feeds.yaml");
        List<FeedEntry> entries = FeedListLoader.parse(LIST, "feeds.yaml").feeds();

        List<FeedRecord> records = FeedRecords.ofList(entries, listFile);

        assertThat(records).hasSize(3);
        FeedRecord http = records.get(0);
        assertThat(http.url()).isEqualTo("https://news.example.com/feed.xml");
        assertThat(http.id()).isEqualTo(entries.get(0).id());
        assertThat(http.source()).isEqualTo("Example News");
        assertThat(http.pollInterval()).isEqualTo(Duration.ofMinutes(30));
        assertThat(http.weight()).isEqualTo(1.5);
        assertThat(http.tags()).containsExactly("defense-ai");

        FeedRecord file = records.get(1);
        assertThat(Path.of(file.url()))
                .isAbsolute()
                .isEqualTo(dir.resolve("conf/samples/local.xml").toAbsolutePath());
        // the id is the one derived from the path as written, not from the absolute path
        assertThat(file.id()).isEqualTo(entries.get(1).id());

        assertThat(records.get(2).id()).isEqualTo("pinned-feed");
        assertThat(records.get(2).url())
                .isEqualTo(dir.resolve("conf/pinned.xml").toAbsolutePath().toString());
    }

    @Test
    void shouldResolveASingleEntryAgainstAGivenDirectory(@TempDir Path dir) {
        FeedEntry entry = FeedListLoader.parse("feeds:\n  - url: a/b/../feed.xml\n", "options")
                .feeds()
                .get(0);

        FeedRecord record = FeedRecords.of(entry, dir);

        assertThat(record.url())
                .isEqualTo(dir.resolve("a/feed.xml").toAbsolutePath().toString());
        assertThat(record.id()).isEqualTo(entry.id());
    }
}
