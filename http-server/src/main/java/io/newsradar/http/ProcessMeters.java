package io.newsradar.http;

import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * The one meter registry of a process, scraped at {@code GET /metrics}. Create it once in
 * {@code main}, hand it to {@link EmbeddedHttpServer} and to every service of the process, which
 * register their own meters in it (names with a {@code newsradar.} prefix, e.g.
 * {@code newsradar.push.articles}).
 *
 * <p>Kafka client and Kafka Streams metrics: bind Micrometer's {@code KafkaClientMetrics} (per
 * producer/consumer/admin client) and {@code KafkaStreamsMetrics} (per {@code KafkaStreams}) to
 * this registry where the process creates those clients, and close the binders with the clients.
 * They belong to the code that owns the client, not here, because the binder's life is the
 * client's. (Operations issue: this is the place it plugs in.)
 */
public final class ProcessMeters {
    private ProcessMeters() {}

    /** A Prometheus registry with the JVM's own meters (memory, threads, CPU, uptime) bound. */
    public static PrometheusMeterRegistry newRegistry() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        return registry;
    }
}
