package io.newsradar.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsradar.ingest.feeds.FeedEntry;
import io.newsradar.ingest.feeds.FeedListException;
import io.newsradar.ingest.feeds.FeedListLoader;
import io.newsradar.ingest.feeds.FeedRecords;
import io.newsradar.ingest.service.FeedListPublisher;
import io.newsradar.schemas.feeds.FeedRecord;
import io.newsradar.schemas.topics.Topics;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "add",
        mixinStandardHelpOptions = true,
        description = {
            "Add a feed to feeds.v1, or replace the entry of a feed already listed (same id): running ingest "
                    + "services start polling it without a restart.",
            "The URL, interval, weight and tags are checked as in config/feeds.yaml. A local file path is stored as "
                    + "an absolute path.",
            "A listed id with a URL on another host moves the feed: its record on the old host's partition is "
                    + "removed, and the new owner polls it afresh (its first poll held from alerts).",
            "Exit codes: 0 written; 1 invalid input (the option is named); 4 the cluster could not be reached."
        })
final class FeedsAddCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern URI_SCHEME = Pattern.compile("[a-zA-Z][a-zA-Z0-9+.-]+:.*", Pattern.DOTALL);
    // "feed list <origin>: feeds[0] (<url>).<field>[<i>]: <what>", as FeedListLoader words a problem
    private static final Pattern PROBLEM = Pattern.compile(
            "feed list [^:]*: feeds\\[0\\](?: \\(.*?\\))?\\.([a-zA-Z]+)(\\[\\d+\\])?: (.*)", Pattern.DOTALL);
    private static final Map<String, String> OPTION_OF = Map.of(
            "url", "URL",
            "source", "--source",
            "pollInterval", "--interval",
            "weight", "--weight",
            "tags", "--tag",
            "id", "--id");

    @Spec
    CommandSpec spec;

    @Mixin
    ConfigOptions options = new ConfigOptions();

    @Parameters(index = "0", paramLabel = "URL", description = "The feed: an http(s) URL, or a local file path.")
    String url;

    @Option(
            names = "--source",
            paramLabel = "NAME",
            description = "Outlet name for its articles; default the feed's title.")
    String source;

    @Option(
            names = "--interval",
            paramLabel = "DURATION",
            description = "Time between polls, 1m to 1d (15m, 1h30m, PT15M); default 15m.")
    String interval;

    @Option(
            names = "--weight",
            paramLabel = "W",
            description = "Source weight the scorer gives its articles, -5 to 5, in place of the taxonomy's weight for "
                    + "the outlet; default 0 (the taxonomy's weight applies).")
    String weight;

    @Option(
            names = "--tag",
            paramLabel = "TAG",
            description = "A taxonomy tag id every article of the feed carries (repeatable).")
    List<String> tags = new ArrayList<>();

    @Option(
            names = "--id",
            paramLabel = "ID",
            description = "The feed id (lower-case letters, digits, '-'); default derived from the URL.")
    String id;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        FeedRecord feed;
        try {
            feed = FeedRecords.of(entry(), Path.of(""));
        } catch (InvalidFeedException e) {
            e.problems().forEach(p -> err.println("newsradar feeds add: " + p));
            err.println("newsradar feeds add: nothing written");
            err.flush();
            return ExitCodes.FAILED;
        }
        FeedsCluster cluster = FeedsCluster.connect(options);
        boolean listed = cluster.feeds((k, why) -> {}).containsKey(feed.id());
        int partition;
        Set<Integer> movedFrom;
        try (FeedListPublisher writer = cluster.writer()) {
            partition = writer.partitionFor(feed.url());
            movedFrom = writer.put(feed);
            writer.flush();
        }
        out.println((listed ? "replaced " : "added ") + FeedsListCommand.line(feed) + "  (partition " + partition
                + " of " + Topics.FEEDS.name() + moved(movedFrom) + ")");
        out.flush();
        return ExitCodes.OK;
    }

    /** The host changed: the old partition's record was tombstoned, its poller stops polling the feed. */
    private static String moved(Set<Integer> from) {
        return from.isEmpty()
                ? ""
                : "; moved from partition "
                        + from.stream().map(String::valueOf).collect(Collectors.joining(", "))
                        + ", a new host";
    }

    /** The options as a one-entry feed list, checked by the feed list's own checks. */
    private FeedEntry entry() {
        ObjectNode node = JSON.createObjectNode();
        node.put("url", absoluteIfPath(url));
        if (source != null) {
            node.put("source", source);
        }
        if (interval != null) {
            node.put("pollInterval", interval);
        }
        if (weight != null) {
            putNumberOrText(node, "weight", weight);
        }
        if (!tags.isEmpty()) {
            tags.forEach(node.putArray("tags")::add);
        }
        if (id != null) {
            node.put("id", id);
        }
        ObjectNode list = JSON.createObjectNode();
        list.putArray("feeds").add(node);
        try {
            // JSON is YAML: the list's own reader checks it
            return FeedListLoader.parse(list.toString(), "options").feeds().get(0);
        } catch (FeedListException e) {
            throw new InvalidFeedException(
                    e.problems().stream().map(FeedsAddCommand::naming).toList());
        }
    }

    /** A problem of the one-entry list, worded with the option it is about. */
    static String naming(String problem) {
        Matcher m = PROBLEM.matcher(problem);
        if (!m.matches()) {
            return problem;
        }
        String option = OPTION_OF.getOrDefault(m.group(1), m.group(1));
        return option + ": " + m.group(3);
    }

    private static void putNumberOrText(ObjectNode node, String field, String text) {
        try {
            node.put(field, Double.parseDouble(text.strip()));
        } catch (NumberFormatException e) {
            // the check names it: "must be a number between ..."
            node.put(field, text);
        }
    }

    /** A relative file path made absolute against the working directory; URLs and file: URIs as given. */
    private static String absoluteIfPath(String url) {
        String u = url.strip();
        if (u.isEmpty() || URI_SCHEME.matcher(u).matches()) {
            return u;
        }
        try {
            return Path.of(u).toAbsolutePath().normalize().toString();
        } catch (java.nio.file.InvalidPathException e) {
            return u;
        }
    }

    /** The options do not make a valid feed; each problem names its option. */
    static final class InvalidFeedException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final List<String> problems;

        InvalidFeedException(List<String> problems) {
            super(String.join("; ", problems));
            this.problems = List.copyOf(problems);
        }

        List<String> problems() {
            return problems;
        }
    }
}
