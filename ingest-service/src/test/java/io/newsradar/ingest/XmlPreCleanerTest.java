package io.newsradar.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class XmlPreCleanerTest {

    @Test
    void shouldEscapeBareAmpersands() {
        assertThat(XmlPreCleaner.clean("<t>AT&T & co</t><l href=\"?a=1&b=2\"/>"))
                .isEqualTo("<t>AT&amp;T &amp; co</t><l href=\"?a=1&amp;b=2\"/>");
    }

    @Test
    void shouldKeepXmlEntitiesAndNumericReferences() {
        String xml = "<t>&amp; &lt; &gt; &quot; &apos; &#169; &#xA9;</t>";
        assertThat(XmlPreCleaner.clean(xml)).isEqualTo(xml);
    }

    @Test
    void shouldTurnHtmlEntitiesIntoNumericReferencesAndEscapeUnknownOnes() {
        assertThat(XmlPreCleaner.clean("<t>a&nbsp;b &eacute; &bogus;</t>"))
                .isEqualTo("<t>a&#160;b &#233; &amp;bogus;</t>");
    }

    @Test
    void shouldLeaveTheDoctypeAndReferencesToEntitiesItDeclaresForTheParser() {
        String xml = "<!DOCTYPE rss [<!ENTITY org \"A & B\"><!ENTITY % p \"x\">]><t>&org; &other; &nbsp;</t>";
        assertThat(XmlPreCleaner.clean(xml))
                .isEqualTo(
                        "<!DOCTYPE rss [<!ENTITY org \"A & B\"><!ENTITY % p \"x\">]><t>&org; &amp;other; &#160;</t>");
    }

    @Test
    void shouldLeaveCdataAndCommentsAlone() {
        String xml = "<t><![CDATA[a & b &nbsp;]]></t><!-- x & y -->";
        assertThat(XmlPreCleaner.clean(xml)).isEqualTo(xml);
    }

    @Test
    void shouldDropCharactersXmlForbids() {
        assertThat(XmlPreCleaner.clean("<t>a\u0001b&#1;c&#x0;d\u000Be</t>")).isEqualTo("<t>abcde</t>");
    }
}
