package io.newsradar.ingest.feeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpmlImporterTest {

    private static OpmlImport read(String xml) {
        return OpmlImporter.read(xml.getBytes(StandardCharsets.UTF_8), "subs.opml");
    }

    private static final String READER_EXPORT = """
            <?xml version="1.0" encoding="UTF-8"?>
            <opml version="2.0">
              <head><title>My subscriptions</title></head>
              <body>
                <outline text="Defense" title="Defense">
                  <outline type="rss" text="Example Defense Wire" title="Example Defense Wire"
                           xmlUrl="https://defense.example.com/rss.xml" htmlUrl="https://defense.example.com/"/>
                  <outline text="Asia">
                    <outline type="rss" text="Seoul Desk" xmlUrl="https://seoul.example.kr/feed"/>
                  </outline>
                </outline>
                <outline type="rss" text="Top level &amp; loose" xmlURL="http://loose.example.org/atom.xml"/>
              </body>
            </opml>
            """;

    @Test
    void shouldTurnFeedOutlinesIntoEntriesWithFoldersAsCategories() {
        OpmlImport opml = read(READER_EXPORT);

        assertThat(opml.notes()).isEmpty();
        assertThat(opml.feeds())
                .extracting(FeedEntry::url, FeedEntry::source, FeedEntry::category, FeedEntry::site)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                "https://defense.example.com/rss.xml",
                                "Example Defense Wire",
                                "Defense",
                                "https://defense.example.com/"),
                        org.assertj.core.groups.Tuple.tuple(
                                "https://seoul.example.kr/feed", "Seoul Desk", "Defense/Asia", ""),
                        org.assertj.core.groups.Tuple.tuple(
                                "http://loose.example.org/atom.xml", "Top level & loose", "", ""));
        FeedEntry first = opml.feeds().get(0);
        assertThat(first.id()).isEqualTo(FeedIds.idFor("https://defense.example.com/rss.xml"));
        assertThat(first.idGiven()).isFalse();
        assertThat(first.pollInterval()).isEqualTo(Duration.ofMinutes(15));
        assertThat(first.weight()).isZero();
    }

    @Test
    void shouldSkipDuplicatesAndBadOutlinesWithANote() {
        OpmlImport opml = read("""
                <opml version="1.0"><body>
                  <outline text="A"><outline text="Wire" xmlUrl="https://wire.example.com/rss"/></outline>
                  <outline text="B"><outline text="Wire again" xmlUrl="http://www.wire.example.com/rss"/></outline>
                  <outline text="Local" xmlUrl="/home/me/feed.xml"/>
                  <outline text="Creds" xmlUrl="https://me:pw@private.example.com/rss"/>
                  <outline text="Odd site" xmlUrl="https://odd.example.com/rss" htmlUrl="javascript:alert(1)"/>
                </body></opml>
                """);

        assertThat(opml.feeds())
                .extracting(FeedEntry::url)
                .containsExactly("https://wire.example.com/rss", "https://odd.example.com/rss");
        assertThat(opml.notes())
                .satisfiesExactly(
                        n -> assertThat(n)
                                .startsWith("OPML subs.opml: outline 4 (Wire again) at line 3:")
                                .endsWith("skipped: the same feed as outline 2"),
                        n -> assertThat(n).contains("outline 5 (Local)", "skipped: xmlUrl must be an http(s) URL"),
                        n -> assertThat(n).contains("outline 6 (Creds)", "skipped: xmlUrl: must not carry a user name"),
                        n -> assertThat(n)
                                .contains("outline 7 (Odd site)", "htmlUrl 'javascript:alert(1)'", "left out"));
    }

    @Test
    void shouldRefuseXxeWithAClearError(@TempDir Path dir) throws Exception {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "top-secret");
        String xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE opml [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>\n"
                + "<opml version=\"2.0\"><body><outline text=\"&xxe;\" xmlUrl=\"https://x.example.com/rss\"/></body></opml>";

        assertThatThrownBy(() -> read(xxe))
                .isInstanceOf(FeedListException.class)
                .hasMessageStartingWith("OPML subs.opml: refused: the file has a DOCTYPE")
                .hasMessageNotContaining("top-secret");
    }

    @Test
    void shouldRefuseBillionLaughs() {
        String laughs =
                "<?xml version=\"1.0\"?>\n<!DOCTYPE opml [<!ENTITY a \"lol\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;\">"
                        + "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;\">]>\n<opml><body><outline text=\"&c;\"/></body></opml>";

        assertThatThrownBy(() -> read(laughs))
                .isInstanceOf(FeedListException.class)
                .hasMessageContaining("DOCTYPE");
    }

    @Test
    void shouldRefuseWhatIsNotOpml() {
        assertThatThrownBy(() -> read("<rss version=\"2.0\"><channel/></rss>"))
                .hasMessage("OPML subs.opml: not an OPML file (the root element is <rss>)");
        assertThatThrownBy(() -> read("<opml><body><outline text=\"x\"></body></opml>"))
                .isInstanceOf(FeedListException.class)
                .hasMessageStartingWith("OPML subs.opml: line 1: not well-formed XML (The element type \"outline\"")
                .hasMessageNotContaining("ParseError");
        assertThatThrownBy(() -> read("")).isInstanceOf(FeedListException.class);
        assertThatThrownBy(() -> OpmlImporter.read(new byte[OpmlImporter.MAX_BYTES + 1], "big.opml"))
                .hasMessage("OPML big.opml: larger than 5 MB");
    }

    @Test
    void shouldReadAFileAndGiveWhatTheWriterTurnsIntoALoadableList(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("subs.opml");
        Files.writeString(file, READER_EXPORT);

        OpmlImport opml = OpmlImporter.read(file);
        String yaml = FeedListWriter.write(opml.feeds(), "imported from subs.opml");

        assertThat(yaml)
                .startsWith(
                        "# imported from subs.opml\nversion: 1\nfeeds:\n  - url: https://defense.example.com/rss.xml\n");
        assertThat(FeedListLoader.parse(yaml, "out.yaml").feeds()).isEqualTo(opml.feeds());
    }
}
