package io.newsradar.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsradar.http.ProcessMeters;
import io.newsradar.ingest.push.PushApi;
import io.newsradar.schemas.config.NewsradarConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.OptionalInt;
import org.apache.kafka.clients.producer.MockProducer;
import org.junit.jupiter.api.Test;

/** The ingest service's HTTP wiring: the port option wins, the push API and /ready are there. */
class IngestHttpTest {
    @Test
    void servesThePushApiOnThePortTheOptionChose() throws Exception {
        NewsradarConfig config =
                NewsradarConfig.defaults().with("http.host", "127.0.0.1").with("http.port", "1");
        MockProducer<String, io.newsradar.avro.NewsArticle> producer = new MockProducer<>();
        producer.close(); // a producer that failed: the readiness check must say so once a send fails
        try (ArticlePublisher publisher = new ArticlePublisher(producer);
                IngestHttp http = IngestHttp.start(config, OptionalInt.of(0), ProcessMeters.newRegistry(), publisher)) {
            HttpClient client = HttpClient.newHttpClient();
            String base = "http://127.0.0.1:" + http.port();

            assertThat(http.port()).isNotEqualTo(1).isPositive();
            HttpResponse<String> ready = client.send(
                    HttpRequest.newBuilder(URI.create(base + "/ready")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(ready.statusCode()).isEqualTo(200);
            assertThat(ready.body()).contains(PushApi.READINESS_CHECK);

            HttpResponse<String> pushed = client.send(
                    HttpRequest.newBuilder(URI.create(base + PushApi.PATH))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(
                                    "{\"url\":\"https://wire.example.com/x\",\"title\":\"X\"}"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(pushed.statusCode()).as(pushed.body()).isEqualTo(503);

            HttpResponse<String> notReady = client.send(
                    HttpRequest.newBuilder(URI.create(base + "/ready")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(notReady.statusCode()).isEqualTo(503);
            assertThat(notReady.body()).contains(PushApi.READINESS_CHECK);
        }
    }
}
