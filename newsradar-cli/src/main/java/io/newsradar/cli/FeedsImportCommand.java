package io.newsradar.cli;

import io.newsradar.ingest.feeds.FeedEntry;
import io.newsradar.ingest.feeds.FeedListException;
import io.newsradar.ingest.feeds.FeedListLoader;
import io.newsradar.ingest.feeds.FeedRecords;
import io.newsradar.ingest.feeds.OpmlImport;
import io.newsradar.ingest.feeds.OpmlImporter;
import io.newsradar.ingest.service.FeedListPublisher;
import io.newsradar.schemas.feeds.FeedRecord;
import io.newsradar.schemas.topics.Topics;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "import",
        mixinStandardHelpOptions = true,
        description = {
            "Put every feed of a feed list (YAML, as config/feeds.yaml) or of a feed reader's OPML export on feeds.v1; "
                    + "feeds already listed (same id) are replaced, other listed feeds are left alone.",
            "A YAML list is all or nothing: any problem is listed and nothing is written. OPML outlines that are not "
                    + "valid feeds, or repeat one, are skipped with a note. Relative file paths are stored absolute.",
            "Exit codes: 0 written; 1 invalid list; 4 the cluster could not be reached."
        })
final class FeedsImportCommand implements Callable<Integer> {
    private static final Set<String> YAML = Set.of("yaml", "yml");

    @Spec
    CommandSpec spec;

    @Mixin
    ConfigOptions options = new ConfigOptions();

    @Parameters(
            index = "0",
            paramLabel = "FILE",
            description = "A feed list (.yaml, .yml) or an OPML export (.opml, .xml).")
    Path file;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<FeedEntry> entries;
        try {
            entries = read(err);
        } catch (FeedListException e) {
            (e.problems().isEmpty() ? List.of(e.getMessage()) : e.problems())
                    .forEach(p -> err.println("newsradar feeds import: " + p));
            err.println("newsradar feeds import: nothing written");
            err.flush();
            return ExitCodes.FAILED;
        }
        List<FeedRecord> records = FeedRecords.ofList(entries, file);
        FeedsCluster cluster = FeedsCluster.connect(options);
        Map<String, FeedRecord> listed = cluster.feeds((k, why) -> {});
        long replaced = records.stream().filter(r -> listed.containsKey(r.id())).count();
        try (FeedListPublisher writer = cluster.writer()) {
            writer.publish(records);
        }
        records.forEach(
                r -> out.println((listed.containsKey(r.id()) ? "replaced " : "added ") + FeedsListCommand.line(r)));
        out.println("imported " + records.size() + (records.size() == 1 ? " feed" : " feeds") + " from " + file + " to "
                + Topics.FEEDS.name() + " (" + (records.size() - replaced) + " new, " + replaced + " replaced)");
        out.flush();
        return ExitCodes.OK;
    }

    private List<FeedEntry> read(PrintWriter err) {
        String name =
                file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        String ext = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : "";
        if (YAML.contains(ext)) {
            return FeedListLoader.load(file).feeds();
        }
        OpmlImport opml = OpmlImporter.read(file);
        opml.notes().forEach(n -> err.println("newsradar feeds import: skipped: " + n));
        err.flush();
        return opml.feeds();
    }
}
