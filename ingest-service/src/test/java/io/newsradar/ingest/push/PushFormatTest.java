package io.newsradar.ingest.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsradar.http.HttpError;
import org.junit.jupiter.api.Test;

class PushFormatTest {
    @Test
    void readsTheMediaTypeWhateverItsCaseAndParameters() {
        assertThat(PushFormat.of("application/json")).isEqualTo(PushFormat.SINGLE);
        assertThat(PushFormat.of("Application/JSON; charset=\"utf-8\"")).isEqualTo(PushFormat.SINGLE);
        assertThat(PushFormat.of("application/x-ndjson")).isEqualTo(PushFormat.BATCH);
        assertThat(PushFormat.of("application/ndjson;charset=UTF8")).isEqualTo(PushFormat.BATCH);
        assertThat(PushFormat.of("application/jsonl")).isEqualTo(PushFormat.BATCH);
    }

    @Test
    void refusesOtherTypesAndCharsetsWith415() {
        for (String type :
                new String[] {null, "", "text/plain", "application/xml", "application/json; charset=latin1"}) {
            assertThatThrownBy(() -> PushFormat.of(type))
                    .as(String.valueOf(type))
                    .isInstanceOfSatisfying(
                            HttpError.class, e -> assertThat(e.status()).isEqualTo(415));
        }
    }
}
