package io.newsradar.cli;

import io.newsradar.ingest.feeds.FeedIds;
import io.newsradar.ingest.service.FeedListPublisher;
import io.newsradar.schemas.feeds.FeedRecord;
import io.newsradar.schemas.topics.Topics;
import java.io.PrintWriter;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "remove",
        mixinStandardHelpOptions = true,
        description = {
            "Remove a feed from feeds.v1 (a tombstone under its id): running ingest services stop polling it. Its "
                    + "articles already published stay; its polling state stays on feeds.state.v1, so adding it again "
                    + "does not publish its items again.",
            "Exit codes: 0 removed; 1 no such feed listed; 4 the cluster could not be reached."
        })
final class FeedsRemoveCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ConfigOptions options = new ConfigOptions();

    @Parameters(index = "0", paramLabel = "ID|URL", description = "The feed's id (see 'feeds list') or its URL.")
    String feed;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        FeedsCluster cluster = FeedsCluster.connect(options);
        Map<String, FeedRecord> feeds = cluster.feeds((k, why) -> {});
        Optional<FeedRecord> found = find(feeds, feed.strip());
        if (found.isEmpty()) {
            err.println("newsradar feeds remove: no feed with id or URL '" + feed + "' on " + Topics.FEEDS.name() + " ("
                    + feeds.size() + " listed; see 'newsradar feeds list'); nothing removed");
            err.flush();
            return ExitCodes.FAILED;
        }
        FeedRecord f = found.get();
        try (FeedListPublisher writer = cluster.writer()) {
            writer.remove(f.id(), f.url());
            writer.flush();
        }
        out.println("removed " + f.id() + "  " + f.url());
        out.flush();
        return ExitCodes.OK;
    }

    /** By id, else by the URL as listed, else by the id the URL derives (another spelling of one feed). */
    static Optional<FeedRecord> find(Map<String, FeedRecord> feeds, String idOrUrl) {
        if (feeds.containsKey(idOrUrl)) {
            return Optional.of(feeds.get(idOrUrl));
        }
        Optional<FeedRecord> byUrl =
                feeds.values().stream().filter(f -> f.url().equals(idOrUrl)).findFirst();
        if (byUrl.isPresent()) {
            return byUrl;
        }
        try {
            return Optional.ofNullable(feeds.get(FeedIds.idFor(idOrUrl)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
