package io.newsradar.cli;

import io.newsradar.scoring.ScoringRules;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The ruleset a {@code rules} command reads: one bundle FILE, or the two files the scoring
 * stream also accepts ({@code --taxonomy T --routes R}), which make the bundle of their texts.
 */
final class RulesetSource {
    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", description = "The ruleset bundle (YAML).")
    Path bundle;

    @ArgGroup(exclusive = false, multiplicity = "0..1")
    TwoFiles files;

    static final class TwoFiles {
        @Option(
                names = "--taxonomy",
                paramLabel = "FILE",
                required = true,
                description = "Taxonomy YAML, with --routes, instead of a bundle FILE.")
        Path taxonomy;

        @Option(
                names = "--routes",
                paramLabel = "FILE",
                required = true,
                description = "Routes YAML, with --taxonomy, instead of a bundle FILE.")
        Path routes;
    }

    /** Null when the command line is well formed, else what is wrong with it. */
    String usageProblem() {
        if (bundle == null && files == null) {
            return "give a ruleset FILE, or --taxonomy T --routes R";
        }
        if (bundle != null && files != null) {
            return "give a ruleset FILE or --taxonomy T --routes R, not both";
        }
        return null;
    }

    /** The rules, checked; a {@link io.newsradar.scoring.RulesException} lists every problem. */
    ScoringRules rules() {
        return bundle != null ? ScoringRules.loadBundle(bundle) : ScoringRules.load(files.taxonomy, files.routes);
    }

    /** The bundle text, what a publication carries. */
    String bundleText() {
        // the file's text exactly as it is: the rules version is a hash of it
        return bundle != null ? read(bundle) : ScoringRules.readBundleText(files.taxonomy, files.routes);
    }

    String describe() {
        return bundle != null ? bundle.toString() : files.taxonomy + " + " + files.routes;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
