package io.newsradar.scoring.state;

import io.newsradar.scoring.RevisionSettings;
import io.newsradar.scoring.stories.StorySettings;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The markdown of {@link StateSizeEvalTest}: per store, per 100,000 articles, per day, per topic. */
final class StateSizeReport {
    private static final long PER = 100_000;

    private final long articles;
    private final long perDay;
    private final StorySettings stories;
    private final RevisionSettings revisions;
    private final List<StateRun.Sample> daily;
    private final StateRun.Sample last;
    private final TopicTally tally;
    private final String applicationId;
    private final Map<SyntheticNews.Kind, Long> kinds;
    private final String counters;
    private final long stateDirBytes;
    private final Duration took;

    StateSizeReport(
            long articles,
            long perDay,
            StorySettings stories,
            RevisionSettings revisions,
            List<StateRun.Sample> daily,
            StateRun.Sample last,
            StateRun run,
            Duration took) {
        this.articles = articles;
        this.perDay = perDay;
        this.stories = stories;
        this.revisions = revisions;
        this.daily = daily;
        this.last = last;
        this.tally = run.tally();
        this.applicationId = run.applicationId();
        this.kinds = Map.copyOf(run.kinds());
        this.counters = run.counters().toString();
        this.stateDirBytes = run.stateDirBytes();
        this.took = took;
    }

    String markdown() {
        StringBuilder b = new StringBuilder();
        b.append(String.format(
                Locale.ROOT,
                "## State size, measured %s%n%n"
                        + "%,d articles at %,d a day (%.1f days of event time); %s; story window %s, revision"
                        + " retention %s; run took %d min.%n%n",
                LocalDate.now(ZoneOffset.UTC),
                articles,
                perDay,
                articles / (double) perDay,
                mix(),
                stories.window(),
                revisions.retention(),
                took.toMinutes()));
        stores(b);
        per100k(b);
        days(b);
        topics(b);
        b.append("\nCounters at the end: ").append(counters).append('\n');
        return b.toString();
    }

    private String mix() {
        return String.format(
                Locale.ROOT,
                "%,d originals, %,d near-duplicate copies from other outlets, %,d corrected revisions",
                kinds.getOrDefault(SyntheticNews.Kind.ORIGINAL, 0L),
                kinds.getOrDefault(SyntheticNews.Kind.COPY, 0L),
                kinds.getOrDefault(SyntheticNews.Kind.REVISION, 0L));
    }

    private void stores(StringBuilder b) {
        b.append("### Per store at the end of the run\n\n")
                .append("| store | kind | entries | key+value bytes | bytes/entry | on disk | changelog records"
                        + " | changelog bytes |\n")
                .append("|---|---|---:|---:|---:|---:|---:|---:|\n");
        long entries = 0;
        long bytes = 0;
        long changelogRecords = 0;
        long changelogBytes = 0;
        for (StoreCensus.StoreSize s : last.stores()) {
            TopicTally.Written c = tally.changelog(applicationId, s.name());
            b.append(String.format(
                    Locale.ROOT,
                    "| `%s` | %s%s | %,d | %s | %s | %s | %,d | %s |%n",
                    s.name(),
                    s.kind(),
                    s.persistent() ? "" : ", in memory",
                    s.entries(),
                    size(s.bytes()),
                    s.entries() == 0 ? "-" : Long.toString(s.bytes() / s.entries()),
                    size(s.diskBytes()),
                    c.records(),
                    size(c.bytes())));
            entries += s.entries();
            bytes += s.bytes();
            changelogRecords += c.records();
            changelogBytes += c.bytes();
        }
        b.append(String.format(
                Locale.ROOT,
                "| **total** | | %,d | %s | | %s (state dir) | %,d | %s |%n%n",
                entries,
                size(bytes),
                size(stateDirBytes),
                changelogRecords,
                size(changelogBytes)));
    }

    private void per100k(StringBuilder b) {
        double f = PER / (double) articles;
        b.append("### Per 100,000 articles")
                .append(articles == PER ? "" : String.format(Locale.ROOT, " (scaled from %,d)", articles))
                .append(
                        "\n\n| store | entries | key+value | on disk | changelog written |\n|---|---:|---:|---:|---:|\n");
        long entries = 0;
        long bytes = 0;
        long disk = 0;
        long changelog = 0;
        for (StoreCensus.StoreSize s : last.stores()) {
            long c = tally.changelog(applicationId, s.name()).bytes();
            b.append(String.format(
                    Locale.ROOT,
                    "| `%s` | %,d | %s | %s | %s |%n",
                    s.name(),
                    Math.round(s.entries() * f),
                    size(Math.round(s.bytes() * f)),
                    size(Math.round(s.diskBytes() * f)),
                    size(Math.round(c * f))));
            entries += s.entries();
            bytes += s.bytes();
            disk += s.diskBytes();
            changelog += c;
        }
        b.append(String.format(
                Locale.ROOT,
                "| **total** | %,d | %s | %s | %s |%n%n",
                Math.round(entries * f),
                size(Math.round(bytes * f)),
                size(Math.round(disk * f)),
                size(Math.round(changelog * f))));
    }

    private void days(StringBuilder b) {
        b.append("### Entries per store at the end of each day of event time\n\n| store |");
        for (int day = 1; day <= daily.size(); day++) {
            b.append(String.format(Locale.ROOT, " day %d |", day));
        }
        b.append(" end |\n|---|");
        daily.forEach(d -> b.append("---:|"));
        b.append("---:|\n");
        for (StoreCensus.StoreSize s : last.stores()) {
            b.append("| `").append(s.name()).append("` |");
            daily.forEach(d -> b.append(String.format(Locale.ROOT, " %,d |", d.entries(s.name()))));
            b.append(String.format(Locale.ROOT, " %,d |%n", s.entries()));
        }
        b.append("| articles so far |");
        daily.forEach(d -> b.append(String.format(Locale.ROOT, " %,d |", d.articles())));
        b.append(String.format(Locale.ROOT, " %,d |%n%n", last.articles()));
    }

    private void topics(StringBuilder b) {
        b.append("### Written per topic (outputs, changelogs, repartition topics)\n\n")
                .append("| topic | records | bytes | records per article | bytes per article |\n")
                .append("|---|---:|---:|---:|---:|\n");
        tally.byTopic()
                .forEach((topic, w) -> b.append(String.format(
                        Locale.ROOT,
                        "| `%s` | %,d | %s | %.2f | %,d |%n",
                        topic,
                        w.records(),
                        size(w.bytes()),
                        w.records() / (double) articles,
                        w.bytes() / articles)));
    }

    static String size(long bytes) {
        if (bytes < 10 * 1024) {
            return String.format(Locale.ROOT, "%,d B", bytes);
        }
        if (bytes < 1L << 20) {
            return String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MiB", bytes / (double) (1L << 20));
    }
}
