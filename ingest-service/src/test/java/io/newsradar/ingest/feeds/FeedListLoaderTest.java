package io.newsradar.ingest.feeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeedListLoaderTest {

    private static FeedList load(String yaml) {
        return FeedListLoader.parse(yaml, "t.yaml");
    }

    private static List<String> problems(String yaml) {
        try {
            load(yaml);
        } catch (FeedListException e) {
            return e.problems();
        }
        throw new AssertionError("expected the list to be refused");
    }

    private static String oneFeed(String fields) {
        return "feeds:\n  - url: https://example.com/feed.xml\n" + fields.indent(4);
    }

    @Test
    void shouldLoadTheSampleListAndFindItsFiles() {
        Path config = Path.of("").toAbsolutePath().getParent().resolve("config");
        FeedList list = FeedListLoader.load(config.resolve("feeds.yaml"));

        assertThat(list.feeds())
                .extracting(FeedEntry::source)
                .containsExactly("Harbor City Ledger", "Meridian Science & Economy Weekly");
        for (FeedEntry f : list.feeds()) {
            assertThat(f.isHttp()).isFalse();
            assertThat(f.pollInterval()).isEqualTo(Duration.ofMinutes(5));
            assertThat(f.file(config).orElseThrow()).isRegularFile();
        }
        assertThat(list.feeds().get(1).weight()).isEqualTo(0.5);
    }

    @Test
    void shouldApplyBuiltInDefaults() {
        FeedEntry f =
                load("feeds:\n  - url: https://example.com/feed.xml\n").feeds().get(0);

        assertThat(f.pollInterval()).isEqualTo(Duration.ofMinutes(15));
        assertThat(f.weight()).isZero();
        assertThat(f.tags()).isEmpty();
        assertThat(f.source()).isEmpty();
        assertThat(f.idGiven()).isFalse();
    }

    @Test
    void shouldApplyTheListsDefaultsUnlessTheEntrySaysOtherwise() {
        FeedList list = load("""
                defaults: {pollInterval: 1h, weight: -1}
                feeds:
                  - url: https://a.example.com/rss
                  - url: https://b.example.com/rss
                    pollInterval: PT2M
                    weight: 2.5
                """);

        assertThat(list.feeds().get(0).pollInterval()).isEqualTo(Duration.ofHours(1));
        assertThat(list.feeds().get(0).weight()).isEqualTo(-1.0);
        assertThat(list.feeds().get(1).pollInterval()).isEqualTo(Duration.ofMinutes(2));
        assertThat(list.feeds().get(1).weight()).isEqualTo(2.5);
    }

    @Test
    void shouldReadEveryField() {
        FeedEntry f = load(oneFeed("""
                        source: Example News
                        pollInterval: 1h30m
                        tags: [defense, south-korea]
                        site: https://example.com/
                        category: News/Defense
                        id: example-news
                        """)).feeds().get(0);

        assertThat(f)
                .isEqualTo(new FeedEntry(
                        "example-news",
                        true,
                        "https://example.com/feed.xml",
                        "Example News",
                        Duration.ofMinutes(90),
                        0,
                        List.of("defense", "south-korea"),
                        "https://example.com/",
                        "News/Defense"));
    }

    @Test
    void shouldDeriveTheIdFromTheIdentityFormOfTheUrl() throws Exception {
        String expected = HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256")
                        .digest("https://example.com/feed.xml".getBytes(StandardCharsets.UTF_8)))
                .substring(0, 16);

        assertThat(FeedIds.idFor("https://example.com/feed.xml")).isEqualTo(expected);
        assertThat(FeedIds.idFor("http://WWW.Example.com:80/feed.xml?utm_source=x#top"))
                .isEqualTo(expected);
        assertThat(FeedIds.idFor("https://example.com/other.xml")).isNotEqualTo(expected);
    }

    @Test
    void shouldDeriveFileIdsFromThePathAsWrittenNotFromWhereTheListLives() {
        assertThat(FeedIds.idFor("samples/./feeds/a.xml")).isEqualTo(FeedIds.idFor("samples/feeds/a.xml"));
        assertThat(FeedIds.idFor("samples/feeds/a.xml")).isNotEqualTo(FeedIds.idFor("samples/feeds/b.xml"));
        assertThat(FeedIds.idFor("file:///srv/feeds/a.xml")).isEqualTo(FeedIds.idFor("/srv/feeds/a.xml"));
    }

    @Test
    void shouldKeepAGivenIdWhenTheUrlChanges() {
        String before = "feeds:\n  - {url: https://old.example.com/rss, id: wire}\n";
        String after = "feeds:\n  - {url: https://new.example.com/feed, id: wire}\n";

        assertThat(load(before).feeds().get(0).id()).isEqualTo("wire");
        assertThat(load(after).feeds().get(0).id()).isEqualTo("wire");
        assertThat(load("feeds:\n  - url: https://new.example.com/feed\n")
                        .feeds()
                        .get(0)
                        .id())
                .isEqualTo(FeedIds.idFor("https://new.example.com/feed"))
                .matches("[0-9a-f]{16}");
    }

    @Test
    void shouldAcceptFileUris() {
        FeedEntry f = load("feeds:\n  - url: file:///srv/feeds/a.xml\n").feeds().get(0);

        assertThat(f.isHttp()).isFalse();
        assertThat(f.file(Path.of("/elsewhere"))).contains(Path.of("/srv/feeds/a.xml"));
    }

    @Test
    void shouldRefuseAMissingOrEmptyUrl() {
        assertThat(problems("feeds:\n  - source: X\n  - url: ' '\n"))
                .containsExactly(
                        "feed list t.yaml: feeds[0].url: missing: every feed needs one",
                        "feed list t.yaml: feeds[1].url: is empty");
    }

    @Test
    void shouldRefuseOtherSchemesAndBrokenUrls() {
        assertThat(problems("feeds:\n  - url: ftp://example.com/rss\n  - url: 'http://'\n"))
                .satisfiesExactly(
                        p -> assertThat(p).contains("feeds[0] (ftp://example.com/rss).url: must be an http(s) URL"),
                        p -> assertThat(p).startsWith("feed list t.yaml: feeds[1] (http://).url: "));
    }

    @Test
    void shouldRefuseCredentialsInTheUrl() {
        assertThat(problems("feeds:\n  - url: https://user:secret@example.com/rss\n"))
                .singleElement()
                .asString()
                .contains(".url: must not carry a user name or password");
    }

    @Test
    void shouldRefuseUnknownFieldsEverywhere() {
        assertThat(problems("""
                        feed: []
                        defaults: {interval: 5m}
                        feeds:
                          - url: https://example.com/rss
                            titel: X
                        """))
                .satisfiesExactly(
                        p -> assertThat(p).startsWith("feed list t.yaml: feed: unknown field"),
                        p -> assertThat(p).startsWith("feed list t.yaml: defaults.interval: unknown field"),
                        p -> assertThat(p)
                                .startsWith("feed list t.yaml: feeds[0] (https://example.com/rss).titel: unknown field")
                                .contains("pollInterval"));
    }

    @Test
    void shouldRefusePollIntervalsOutOfBoundsOrUnreadable() {
        assertThat(problems("""
                        feeds:
                          - {url: https://a.example.com/rss, pollInterval: 30s}
                          - {url: https://b.example.com/rss, pollInterval: 2d}
                          - {url: https://c.example.com/rss, pollInterval: soon}
                          - {url: https://d.example.com/rss, pollInterval: 15}
                        defaults: {pollInterval: 10s}
                        """))
                .satisfiesExactly(
                        p -> assertThat(p)
                                .isEqualTo("feed list t.yaml: defaults.pollInterval: must be between 1m and 1d"
                                        + " (got '10s')"),
                        p -> assertThat(p).contains("feeds[0]", ".pollInterval: must be between 1m and 1d (got '30s')"),
                        p -> assertThat(p).contains("feeds[1]", ".pollInterval: must be between 1m and 1d (got '2d')"),
                        p -> assertThat(p).contains("feeds[2]", ".pollInterval: must be a duration like 15m"),
                        p -> assertThat(p).contains("feeds[3]", ".pollInterval: must be a duration like 15m"));
    }

    @Test
    void shouldRefuseWeightsOutOfBoundsOrNotNumbers() {
        assertThat(problems("""
                        feeds:
                          - {url: https://a.example.com/rss, weight: 5.5}
                          - {url: https://b.example.com/rss, weight: '1'}
                          - {url: https://c.example.com/rss, weight: -5}
                        """))
                .satisfiesExactly(
                        p -> assertThat(p)
                                .contains("feeds[0]", ".weight: must be a number between -5.0 and 5.0 (got 5.5)"),
                        p -> assertThat(p).contains("feeds[1]", ".weight: must be a number"));
    }

    @Test
    void shouldRefuseBadTags() {
        assertThat(problems(oneFeed("tags: defense")))
                .singleElement()
                .asString()
                .contains(".tags: must be a list of tag ids (got text)");
        assertThat(problems(oneFeed("tags: [Defense, ai, ai, 3]")))
                .satisfiesExactly(
                        p -> assertThat(p).contains(".tags[0]: must be a tag id"),
                        p -> assertThat(p).contains(".tags[2]: tag 'ai' is listed twice"),
                        p -> assertThat(p).contains(".tags[3]: must be a tag id"));
        String many = "tags: [" + String.join(", ", java.util.Collections.nCopies(21, "t")) + "]";
        assertThat(problems(oneFeed(many))).first().asString().contains(".tags: has 21 tags; at most 20");
    }

    @Test
    void shouldRefuseBadTextFields() {
        assertThat(problems(oneFeed("source: \"A\\nB\"\nsite: example.com\ncategory: 7\nid: Not An Id\n")))
                .satisfiesExactly(
                        p -> assertThat(p).contains(".id: must be 1 to 64 lower-case letters"),
                        p -> assertThat(p).contains(".source: must not contain control characters"),
                        p -> assertThat(p).contains(".site: must be an http(s) URL (got 'example.com')"),
                        p -> assertThat(p).contains(".category: must be text (got a number)"));
        assertThat(problems(oneFeed("source: " + "x".repeat(201))))
                .singleElement()
                .asString()
                .contains(".source: is too long (201 characters)");
    }

    @Test
    void shouldRefuseTheSameFeedTwiceHoweverItIsWritten() {
        assertThat(problems("""
                        feeds:
                          - url: https://example.com/rss
                          - url: https://example.com/rss
                          - url: http://www.example.com/rss?utm_source=reader
                          - {url: https://other.example.com/rss, id: mine}
                          - {url: https://third.example.com/rss, id: mine}
                        """))
                .satisfiesExactly(
                        p -> assertThat(p).contains("feeds[1] (https://example.com/rss): the same feed as feeds[0]"),
                        p -> assertThat(p).contains("feeds[2]", "the same feed as feeds[0]"),
                        p -> assertThat(p).contains("feeds[4]", "the same feed as feeds[3] (feed id mine"));
    }

    @Test
    void shouldListEveryProblemWithItsEntryAndField() {
        List<String> problems = problems("""
                version: 2
                feeds:
                  - url: https://ok.example.com/rss
                  - url: gopher://x
                    weight: 9
                    pollInterval: 0m
                  - just text
                """);

        assertThat(problems)
                .containsExactly(
                        "feed list t.yaml: version: must be 1 (got 2)",
                        "feed list t.yaml: feeds[1] (gopher://x).url: must be an http(s) URL or a file path (got the"
                                + " scheme 'gopher')",
                        "feed list t.yaml: feeds[1] (gopher://x).pollInterval: must be between 1m and 1d (got '0m')",
                        "feed list t.yaml: feeds[1] (gopher://x).weight: must be a number between -5.0 and 5.0 (got 9)",
                        "feed list t.yaml: feeds[2]: must be a mapping with at least a url (got text)");
    }

    @Test
    void shouldRefuseDuplicateKeysWithTheLine() {
        assertThat(problems("feeds:\n  - url: https://a.example.com/rss\n    url: https://b.example.com/rss\n"))
                .singleElement()
                .asString()
                .startsWith("feed list t.yaml: line 3")
                .contains("Duplicate field 'url'");
    }

    @Test
    void shouldRefuseAnEmptyFileOrOneWithoutFeeds() {
        assertThat(problems("")).containsExactly("feed list t.yaml: the file is empty; it needs a 'feeds:' list");
        assertThat(problems("version: 1\n"))
                .containsExactly("feed list t.yaml: feeds: must be a list of feeds (got nothing)");
        assertThat(load("feeds: []\n").feeds()).isEmpty();
    }

    @Test
    void shouldSayWhyAnUnreadableFileFails() {
        assertThatThrownBy(() -> FeedListLoader.load(Path.of("no/such/feeds.yaml")))
                .isInstanceOf(FeedListException.class)
                .hasMessageStartingWith("feed list no/such/feeds.yaml: cannot be read");
    }

    @Test
    void shouldResolveFileFeedsAgainstTheListsDirectory(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path list = dir.resolve("feeds.yaml");
        Files.writeString(list, "feeds:\n  - url: local/a.xml\n  - url: https://example.com/rss\n");

        FeedList feeds = FeedListLoader.load(list);

        assertThat(feeds.feeds().get(0).file(dir)).contains(dir.resolve("local/a.xml"));
        assertThat(feeds.feeds().get(1).file(dir)).isEmpty();
        assertThat(feeds.byId(FeedIds.idFor("https://example.com/rss")))
                .contains(feeds.feeds().get(1));
    }
}
