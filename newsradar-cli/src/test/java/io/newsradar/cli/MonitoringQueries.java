package io.newsradar.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The PromQL of the compose stack: every alerting rule of docker/prometheus/rules and every panel
 * query of the Grafana dashboards, with the metric names they read.
 */
final class MonitoringQueries {
    static final Path DASHBOARDS_DIR = ComposeStack.ROOT.resolve("docker/grafana/dashboards");
    static final Path DASHBOARD = DASHBOARDS_DIR.resolve("newsradar.json");
    static final Path DATASOURCES = ComposeStack.ROOT.resolve("docker/grafana/provisioning/datasources/prometheus.yml");

    /** Series Prometheus makes itself for every target. */
    static final Set<String> PROMETHEUS_OWN = Set.of("up", "scrape_duration_seconds", "scrape_samples_scraped");

    private static final ObjectMapper JSON = new ObjectMapper();

    private MonitoringQueries() {}

    /** Every rule of every rules file, in file order. */
    static List<JsonNode> rules() {
        try (Stream<Path> files = Files.list(ComposeStack.RULES_DIR)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".rules.yml"))
                    .sorted()
                    .map(ComposeStack::readYaml)
                    .flatMap(doc -> stream(doc.path("groups")))
                    .flatMap(group -> stream(group.path("rules")))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The rules' expressions by alert name. */
    static Map<String, String> ruleExpressions() {
        Map<String, String> exprs = new LinkedHashMap<>();
        rules().forEach(r -> exprs.put(r.path("alert").asText(), r.path("expr").asText()));
        return exprs;
    }

    static JsonNode dashboard() {
        try {
            return JSON.readTree(DASHBOARD.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + DASHBOARD, e);
        }
    }

    /** Every panel of a dashboard, those nested in collapsed rows included. */
    static List<JsonNode> panels(JsonNode dashboard) {
        List<JsonNode> out = new ArrayList<>();
        dashboard.path("panels").forEach(p -> {
            out.add(p);
            p.path("panels").forEach(out::add);
        });
        return out;
    }

    /** The dashboard's queries, by "panel title / refId". */
    static Map<String, String> dashboardExpressions() {
        Map<String, String> exprs = new LinkedHashMap<>();
        panels(dashboard())
                .forEach(p -> p.path("targets")
                        .forEach(t -> exprs.put(
                                p.path("title").asText() + " / "
                                        + t.path("refId").asText(),
                                t.path("expr").asText())));
        return exprs;
    }

    /** Every metric name the rules and the dashboard read, with where each is read. */
    static Map<String, Set<String>> metricNamesUsed() {
        Map<String, Set<String>> used = new java.util.TreeMap<>();
        ruleExpressions()
                .forEach((alert, expr) -> PromQlNames.of(expr)
                        .forEach(n ->
                                used.computeIfAbsent(n, k -> new TreeSet<>()).add("rule " + alert)));
        dashboardExpressions()
                .forEach((panel, expr) -> PromQlNames.of(expr)
                        .forEach(n ->
                                used.computeIfAbsent(n, k -> new TreeSet<>()).add("panel " + panel)));
        return used;
    }

    /** The metric names of a Prometheus text scrape: every sample line's name. */
    static Set<String> scrapedNames(String scrape) {
        Set<String> names = new TreeSet<>();
        scrape.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).forEach(l -> names.add(l.split("[{ ]", 2)[0]));
        return names;
    }

    static Stream<JsonNode> stream(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false);
    }
}
