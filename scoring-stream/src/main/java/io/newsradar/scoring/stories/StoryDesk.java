package io.newsradar.scoring.stories;

import io.newsradar.avro.Alert;
import io.newsradar.avro.NewsArticle;
import io.newsradar.avro.ScoredArticle;
import io.newsradar.schemas.alert.AlertStatus;
import io.newsradar.scoring.AlertHold;
import io.newsradar.scoring.Provisional;
import io.newsradar.scoring.Route;
import io.newsradar.scoring.ScoreCard;
import io.newsradar.scoring.ScoringCounters;
import io.newsradar.scoring.ScoringEngine;
import io.newsradar.scoring.mutes.MuteDirectory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * TEMPORARY stage 4 (helper C1), replaced by helper C2's StoryDesk at merge: the contract only
 * (constructor, {@link #stores}, {@link #storeNames}), with the least behaviour the topology tests
 * need: outlets per story, coverage, routes, holds, one NEW alert per story and route.
 */
public final class StoryDesk implements Processor<String, StoryAssignment, String, StoryOutput> {
    static final String STORIES_STORE = "stories";

    private final Supplier<ScoringEngine> engine;
    private ProcessorContext<String, StoryOutput> context;
    private KeyValueStore<String, String> stories;

    public StoryDesk(
            StorySettings settings, Supplier<ScoringEngine> engine, MuteDirectory mutes, ScoringCounters counters) {
        this.engine = engine;
    }

    public static List<StoreBuilder<?>> stores(StorySettings settings) {
        return List.of(Stores.keyValueStoreBuilder(
                        Stores.persistentKeyValueStore(STORIES_STORE), Serdes.String(), Serdes.String())
                .withCachingDisabled());
    }

    public static String[] storeNames() {
        return new String[] {STORIES_STORE};
    }

    @Override
    public void init(ProcessorContext<String, StoryOutput> context) {
        this.context = context;
        this.stories = context.getStateStore(STORIES_STORE);
    }

    @Override
    public void process(Record<String, StoryAssignment> record) {
        StoryAssignment a = record.value();
        if (a.isRetraction()) {
            context.forward(record.withValue(new StoryOutput(null, List.of())));
            return;
        }
        // stored as: line 1 the routes alerted on, then one outlet per line
        String stored = stories.get(a.storyId());
        List<String> lines = stored == null ? List.of("") : Arrays.asList(stored.split("\n", -1));
        Set<String> alerted = new LinkedHashSet<>(
                lines.get(0).isEmpty() ? List.of() : Arrays.asList(lines.get(0).split(",")));
        Set<String> outlets = new LinkedHashSet<>(lines.subList(1, lines.size()));
        Provisional p = a.provisional();
        NewsArticle article = p.scored().getArticle();
        outlets.add(article.getSource().toLowerCase(Locale.ROOT));
        ScoringEngine e = engine.get();
        ScoreCard card = e.withCoverage(p, outlets.size());
        List<Route> routes = e.routesFor(p.scored(), card.score());
        Optional<String> hold = AlertHold.sentence(article, routes);
        String rationale = hold.map(h -> (card.rationale() + " " + h).strip()).orElse(card.rationale());
        List<Route> taken = hold.isPresent() ? List.of() : routes;
        ScoredArticle scored = ScoredArticle.newBuilder(p.scored())
                .setScore(card.score())
                .setContributions(card.contributions())
                .setRationale(rationale)
                .setStoryId(a.storyId())
                .setRoutes(taken.stream().map(Route::name).toList())
                .setCoverage(outlets.size())
                .setOutlets(new ArrayList<>(outlets))
                .build();
        List<Alert> alerts = new ArrayList<>();
        for (Route route : taken) {
            if (alerted.add(route.name())) {
                alerts.add(Alert.newBuilder(ScoringEngine.alert(scored, route))
                        .setAlertId(AlertStatus.alertId(a.storyId(), route.name(), 1))
                        .setStatus(AlertStatus.NEW)
                        .setLifecycle(AlertStatus.lifecycleFor(AlertStatus.NEW))
                        .setSequence(1)
                        .setCoverage(outlets.size())
                        .setOutlets(new ArrayList<>(outlets))
                        .build());
            }
        }
        stories.put(a.storyId(), String.join(",", alerted) + "\n" + String.join("\n", outlets));
        context.forward(record.withValue(new StoryOutput(scored, alerts)));
    }
}
