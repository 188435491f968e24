package io.newsradar.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QueryStringsTest {
    @Test
    void dropsEveryParameterOfTheNameKeepingTheRestAsItCame() {
        assertThat(QueryStrings.without("token=abc", "token")).isEmpty();
        assertThat(QueryStrings.without("view=a%20b&token=abc&x=1", "token")).isEqualTo("view=a%20b&x=1");
        assertThat(QueryStrings.without("tok%65n=abc&token&tokens=2", "token")).isEqualTo("tokens=2");
        assertThat(QueryStrings.without(null, "token")).isEmpty();
        assertThat(QueryStrings.without("%zz=1&token=2", "token")).isEqualTo("%zz=1");
    }
}
