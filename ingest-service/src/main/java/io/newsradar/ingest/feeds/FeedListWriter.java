package io.newsradar.ingest.feeds;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Writes feed entries as feed list YAML ({@link FeedListLoader} reads it back to the same
 * entries), for {@code feeds import} and {@code feeds add}. Fields at their built-in default are
 * left out, and so is an id that was derived from the URL (writing it would pin the key to this
 * URL even when someone later points the entry at another feed).
 */
public final class FeedListWriter {
    /** Plain YAML scalars that would read as something other than text. */
    private static final Set<String> RESERVED =
            Set.of("true", "false", "yes", "no", "on", "off", "y", "n", "null", "~");

    private static final Pattern NUMBER_LIKE = Pattern.compile("[-+.]?[0-9][0-9_.:eE+-]*|[-+]?\\.(inf|nan)");
    private static final Pattern PLAIN_START = Pattern.compile("[\\p{L}/]");

    private FeedListWriter() {}

    /**
     * @param comment a line said at the top, e.g. where the feeds came from; may be empty
     */
    public static String write(List<FeedEntry> feeds, String comment) {
        StringBuilder out = new StringBuilder();
        for (String line : comment.strip().split("\\R")) {
            if (!line.isBlank()) {
                out.append("# ").append(line.strip()).append('\n');
            }
        }
        out.append("version: 1\nfeeds:");
        if (feeds.isEmpty()) {
            return out.append(" []\n").toString();
        }
        out.append('\n');
        for (FeedEntry f : feeds) {
            out.append("  - url: ").append(scalar(f.url())).append('\n');
            field(out, "source", f.source());
            if (!f.pollInterval().equals(PollInterval.DEFAULT)) {
                // digits and unit letters: always a plain scalar
                out.append("    pollInterval: ")
                        .append(PollInterval.format(f.pollInterval()))
                        .append('\n');
            }
            if (f.weight() != 0) {
                out.append("    weight: ").append(number(f.weight())).append('\n');
            }
            if (!f.tags().isEmpty()) {
                // a tag id such as "no" or "2024" would read as a boolean or number unquoted
                out.append("    tags: [")
                        .append(String.join(
                                ", ",
                                f.tags().stream().map(FeedListWriter::scalar).toList()))
                        .append("]\n");
            }
            field(out, "site", f.site());
            field(out, "category", f.category());
            if (f.idGiven()) {
                field(out, "id", f.id());
            }
        }
        return out.toString();
    }

    private static void field(StringBuilder out, String name, String value) {
        if (!value.isEmpty()) {
            out.append("    ").append(name).append(": ").append(scalar(value)).append('\n');
        }
    }

    private static String number(double w) {
        return w == Math.rint(w) ? String.format(Locale.ROOT, "%.1f", w) : Double.toString(w);
    }

    /** The text as a plain scalar when that reads back as the same text, else double-quoted. */
    static String scalar(String s) {
        boolean plain = !s.isEmpty()
                && PLAIN_START.matcher(s.substring(0, 1)).matches()
                && s.equals(s.strip())
                && !s.contains(": ")
                && !s.contains(" #")
                && !s.endsWith(":")
                && s.chars().noneMatch(c -> c < 0x20 || c == 0x7f || c == '\u2028' || c == '\u2029' || c == 0xfeff)
                && !RESERVED.contains(s.toLowerCase(Locale.ROOT))
                && !NUMBER_LIKE.matcher(s).matches();
        if (plain) {
            return s;
        }
        // a JSON string is a valid YAML double-quoted scalar with the same value
        return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(s)) + "\"";
    }
}
