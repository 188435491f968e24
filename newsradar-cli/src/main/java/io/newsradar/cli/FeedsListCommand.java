package io.newsradar.cli;

import io.newsradar.ingest.feeds.PollInterval;
import io.newsradar.schemas.feeds.FeedRecord;
import io.newsradar.schemas.feeds.FeedState;
import io.newsradar.schemas.topics.Topics;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(
        name = "list",
        mixinStandardHelpOptions = true,
        description = {
            "List the feeds on feeds.v1, by URL: id, URL, source, poll interval, weight, fixed tags; and, from "
                    + "feeds.state.v1, the last successful poll, the next poll, the errors in a row and the last error "
                    + "('never polled' before the first poll).",
            "Exit codes: 0 done; 4 the cluster could not be reached."
        })
final class FeedsListCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ConfigOptions options = new ConfigOptions();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        FeedsCluster cluster = FeedsCluster.connect(options);
        List<String> bad = new ArrayList<>();
        Map<String, FeedsCluster.Listed> listed =
                cluster.listed((key, why) -> bad.add(Topics.FEEDS.name() + " record " + key + ": " + why));
        Map<String, FeedRecord> feeds = new LinkedHashMap<>();
        Map<String, Integer> partitionOf = new HashMap<>();
        listed.forEach((id, l) -> {
            feeds.put(id, l.feed());
            partitionOf.put(id, l.partition());
        });
        Map<String, FeedState> states = cluster.states(
                partitionOf, (key, why) -> bad.add(Topics.FEEDS_STATE.name() + " record " + key + ": " + why));
        if (feeds.isEmpty()) {
            out.println("no feeds on " + Topics.FEEDS.name() + " (add one with 'newsradar feeds add URL')");
        } else {
            out.println(feeds.size() + (feeds.size() == 1 ? " feed" : " feeds") + " on " + Topics.FEEDS.name() + ":");
        }
        feeds.values().stream().sorted(Comparator.comparing(FeedRecord::url)).forEach(f -> {
            out.println(line(f));
            out.println("    " + state(f.url(), states.get(f.id())));
        });
        bad.forEach(b -> err.println("newsradar feeds list: unreadable, skipped: " + b));
        out.flush();
        err.flush();
        return ExitCodes.OK;
    }

    /** The feed's listing: id, URL, source, interval, weight, tags. */
    static String line(FeedRecord f) {
        return f.id() + "  " + f.url() + "  source=" + (f.source().isEmpty() ? "(feed title)" : f.source())
                + "  every " + PollInterval.format(f.pollInterval()) + "  weight="
                + String.format(Locale.ROOT, "%.1f", f.weight()) + "  tags="
                + (f.tags().isEmpty() ? "-" : String.join(",", f.tags()));
    }

    /** What the pollers last recorded about the feed. */
    static String state(String listedUrl, FeedState s) {
        if (s == null) {
            return "never polled";
        }
        StringBuilder sb = new StringBuilder();
        sb.append("last success ").append(time(s.lastSuccessAt()));
        sb.append(", next poll ").append(time(s.nextPollAt()));
        sb.append(", errors in a row ").append(s.consecutiveErrors());
        if (!s.lastError().isEmpty()) {
            sb.append(", last error: ").append(s.lastError());
        }
        if (!s.url().equals(listedUrl)) {
            // a permanent redirect moved the feed; the list keeps the URL it was added with
            sb.append(", fetched from ").append(s.url());
        }
        return sb.toString();
    }

    private static String time(Instant t) {
        return t == null ? "never" : t.toString();
    }
}
