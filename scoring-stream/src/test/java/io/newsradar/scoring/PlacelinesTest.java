package io.newsradar.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PlacelinesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            value = {
                "\"SEOUL, Nov 3 (Reuters) - The army said.\" | \"SEOUL, Nov 3 (Reuters) - \"",
                "\"WASHINGTON (AP) \u2014 The Pentagon said.\" | \"WASHINGTON (AP) \u2014 \"",
                "\"NEW YORK, Nov. 3, 2026 (AP) -- Stocks fell.\" | \"NEW YORK, Nov. 3, 2026 (AP) -- \"",
                "\"TOKYO \u2014 Japan's ministry said.\" | \"TOKYO \u2014 \"",
                "\"Seoul, Nov 3 (Yonhap) -- The ministry said.\" | \"Seoul, Nov 3 (Yonhap) -- \"",
                "\"SEOUL, South Korea - The army said.\" | \"SEOUL, South Korea - \"",
            })
    void shouldFindTheDateline(String body, String dateline) {
        List<Placelines.Span> spans = Placelines.find(body);
        assertThat(spans).hasSize(1);
        assertThat(body.substring(spans.get(0).start(), spans.get(0).end())).isEqualTo(dateline);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            value = {
                "South Korea's army said on Monday it would deploy drones.",
                "Seoul - the capital - hosted the talks.",
                "The Navy - and the Army - asked for more.",
                "\"\"",
            })
    void shouldNotTakeAnOrdinaryFirstSentenceForADateline(String body) {
        assertThat(Placelines.find(body == null ? "" : body)).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void shouldFindALeadingBylineAndAClosingCredit() {
        String body = "By Jane Doe, Seoul bureau\nThe army said it would test drones. "
                + "(Reporting by Hyonhee Shin in Seoul; Editing by Ed Davies)";
        List<Placelines.Span> spans = Placelines.find(body);
        assertThat(spans).hasSize(2);
        assertThat(body.substring(spans.get(0).start(), spans.get(0).end())).isEqualTo("By Jane Doe, Seoul bureau\n");
        assertThat(body.substring(spans.get(1).start(), spans.get(1).end()))
                .isEqualTo("(Reporting by Hyonhee Shin in Seoul; Editing by Ed Davies)");
    }
}
