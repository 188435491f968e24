package io.newsradar.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FeedDatesTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "Thu, 01 Jan 2004 19:48:21 GMT|2004-01-01T19:48:21Z",
                "Thu, 1 Jan 2004 19:48:21 +0900|2004-01-01T10:48:21Z",
                "Thu, 01 Jan 2004 19:48 EST|2004-01-02T00:48:00Z",
                "01 Jan 04 19:48:21 PDT|2004-01-02T02:48:21Z",
                "Thursday, 01 January 2004 19:48:21 +09:00|2004-01-01T10:48:21Z",
                "Thu, 01-Jan-2004 19:48:21 KST|2004-01-01T10:48:21Z",
                "Thu, 01 Jan 2004 19:48:21 CEST|2004-01-01T17:48:21Z",
                "Thu, 01 Jan 2004 19:48:21|2004-01-01T19:48:21Z",
                "Thu, 01 Jan 2004 19:48:21 GMT+0100 (CET)|2004-01-01T18:48:21Z",
                "Thu, 01 Jan 2004 19:48:21 Z|2004-01-01T19:48:21Z",
                "Thu, 01 Jan 2004|2004-01-01T00:00:00Z",
                "Jan 5, 2004 10:00 AM EST|2004-01-05T15:00:00Z",
                "Jan 5, 2004 10:00:00 EST|2004-01-05T15:00:00Z",
                "Thu Jan 01 19:48:21 2004|2004-01-01T19:48:21Z",
                "2004-01-01T19:48:21Z|2004-01-01T19:48:21Z",
                "2004-01-01T19:48:21.123456+05:30|2004-01-01T14:18:21.123456Z",
                "2004-01-01T19:48Z|2004-01-01T19:48:00Z",
                "2004-01-01T19:48:21+0900|2004-01-01T10:48:21Z",
                "2004-01-01 19:48:21|2004-01-01T19:48:21Z",
                "2004-01-01t19:48:21z|2004-01-01T19:48:21Z",
                "2004-01-01|2004-01-01T00:00:00Z",
                "2004-01|2004-01-01T00:00:00Z",
                "2004|2004-01-01T00:00:00Z",
                "2016-12-31T23:59:60Z|2017-01-01T00:00:00Z",
                "2019-10-12T07:20:50.52Z|2019-10-12T07:20:50.520Z",
                "  Thu,  01 Jan 2004   19:48:21   GMT |2004-01-01T19:48:21Z",
            })
    void shouldReadCommonFeedDateFormats(String text, String expected) {
        assertThat(FeedDates.parse(text)).contains(Instant.parse(expected));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "   ",
                "yesterday",
                "Thu, 32 Jan 2004 10:00:00 GMT",
                "2004-13-01",
                "Thu, 01 Foo 2004 10:00 GMT",
                "Thu, 01 Jan 2004 10:00:00 Mars/Olympus"
            })
    void shouldLeaveUnreadableDatesEmpty(String text) {
        assertThat(FeedDates.parse(text)).isEmpty();
    }
}
