package io.newsradar.schemas.feeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeedRecordsTest {

    @Test
    void shouldRoundTripAFeedRecordThroughItsJson() {
        FeedRecord feed = new FeedRecord(
                "0123456789abcdef",
                "https://news.example.com/rss.xml",
                "Example Desk",
                Duration.ofMinutes(15),
                1.5,
                List.of("defense"),
                "https://news.example.com/",
                "Defense/Asia");

        assertThat(FeedRecord.fromJson(feed.toJson())).isEqualTo(feed);
        assertThat(feed.toJson()).contains("\"format\":1").contains("\"pollIntervalSeconds\":900");
    }

    @Test
    void shouldRefuseAFeedRecordOfAnUnknownFormatOrWithoutAnId() {
        assertThatThrownBy(() -> FeedRecord.fromJson("{\"format\":2,\"id\":\"a\",\"url\":\"u\"}"))
                .hasMessageContaining("format 2");
        assertThatThrownBy(() -> FeedRecord.fromJson("{\"format\":1,\"url\":\"u\",\"pollIntervalSeconds\":60}"))
                .hasMessageContaining("no id");
        assertThatThrownBy(() -> FeedRecord.fromJson("not json")).hasMessageContaining("not JSON");
    }

    @Test
    void shouldRoundTripAFeedStateWithNullTimes() {
        Instant now = Instant.parse("2026-11-30T00:00:00Z");
        FeedState first = FeedState.initial("0123456789abcdef", "https://a.example/rss", now);
        assertThat(FeedState.fromJson(first.toJson())).isEqualTo(first);

        FeedState later = new FeedState(
                first.feedId(),
                "https://b.example/rss",
                "\"v1\"",
                "Mon, 30 Nov 2026 00:00:00 GMT",
                now,
                now,
                now.plusSeconds(900),
                0,
                "",
                304,
                3,
                12,
                List.of("id2", "id1"));
        assertThat(FeedState.fromJson(later.toJson())).isEqualTo(later);
    }

    @Test
    void shouldPutEveryFeedOfAHostOnOnePartition() {
        int a = FeedPartitions.partitionFor("https://news.example.com/a.xml", 12);
        assertThat(FeedPartitions.partitionFor("http://NEWS.example.com:8080/b/c.rss", 12))
                .isEqualTo(a);
        assertThat(FeedPartitions.hostOf("https://my_host.example.com/x")).isEqualTo("my_host.example.com");
        assertThat(FeedPartitions.hostOf("/srv/feeds/sample.xml")).isEqualTo("file");
        // 40 hosts over 4 partitions: the hash spreads them (not all on one partition)
        long used = java.util.stream.IntStream.range(0, 40)
                .map(i -> FeedPartitions.partitionFor("https://host" + i + ".example/", 4))
                .distinct()
                .count();
        assertThat(used).isEqualTo(4);
    }
}
