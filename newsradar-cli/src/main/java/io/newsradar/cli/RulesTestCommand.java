package io.newsradar.cli;

import io.newsradar.avro.NewsArticle;
import io.newsradar.ingest.ArticleNormalizer;
import io.newsradar.ingest.ArticleReadResult;
import io.newsradar.ingest.IngestError;
import io.newsradar.ingest.JsonLinesArticleReader;
import io.newsradar.localkafka.TopicAdmin;
import io.newsradar.schemas.config.NewsradarConfig;
import io.newsradar.schemas.topics.Topics;
import io.newsradar.scoring.RulesException;
import io.newsradar.scoring.ScoringApp;
import io.newsradar.scoring.ScoringRules;
import io.newsradar.scoring.ruleset.ArticleScan;
import io.newsradar.scoring.ruleset.Backtest;
import io.newsradar.scoring.ruleset.Publication;
import io.newsradar.scoring.ruleset.RulesetLog;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(
        name = "test",
        mixinStandardHelpOptions = true,
        description = {
            "Dry-run (backtest) a ruleset over sample articles or a topic's history, next to the rules in force. "
                    + "Scores every article with both and prints per-tag counts (candidate, baseline, delta), which "
                    + "articles would alert on each route, and the articles whose alerts differ. Nothing is written "
                    + "anywhere, and nothing is scored again on the live topics.",
            "--against reads a sample (one article JSON, or JSON lines, as ingest --file and explain read); "
                    + "--against-topic scans a raw-article topic (e.g. news.raw.v1) from its beginning, read_committed, "
                    + "keeping the articles published within --since (record times are publish times and not in "
                    + "offset order, so the whole topic is read and filtered; progress goes to stderr).",
            "The baseline is --baseline FILE, else the ruleset in force on rules.v1 (same name as the candidate) "
                    + "when a broker is configured, else the configured or built-in rules.",
            "Exit code 0; 1 when the candidate is invalid; 3 when sample lines were rejected (the rest was scored)."
        })
final class RulesTestCommand implements Callable<Integer> {
    /** How often a topic scan reports progress, in records. */
    static final long PROGRESS_EVERY = 10_000;

    @Spec
    CommandSpec spec;

    @Mixin
    ConfigOptions options = new ConfigOptions();

    @Mixin
    RulesetSource source = new RulesetSource();

    @ArgGroup(exclusive = true, multiplicity = "1")
    Against against;

    static final class Against {
        @Option(
                names = "--against",
                paramLabel = "SAMPLE",
                description = "Articles to score: a JSON object or JSON lines.")
        Path sample;

        @Option(
                names = "--against-topic",
                paramLabel = "TOPIC",
                description = "A topic of NewsArticle records to scan, e.g. news.raw.v1 (read only).")
        String topic;
    }

    @Option(
            names = "--since",
            paramLabel = "AGE",
            converter = SinceOption.class,
            description = "Only articles published within this time before now: 7d, 12h, 30m or P7D.")
    Duration since;

    @Option(
            names = "--baseline",
            paramLabel = "FILE",
            description = "Compare with this ruleset bundle instead of the rules in force.")
    Path baselineFile;

    @Option(names = "--limit", paramLabel = "N", description = "Articles listed per list (default 20).")
    int limit = 20;

