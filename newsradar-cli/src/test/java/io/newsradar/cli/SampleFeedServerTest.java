package io.newsradar.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleFeedServerTest {
    private final HttpClient client = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    @Test
    void shouldAnswerAConditionalRequestForAnUnchangedFeedWith304AndAChangedOneWith200() throws Exception {
        Path feed = dir.resolve("a.rss.xml");
        Files.writeString(feed, "<rss version=\"2.0\"><channel><title>A</title></channel></rss>");
        Files.setLastModifiedTime(feed, FileTime.from(Instant.parse("2026-11-01T10:00:00Z")));
        try (SampleFeedServer server = SampleFeedServer.start(dir, 0)) {
            HttpResponse<String> first = get(server.urlOf("a.rss.xml"), null, null);
            assertThat(first.statusCode()).isEqualTo(200);
            assertThat(first.headers().firstValue("Content-Type")).hasValue("application/rss+xml; charset=utf-8");
            String etag = first.headers().firstValue("ETag").orElseThrow();
            String lastModified = first.headers().firstValue("Last-Modified").orElseThrow();
            assertThat(lastModified).isEqualTo("Sun, 1 Nov 2026 10:00:00 GMT");

            assertThat(get(server.urlOf("a.rss.xml"), etag, null).statusCode()).isEqualTo(304);
            assertThat(get(server.urlOf("a.rss.xml"), null, lastModified).statusCode())
                    .isEqualTo(304);
            // If-None-Match decides when present, even with a matching date
            assertThat(get(server.urlOf("a.rss.xml"), "\"other\"", lastModified).statusCode())
                    .isEqualTo(200);

            Files.writeString(feed, "<rss version=\"2.0\"><channel><title>A2</title></channel></rss>");
            HttpResponse<String> changed = get(server.urlOf("a.rss.xml"), etag, null);
            assertThat(changed.statusCode()).isEqualTo(200);
            assertThat(changed.body()).contains("A2");
            assertThat(server.fullResponses()).isEqualTo(3);
            assertThat(server.notModifiedResponses()).isEqualTo(2);
        }
    }

    @Test
    void shouldServeOnlyFilesOfItsDirectory() throws Exception {
        Files.writeString(dir.resolve("a.xml"), "<rss/>");
        Files.createDirectories(dir.resolve("sub"));
        Files.writeString(dir.resolve("sub/b.xml"), "<rss/>");
        try (SampleFeedServer server = SampleFeedServer.start(dir, 0)) {
            String base = "http://127.0.0.1:" + server.port() + "/";
            assertThat(get(base + "sub/b.xml", null, null).statusCode()).isEqualTo(404);
            assertThat(get(base + "..%2Fa.xml", null, null).statusCode()).isEqualTo(404);
            assertThat(get(base + "missing.xml", null, null).statusCode()).isEqualTo(404);
            assertThat(get(base, null, null).statusCode()).isEqualTo(404);
            assertThat(server.feedFiles()).containsExactly("a.xml");
        }
    }

    @Test
    void shouldTakeAFreePortWhenItsOldOneIsTaken() throws Exception {
        try (SampleFeedServer first = SampleFeedServer.start(dir, 0);
                SampleFeedServer second = SampleFeedServer.start(dir, first.port())) {
            assertThat(second.port()).isNotEqualTo(first.port()).isPositive();
        }
    }

    private HttpResponse<String> get(String url, String ifNoneMatch, String ifModifiedSince) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).GET();
        if (ifNoneMatch != null) {
            b.header("If-None-Match", ifNoneMatch);
        }
        if (ifModifiedSince != null) {
            b.header("If-Modified-Since", ifModifiedSince);
        }
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
