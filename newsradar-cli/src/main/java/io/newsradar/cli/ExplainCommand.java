package io.newsradar.cli;

import io.newsradar.avro.NewsArticle;
import io.newsradar.avro.ScoredArticle;
import io.newsradar.ingest.ArticleNormalizer;
import io.newsradar.ingest.ArticleReadResult;
import io.newsradar.ingest.IngestError;
import io.newsradar.ingest.JsonLinesArticleReader;
import io.newsradar.schemas.config.NewsradarConfig;
import io.newsradar.scoring.ScoringApp;
import io.newsradar.scoring.ScoringEngine;
import io.newsradar.scoring.ScoringRules;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "explain",
        mixinStandardHelpOptions = true,
        description = {
            "Score articles the way the scoring stream would and show why, without Kafka (no broker, no topics).",
            "Reads one article (a JSON object, pretty-printed or not) or many (JSON lines) in the article JSON "
                    + "that ingest --file accepts: title, body (or content, or summary), url (or source and guid), "
                    + "source, publishedAt, author, language.",
            "Prints one news.scored.v1 record (ScoredArticle) as a JSON line per article, in input order: tags "
                    + "and where they matched, score, contributions with their sentences, rationale, key points, the "
                    + "routes that would fire and the rules version. --text prints a report for people instead, with "
                    + "why each route does or does not alert.",
            "The rules are those of --rules (a ruleset bundle), or --taxonomy and --routes, else those of --config "
                    + "(scoring.rules.file, else scoring.taxonomy.file and scoring.routes.file, else the built-in "
                    + "defaults). The rules published on rules.v1 are not read: explain needs no broker.",
            "An input line that is not a valid article is reported on stderr as 'FILE line N: reason' and produces "
                    + "no output; the others are still explained, and the exit code is then 3."
        })
final class ExplainCommand implements Callable<Integer> {
    /** Stands for standard input in place of a file. */
    static final String STDIN = "-";

    @Spec
    CommandSpec spec;

    @Mixin
    ConfigFileOption options = new ConfigFileOption();

    @Parameters(index = "0", paramLabel = "FILE|-", description = "The article JSON file, or - for standard input.")
    String input;

    @Option(names = "--text", description = "Print a readable report per article instead of JSON lines.")
    boolean text;

    @ArgGroup(exclusive = false, multiplicity = "0..1")
    RulesFiles rulesFiles;

    @Option(
            names = "--rules",
            paramLabel = "FILE",
            description = "A ruleset bundle (taxonomy and routes in one YAML) to try instead of the configured rules.")
    Path rulesBundle;

    @Option(
            names = "--fetched-at",
            paramLabel = "INSTANT",
            description = "Score as if the articles had been fetched at this time (e.g. 2026-04-20T12:00:00Z), "
                    + "as the stream saw them; default: now. A publish time after it is capped to it, as ingest does.")
    Instant fetchedAt;

    /** Where {@code -} reads from; tests put their own input here. */
    InputStream stdin = System.in;

    /** Both files or neither, as scoring.taxonomy.file and scoring.routes.file: half a ruleset is a mistake. */
    static final class RulesFiles {
        @Option(
                names = "--taxonomy",
                paramLabel = "FILE",
                required = true,
                description = "Taxonomy YAML to try instead of the configured one (needs --routes).")
        Path taxonomy;

        @Option(
                names = "--routes",
                paramLabel = "FILE",
                required = true,
                description = "Routes YAML to try instead of the configured one (needs --taxonomy).")
        Path routes;
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ScoringRules rules = ScoringApp.rulesFrom(config());
        ScoringEngine engine = ScoringEngine.of(rules);
        Clock clock = fetchedAt == null ? Clock.systemUTC() : Clock.fixed(fetchedAt, ZoneOffset.UTC);
        JsonLinesArticleReader reader = new JsonLinesArticleReader(new ArticleNormalizer(clock));
        ArticleReadResult read = read(reader);

        for (IngestError e : read.errors()) {
            err.println(e.message());
        }
        for (IngestError n : read.notes()) {
            err.println("note: " + n.message());
        }
        err.flush();
        for (NewsArticle article : read.articles()) {
            // revision 1: explained on its own, every article is the first content of its id
            ScoredArticle scored = engine.score(article, 1);
            if (text) {
                out.println(ExplainReport.render(scored, RouteVerdict.all(rules.routes(), scored)));
            } else {
                out.println(AvroJson.line(scored));
            }
        }
        out.flush();
        return read.errors().isEmpty() ? ExitCodes.OK : ExitCodes.SOME_REJECTED;
    }

    /** The configured settings, with the rules files of the command line in place of the configured ones. */
    private NewsradarConfig config() {
        NewsradarConfig config = options.load();
        if (rulesBundle != null && rulesFiles != null) {
            throw new ParameterException(
                    spec.commandLine(), "give --rules or --taxonomy and --routes, not both: they name one ruleset");
        }
        if (rulesBundle != null) {
            config = config.with(ScoringApp.RULES_FILE, rulesBundle.toString());
        }
        if (rulesFiles != null) {
            // a bundle in the config file would win over the files of the command line
            config = config.with(ScoringApp.RULES_FILE, "")
                    .with(ScoringApp.TAXONOMY_FILE, rulesFiles.taxonomy.toString())
                    .with(ScoringApp.ROUTES_FILE, rulesFiles.routes.toString());
        }
        return config;
    }

    private ArticleReadResult read(JsonLinesArticleReader reader) throws IOException {
        if (STDIN.equals(input)) {
            return ArticleInput.read(stdin, "stdin", reader);
        }
        Path file = Path.of(input);
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toAbsolutePath().toString(), null, "no such file");
        }
        try (InputStream in = Files.newInputStream(file)) {
            return ArticleInput.read(in, input, reader);
        }
    }
}
