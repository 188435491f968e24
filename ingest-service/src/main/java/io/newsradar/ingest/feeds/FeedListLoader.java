package io.newsradar.ingest.feeds;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads and checks a feed list ({@code config/feeds.yaml}):
 *
 * <pre>
 * version: 1                 # optional; 1 is the only version
 * defaults:                  # optional
 *   pollInterval: 15m        # 1m .. 1d, ISO-8601 (PT15M) or short (15m, 1h30m); built-in default 15m
 *   weight: 0                # -5 .. 5; built-in default 0
 * feeds:
 *   - url: https://example.com/feed.xml   # required: http(s) URL, or a file path relative to this file
 *     source: Example News                # optional: outlet name; default the feed's own title
 *     pollInterval: 30m                   # optional
 *     weight: 1.5                         # optional
 *     tags: [defense]                     # optional: tag ids every article of the feed carries
 *     site: https://example.com/          # optional: the outlet's web site
 *     category: News/Defense              # optional: reader folder, informational
 *     id: 1a2b3c4d5e6f7a8b                # optional: keeps the feed's key when its URL is edited
 * </pre>
 *
 * Unknown fields, duplicate keys and two entries for one feed (same id, which covers URLs that
 * differ only in http/https, {@code www.}, tracking parameters or query order) are refused.
 * Every problem is reported at once ({@link FeedListException#problems()}).
 */
public final class FeedListLoader {
    private static final Set<String> TOP_FIELDS = Set.of("version", "defaults", "feeds");
    private static final Set<String> DEFAULT_FIELDS = Set.of("pollInterval", "weight");

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            // "url: a" and then "url: b" in one entry is a mistake worth hearing about
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private FeedListLoader() {}

    public static FeedList load(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new FeedListException("feed list " + file + ": cannot be read (" + e.getMessage() + ")", e);
        }
        return parse(text, file.toString());
    }

    /** @param origin names the list in every problem, e.g. its path */
    public static FeedList parse(String yaml, String origin) {
        String prefix = "feed list " + origin + ": ";
        JsonNode root;
        try {
            root = yaml == null || yaml.isBlank() ? null : YAML.readTree(yaml);
        } catch (JsonProcessingException e) {
            String msg = e.getOriginalMessage();
            int nl = msg == null ? -1 : msg.indexOf('\n');
            String where = e.getLocation() == null
                    ? ""
                    : "line " + e.getLocation().getLineNr() + ", column "
                            + e.getLocation().getColumnNr() + ": ";
            throw new FeedListException(prefix + where + (nl < 0 ? msg : msg.substring(0, nl)), e);
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            throw new FeedListException(List.of(prefix + "the file is empty; it needs a 'feeds:' list"));
        }
        List<String> problems = new ArrayList<>();
        if (!root.isObject()) {
            throw new FeedListException(List.of(prefix + "must be a mapping with a 'feeds:' list"));
        }
        FeedEntryChecks.unknownFields(
                root, TOP_FIELDS, "", (w, what) -> problems.add(prefix + w.substring(1) + ": " + what));
        JsonNode version = root.get("version");
        if (version != null && !(version.isIntegralNumber() && version.intValue() == 1)) {
            problems.add(prefix + "version: must be 1 (got " + version + ")");
        }
        FeedEntryChecks.Defaults defaults = defaults(root.get("defaults"), prefix, problems);
        JsonNode feeds = root.get("feeds");
        List<FeedEntry> entries = new ArrayList<>();
        if (feeds == null || !feeds.isArray()) {
            problems.add(prefix + "feeds: must be a list of feeds (got " + FeedEntryChecks.kind(feeds) + ")");
        } else {
            Map<String, Integer> ids = new HashMap<>();
            for (int i = 0; i < feeds.size(); i++) {
                String where = prefix + "feeds[" + i + "]" + label(feeds.get(i));
                FeedEntry e = FeedEntryChecks.entry(
                        feeds.get(i), defaults, (f, what) -> problems.add(where + f + ": " + what));
                if (e == null) {
                    continue;
                }
                Integer first = ids.putIfAbsent(e.id(), i);
                if (first != null) {
                    problems.add(where + ": the same feed as feeds[" + first + "] (feed id " + e.id()
                            + "; URLs that differ only in http/https, www., tracking parameters or query order"
                            + " are one feed)");
                    continue;
                }
                entries.add(e);
            }
        }
        if (!problems.isEmpty()) {
            throw new FeedListException(problems);
        }
        return new FeedList(entries);
    }

    private static FeedEntryChecks.Defaults defaults(JsonNode d, String prefix, List<String> problems) {
        FeedEntryChecks.Defaults builtIn = FeedEntryChecks.Defaults.BUILT_IN;
        if (d == null || d.isNull()) {
            return builtIn;
        }
        if (!d.isObject()) {
            problems.add(prefix + "defaults: must be a mapping (got " + FeedEntryChecks.kind(d) + ")");
            return builtIn;
        }
        FeedEntryChecks.unknownFields(
                d, DEFAULT_FIELDS, "defaults", (w, what) -> problems.add(prefix + w + ": " + what));
        Duration poll = FeedEntryChecks.pollInterval(
                d.get("pollInterval"), "defaults.pollInterval", (w, what) -> problems.add(prefix + w + ": " + what));
        Double weight = FeedEntryChecks.weight(
                d.get("weight"), "defaults.weight", (w, what) -> problems.add(prefix + w + ": " + what));
        return new FeedEntryChecks.Defaults(
                poll == null ? builtIn.pollInterval() : poll, weight == null ? builtIn.weight() : weight);
    }

    /** " (url)" so a problem names the feed as well as its index. */
    private static String label(JsonNode entry) {
        JsonNode url = entry == null ? null : entry.get("url");
        return url != null && url.isTextual() && !url.textValue().isBlank()
                ? " (" + url.textValue().strip() + ")"
                : "";
    }
}
