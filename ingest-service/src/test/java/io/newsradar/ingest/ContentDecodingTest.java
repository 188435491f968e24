package io.newsradar.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class ContentDecodingTest {
    private static final byte[] TEXT = "<rss/>".getBytes(StandardCharsets.UTF_8);

    @Test
    void shouldPassIdentityThroughAndInflateGzip() throws Exception {
        assertThat(ContentDecoding.decode(TEXT, null, 100)).isEqualTo(TEXT);
        assertThat(ContentDecoding.decode(TEXT, "identity", 100)).isEqualTo(TEXT);
        assertThat(ContentDecoding.decode(gzip(TEXT), "gzip", 100)).isEqualTo(TEXT);
        assertThat(ContentDecoding.decode(gzip(TEXT), "X-GZIP", 100)).isEqualTo(TEXT);
    }

    @Test
    void shouldStopInflatingAtTheLimit() throws Exception {
        byte[] bomb = gzip(new byte[1_000_000]);

        assertThatThrownBy(() -> ContentDecoding.decode(bomb, "gzip", 10_000))
                .isInstanceOfSatisfying(
                        FetchException.class, e -> assertThat(e.kind()).isEqualTo(FetchException.Kind.TOO_LARGE))
                .hasMessageContaining("once decompressed");
    }

    @Test
    void shouldRefuseAnEncodingNotAskedForAndACorruptBody() {
        assertThatThrownBy(() -> ContentDecoding.decode(TEXT, "br", 100))
                .isInstanceOfSatisfying(
                        FetchException.class, e -> assertThat(e.kind()).isEqualTo(FetchException.Kind.ENCODING))
                .hasMessageContaining("'br'");
        assertThatThrownBy(() -> ContentDecoding.decode(TEXT, "gzip", 100))
                .isInstanceOfSatisfying(
                        FetchException.class, e -> assertThat(e.kind()).isEqualTo(FetchException.Kind.ENCODING))
                .hasMessageContaining("corrupt");
    }

    private static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(data);
        }
        return bytes.toByteArray();
    }
}
