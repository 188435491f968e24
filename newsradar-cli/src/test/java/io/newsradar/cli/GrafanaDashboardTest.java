package io.newsradar.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The provisioned Grafana dashboard parses, each of its panels (rows aside: they only group)
 * queries the provisioned Prometheus data source with at least one query, panels do not overlap,
 * and every query names at least one metric. (That the names are exported:
 * MonitoringMetricNamesIntegrationTest.)
 */
class GrafanaDashboardTest {
    @Test
    void shouldGiveEveryPanelTheProvisionedDataSourceAndAQuery() {
        JsonNode dashboard = MonitoringQueries.dashboard();
        String uid = ComposeStack.readYaml(MonitoringQueries.DATASOURCES)
                .path("datasources")
                .get(0)
                .path("uid")
                .asText();
        List<JsonNode> panels = MonitoringQueries.panels(dashboard).stream()
                .filter(p -> !"row".equals(p.path("type").asText()))
                .toList();

        assertThat(dashboard.path("uid").asText()).isEqualTo("newsradar");
        assertThat(panels).hasSizeGreaterThanOrEqualTo(10).allSatisfy(p -> {
            String title = p.path("title").asText();
            assertThat(title).isNotBlank();
            assertThat(p.path("datasource").path("uid").asText())
                    .as("data source of %s", title)
                    .isEqualTo(uid);
            assertThat(p.path("targets").size()).as("queries of %s", title).isPositive();
            p.path("targets").forEach(t -> {
                assertThat(t.path("expr").asText()).as("query of %s", title).isNotBlank();
                assertThat(t.path("datasource").path("uid").asText()).isIn(uid, "");
            });
        });
    }

    @Test
    void shouldNameAMetricInEveryQuery() {
        assertThat(MonitoringQueries.dashboardExpressions())
                .isNotEmpty()
                .allSatisfy((panel, expr) -> assertThat(PromQlNames.of(expr))
                        .as("%s: %s", panel, expr)
                        .isNotEmpty());
    }

    @Test
    void shouldShowFlowStuckAlertsFreshnessAndTheJvm() {
        Set<String> rows = new HashSet<>();
        MonitoringQueries.panels(MonitoringQueries.dashboard()).stream()
                .filter(p -> "row".equals(p.path("type").asText()))
                .forEach(p -> rows.add(p.path("title").asText().split(":")[0]));
        assertThat(rows).contains("Flow", "Stuck", "Alerts fired vs delivered", "Freshness", "JVM");
        assertThat(MonitoringQueries.metricNamesUsed().keySet())
                .contains(
                        "newsradar_feed_items_published_total",
                        "newsradar_scoring_scored_total",
                        "newsradar_scoring_alerts_total",
                        "newsradar_sink_deliveries_total",
                        "kafka_consumer_fetch_manager_records_lag",
                        "jvm_memory_used_bytes");
    }

    @Test
    void shouldPlacePanelsWithoutOverlap() {
        Set<String> cells = new HashSet<>();
        MonitoringQueries.panels(MonitoringQueries.dashboard()).forEach(p -> {
            JsonNode g = p.path("gridPos");
            for (int x = g.path("x").asInt();
                    x < g.path("x").asInt() + g.path("w").asInt();
                    x++) {
                for (int y = g.path("y").asInt();
                        y < g.path("y").asInt() + g.path("h").asInt();
                        y++) {
                    assertThat(cells.add(x + ":" + y))
                            .as(
                                    "%s overlaps another panel at %d:%d",
                                    p.path("title").asText(), x, y)
                            .isTrue();
                }
            }
            assertThat(g.path("x").asInt() + g.path("w").asInt()).isLessThanOrEqualTo(24);
        });
    }
}
