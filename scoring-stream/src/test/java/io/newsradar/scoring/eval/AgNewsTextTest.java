package io.newsradar.scoring.eval;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AgNewsTextTest {

    @Test
    void shouldTurnBackslashLineBreaksIntoSpaces() {
        assertThat(AgNewsText.decode("a second\\team of\\\\builders")).isEqualTo("a second team of builders");
    }

    @Test
    void shouldDecodeEntitiesThatLostTheirAmpersandToASpace() {
        assertThat(AgNewsText.decode("the country #39;s first")).isEqualTo("the country's first");
        assertThat(AgNewsText.decode("a prize of  #36;10 million")).isEqualTo("a prize of $10 million");
        assertThat(AgNewsText.decode("talks on  quot;peace quot; plans")).isEqualTo("talks on \"peace\" plans");
        assertThat(AgNewsText.decode("Smith  amp; Sons")).isEqualTo("Smith & Sons");
        // 128-159 are Windows-1252 punctuation, as the feeds meant them
        assertThat(AgNewsText.decode("week  #151; the end")).isEqualTo("week \u2014 the end");
        assertThat(AgNewsText.decode("Newsday #146;s reporter")).isEqualTo("Newsday\u2019s reporter");
        assertThat(AgNewsText.decode("#39;Quoted")).isEqualTo("'Quoted");
    }

    @Test
    void shouldRemoveHtmlMarkupButKeepTickers() {
        assertThat(AgNewsText.decode("Acme Inc. &lt;ACME.N&gt; said &lt;b&gt;more&lt;/b&gt;"))
                .isEqualTo("Acme Inc. <ACME.N> said more");
        assertThat(AgNewsText.decode("see &lt;A HREF=\"http://x.example/\"&gt;here&lt;/A&gt;."))
                .isEqualTo("see here .");
    }

    @Test
    void shouldLeaveOrdinarySemicolonsAlone() {
        assertThat(AgNewsText.decode("a forecast; a quote; rates")).isEqualTo("a forecast; a quote; rates");
    }
}
