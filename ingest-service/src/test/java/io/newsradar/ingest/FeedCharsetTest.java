package io.newsradar.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsradar.avro.NewsArticle;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The charset precedence of {@link FeedCharset}, end to end through {@link FeedReader}. */
class FeedCharsetTest {
    private final FeedReader reader = new FeedReader(new ArticleNormalizer());

    static List<CjkFixtures.Fixture> fixtures() {
        return CjkFixtures.ALL;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void shouldDecodeDeclaredCjkFeeds(CjkFixtures.Fixture fixture) throws Exception {
        byte[] xml = fixture.bytes(true);

        assertThat(titles(xml, null)).isEqualTo(fixture.titles());
        assertThat(FeedCharset.decodeExplained(xml, null).reason()).isEqualTo("XML declaration");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void shouldDetectUndeclaredCjkFeeds(CjkFixtures.Fixture fixture) throws Exception {
        byte[] xml = fixture.bytes(false);

        assertThat(titles(xml, null)).isEqualTo(fixture.titles());
        assertThat(titles(xml, "application/rss+xml")).isEqualTo(fixture.titles());
        assertThat(FeedCharset.decodeExplained(xml, null).reason()).startsWith("detected");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void shouldPreferTheDeclaredCjkCharsetOverAServersDefaultUtf8(CjkFixtures.Fixture fixture) throws Exception {
        byte[] xml = fixture.bytes(true);

        assertThat(titles(xml, "text/xml; charset=UTF-8")).isEqualTo(fixture.titles());
        assertThat(FeedCharset.decodeExplained(xml, "text/xml; charset=UTF-8").reason())
                .isEqualTo("XML declaration");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void shouldDetectCjkBehindAServersDefaultLatin1(CjkFixtures.Fixture fixture) throws Exception {
        // the classic misconfiguration: Apache's AddDefaultCharset in front of an undeclared page
        byte[] xml = fixture.bytes(false);

        assertThat(titles(xml, "text/xml; charset=ISO-8859-1")).isEqualTo(fixture.titles());
        assertThat(FeedCharset.decodeExplained(xml, "text/xml; charset=ISO-8859-1")
                        .reason())
                .startsWith("detected");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void shouldDetectWhenTheDeclarationContradictsTheBytes(CjkFixtures.Fixture fixture) throws Exception {
        String declared = new String(fixture.bytes(true), StandardCharsets.ISO_8859_1)
                .replace("encoding=\"" + fixture.charset() + "\"", "encoding=\"UTF-8\"");
        byte[] xml = declared.getBytes(StandardCharsets.ISO_8859_1);

        assertThat(titles(xml, null)).isEqualTo(fixture.titles());
        assertThat(FeedCharset.decodeExplained(xml, null).reason())
                .isEqualTo("detected; the bytes contradict XML declaration UTF-8");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void shouldKeepTheDeclaredCharsetOfAFeedWithOneStrayByte(CjkFixtures.Fixture fixture) throws Exception {
        // a lone byte 0xFF (a lead byte in none of these charsets, or one without its trail byte)
        // before the last description's end, as a feed cut and joined mid-character has
        String text = new String(fixture.bytes(true), StandardCharsets.ISO_8859_1);
        int at = text.lastIndexOf("</description>");
        byte[] xml = (text.substring(0, at) + "\u00ff" + text.substring(at)).getBytes(StandardCharsets.ISO_8859_1);

        assertThat(titles(xml, null)).isEqualTo(fixture.titles());
        assertThat(FeedCharset.decodeExplained(xml, null).reason())
                .isEqualTo("XML declaration, 1 undecodable byte sequence(s) replaced");
    }

    @Test
    void shouldPreferValidUtf8DeclarationOverAServersDefaultLatin1() throws Exception {
        String title = "Caf\u00e9 \u2014 \uc11c\uc6b8";
        byte[] xml = feed("UTF-8", title).getBytes(StandardCharsets.UTF_8);

        assertThat(titles(xml, "text/xml; charset=ISO-8859-1")).containsExactly(title);
    }

    @Test
    void shouldKeepTheHttpCharsetWhenBothLabelsAreSingleByte() throws Exception {
        // windows-1251 and windows-1252 both decode any byte: nothing to tell them apart but RFC 7303
        String title = "\u041d\u043e\u0432\u043e\u0441\u0442\u0438 \u0434\u043d\u044f";
        byte[] xml = feed("windows-1252", title).getBytes(Charset.forName("windows-1251"));

        assertThat(titles(xml, "text/xml; charset=windows-1251")).containsExactly(title);
    }

    @Test
    void shouldNotMistakeDeclaredLatin1ForACjkCharset() throws Exception {
        String title = "Les \u00e9lections r\u00e9gionales: o\u00f9 en est la c\u00f4te d'\u00e9t\u00e9?";
        byte[] xml = feed("ISO-8859-1", title).getBytes(StandardCharsets.ISO_8859_1);

        assertThat(titles(xml, null)).containsExactly(title);
        assertThat(titles(xml, "text/xml; charset=ISO-8859-1")).containsExactly(title);
    }

    @Test
    void shouldLetAByteOrderMarkOverrideTheHttpCharset() throws Exception {
        String title = "\u6771\u4eac\u306e\u30cb\u30e5\u30fc\u30b9";
        byte[] body = feed("ISO-8859-1", title).getBytes(StandardCharsets.UTF_8);
        byte[] xml = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, body);

        assertThat(titles(xml, "text/xml; charset=ISO-8859-1")).containsExactly(title);
        assertThat(FeedCharset.decodeExplained(xml, "text/xml; charset=ISO-8859-1")
                        .reason())
                .isEqualTo("byte order mark");
    }

    static Stream<Arguments> unicodeForms() {
        return Stream.of(
                Arguments.of("UTF-16BE", new byte[] {(byte) 0xFE, (byte) 0xFF}),
                Arguments.of("UTF-16LE", new byte[] {(byte) 0xFF, (byte) 0xFE}),
                Arguments.of("UTF-32BE", new byte[] {0, 0, (byte) 0xFE, (byte) 0xFF}),
                Arguments.of("UTF-32LE", new byte[] {(byte) 0xFF, (byte) 0xFE, 0, 0}));
    }

    @ParameterizedTest(name = "{0} with a BOM")
    @MethodSource("unicodeForms")
    void shouldDecodeUtf16And32WithAByteOrderMark(String charset, byte[] bom) throws Exception {
        String title = "\ud55c\uad6d \ub274\uc2a4 \ud83d\udcf0 \u65b0\u805e";
        byte[] xml = concat(bom, feed(null, title).getBytes(Charset.forName(charset)));

        // a server label that contradicts the BOM loses
        assertThat(titles(xml, "text/xml; charset=UTF-8")).containsExactly(title);
    }

    @ParameterizedTest(name = "{0} without a BOM")
    @MethodSource("unicodeForms")
    void shouldDecodeUtf16And32WithoutAByteOrderMark(String charset, byte[] unusedBom) throws Exception {
        String title = "\ud55c\uad6d \ub274\uc2a4 \ud83d\udcf0 \u65b0\u805e";
        byte[] xml = feed(charset, title).getBytes(Charset.forName(charset));

        assertThat(titles(xml, null)).containsExactly(title);
        assertThat(FeedCharset.decodeExplained(xml, null).charset()).isEqualTo(Charset.forName(charset));
    }

    @Test
    void shouldReadCharsetLabelsAsBrowsersDo() {
        assertThat(CharsetLabels.forLabel("EUC-KR")).contains(Charset.forName("x-windows-949"));
        assertThat(CharsetLabels.forLabel("gb2312")).contains(Charset.forName("GB18030"));
        assertThat(CharsetLabels.forLabel("Shift_JIS")).contains(Charset.forName("windows-31j"));
        assertThat(CharsetLabels.forLabel("big5")).contains(Charset.forName("Big5-HKSCS"));
        assertThat(CharsetLabels.forLabel("latin1")).contains(Charset.forName("windows-1252"));
        assertThat(CharsetLabels.forLabel("no-such-charset")).isEmpty();
    }

    @Test
    void shouldDecodeACp949OnlySyllableInAFeedLabelledEucKr() throws Exception {
        // "똠" is not among EUC-KR's 2,350 syllables; Korean servers write it in CP949 all the same
        String title = "\ub620\uc591\uafb8 \ub9db\uc9d1";
        byte[] xml = feed("EUC-KR", title).getBytes(Charset.forName("x-windows-949"));

        assertThat(titles(xml, null)).containsExactly(title);
    }

    private List<String> titles(byte[] xml, String contentType) throws Exception {
        ArticleReadResult result = reader.parse(xml, contentType, "https://news.example/feed");
        assertThat(result.errors()).isEmpty();
        return result.articles().stream().map(NewsArticle::getTitle).toList();
    }

    /** An RSS feed with one item titled {@code title}, declaring {@code encoding} when not null. */
    private static String feed(String encoding, String title) {
        String decl = encoding == null ? "" : "<?xml version=\"1.0\" encoding=\"" + encoding + "\"?>\n";
        return decl + "<rss version=\"2.0\"><channel><title>t</title><link>https://news.example/</link>"
                + "<item><title>" + title + "</title><link>https://news.example/1</link>"
                + "<description>d</description></item></channel></rss>";
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
