package io.newsradar.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BearerTokenTest {
    @Test
    void matchesOnlyTheSameToken() {
        BearerToken token = BearerToken.of("abc-123", "http.token");

        assertThat(token.matches("abc-123")).isTrue();
        assertThat(token.matches("abc-124")).isFalse();
        assertThat(token.matches("abc-1234")).isFalse();
        assertThat(token.matches("")).isFalse();
        assertThat(token.matches(null)).isFalse();
    }

    @Test
    void refusesTokensAHeaderCannotCarryWithoutPrintingThem() {
        assertThatThrownBy(() -> BearerToken.of("two words", "http.token"))
                .hasMessageContaining("http.token")
                .hasMessageNotContaining("two words");
        assertThatThrownBy(() -> BearerToken.of(" ", "http.token")).hasMessageContaining("blank");
    }

    @Test
    void printsRedacted() {
        assertThat(BearerToken.of("abc-123", "http.token").toString()).doesNotContain("abc-123");
    }

    @Test
    void readsOnlyBearerHeaders() {
        assertThat(BearerAuth.presentedToken("Bearer abc")).hasValue("abc");
        assertThat(BearerAuth.presentedToken("BEARER   abc ")).hasValue("abc");
        assertThat(BearerAuth.presentedToken("Bearer ")).isEmpty();
        assertThat(BearerAuth.presentedToken("Basic abc")).isEmpty();
        assertThat(BearerAuth.presentedToken("Bearerabc")).isEmpty();
        assertThat(BearerAuth.presentedToken(null)).isEmpty();
    }
}