    @Override
    public Integer call() throws IOException {
        String usage = source.usageProblem();
        if (usage != null) {
            throw new ParameterException(spec.commandLine(), usage);
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ScoringRules candidate;
        try {
            candidate = source.rules();
        } catch (RulesException e) {
            RulesCheckCommand.report(err, source.describe() + " (candidate)", e);
            return ExitCodes.FAILED;
        }
        NewsradarConfig config = options.load();
        Instant cutoff = since == null ? Instant.MIN : Instant.now().minus(since);
        Baseline baseline = baseline(config, candidate);
        out.println("candidate: rules " + candidate.version() + " (" + source.describe() + ")");
        out.println("baseline:  rules " + baseline.rules().version() + " (" + baseline.origin() + ")");
        int code = ExitCodes.OK;
        try (Backtest backtest = new Backtest(candidate, baseline.rules())) {
            if (against.sample != null) {
                code = scoreSample(backtest, cutoff, out, err);
            } else {
                scanTopic(config, backtest, cutoff, out, err);
            }
            BacktestReport.print(out, backtest.result(), RulesCheckCommand.routeNames(candidate), limit);
        }
        return code;
    }

    private int scoreSample(Backtest backtest, Instant cutoff, PrintWriter out, PrintWriter err) throws IOException {
        Path file = against.sample;
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toAbsolutePath().toString(), null, "no such file");
        }
        ArticleReadResult read;
        try (InputStream in = Files.newInputStream(file)) {
            read = ArticleInput.read(
                    in, file.toString(), new JsonLinesArticleReader(new ArticleNormalizer(Clock.systemUTC())));
        }
        for (IngestError e : read.errors()) {
            err.println(e.message());
        }
        err.flush();
        long tooOld = 0;
        for (NewsArticle a : read.articles()) {
            if (a.getPublishedAt().isBefore(cutoff)) {
                tooOld++;
            } else {
                backtest.add(a);
            }
        }
        out.println("articles:  " + (read.articles().size() - tooOld) + " from " + file
                + (tooOld > 0 ? " (" + tooOld + " published before " + cutoff + " left out)" : "")
                + (read.errors().isEmpty() ? "" : "; " + read.errors().size() + " lines rejected"));
        return read.errors().isEmpty() ? ExitCodes.OK : ExitCodes.SOME_REJECTED;
    }

    private void scanTopic(
            NewsradarConfig config, Backtest backtest, Instant cutoff, PrintWriter out, PrintWriter err) {
        // reachability within a bounded wait (exit 4), and a clear word for a topic that is not there
        if (!TopicAdmin.listTopics(config.kafkaClientProps()).contains(against.topic)) {
            throw new IllegalArgumentException(
                    "topic " + against.topic + " does not exist on " + config.bootstrapServers());
        }
        ArticleScan.Summary s = ArticleScan.scan(
                config.kafkaClientProps(),
                against.topic,
                cutoff,
                TopicAdmin.DEFAULT_REACH_TIMEOUT,
                PROGRESS_EVERY,
                backtest::add,
                p -> {
                    err.println(String.format(
                            Locale.ROOT,
                            "scanned %d of %d records of %s (%d%%), %d kept",
                            p.scanned(),
                            p.total(),
                            against.topic,
                            p.total() == 0 ? 100 : p.scanned() * 100 / p.total(),
                            p.kept()));
                    err.flush();
                });
        out.println("articles:  " + s.kept() + " from " + against.topic + " (scanned " + s.scanned() + " records"
                + (since == null ? "" : ", " + s.tooOld() + " published before " + cutoff + " left out")
                + (s.undecodable() == 0 ? "" : ", " + s.undecodable() + " not an article") + ")");
    }

    record Baseline(ScoringRules rules, String origin) {}

    /** --baseline, else the candidate's ruleset in force on rules.v1, else the configured (or built-in) rules. */
    private Baseline baseline(NewsradarConfig config, ScoringRules candidate) {
        if (baselineFile != null) {
            return new Baseline(ScoringRules.loadBundle(baselineFile), baselineFile.toString());
        }
        String name = candidate.taxonomy().name();
        if (config.get(NewsradarConfig.BOOTSTRAP_SERVERS) != null) {
            if (TopicAdmin.listTopics(config.kafkaClientProps()).contains(Topics.RULES.name())) {
                Optional<Publication> active = RulesetLog.read(
                                config.kafkaClientProps(), TopicAdmin.DEFAULT_REACH_TIMEOUT)
                        .active(name);
                if (active.isPresent()) {
                    return new Baseline(
                            active.get().rules(),
                            "in force on " + Topics.RULES.name() + ": "
                                    + active.get().key());
                }
            }
        }
        String configured = config.get(ScoringApp.RULES_FILE) != null || config.get(ScoringApp.TAXONOMY_FILE) != null
                ? "the configured rules"
                : "the built-in rules";
        return new Baseline(ScoringApp.rulesFrom(config), configured + ", nothing of ruleset " + name + " in force");
    }
}
