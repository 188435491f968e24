package io.newsradar.scoring;

import io.newsradar.schemas.hash.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Everything the scoring stream needs to judge an article: the taxonomy (tags and score
 * weights), the routes, and the version string stamped on every output record so a score can be
 * traced back to the exact rules that produced it.
 *
 * <p>Rules come either as two files (taxonomy and routes) or as one <em>ruleset bundle</em>: the
 * taxonomy file's fields ({@code name}, {@code version}, {@code scoring}, {@code tags}) and the
 * routes file's {@code routes} in one YAML document, the unit {@code rules publish} puts on
 * {@code rules.v1}. Two files are the bundle of their texts joined ({@link #bundleText}), so both
 * forms of the same rules have the same version.
 *
 * <p>The version is {@code <taxonomy name>-<taxonomy version>-<8 hex of SHA-256 over the bundle
 * text>}, e.g. {@code builtin-1-3fa2c90b}: an edit that forgets to bump the version still shows.
 */
public record ScoringRules(Taxonomy taxonomy, List<Route> routes, String version) {

    /** Class-path folder of the default files (packaged from the repository's config/). */
    public static final String DEFAULTS_RESOURCE_DIR = "io/newsradar/config/";

    public static final String TAXONOMY_FILE = "taxonomy.yaml";
    public static final String ROUTES_FILE = "routes.yaml";

    public ScoringRules {
        Objects.requireNonNull(taxonomy, "taxonomy");
        routes = List.copyOf(routes);
        Objects.requireNonNull(version, "version");
    }

    /** The built-in default taxonomy and routes. */
    public static ScoringRules defaults() {
        return parse(
                resource(TAXONOMY_FILE),
                "classpath:" + DEFAULTS_RESOURCE_DIR + TAXONOMY_FILE,
                resource(ROUTES_FILE),
                "classpath:" + DEFAULTS_RESOURCE_DIR + ROUTES_FILE);
    }

    /** Rules from one bundle file; errors name the file and the place in it. */
    public static ScoringRules loadBundle(Path bundleFile) {
        return parseBundle(readFile(bundleFile), bundleFile.toString());
    }

    /**
     * Rules from a bundle's text. The origin only labels error messages (a file name, a
     * {@code rules.v1} record...).
     */
    public static ScoringRules parseBundle(String bundleYaml, String origin) {
        RulesLoader.Bundle bundle = RulesLoader.ruleset(bundleYaml, origin);
        return new ScoringRules(bundle.taxonomy(), bundle.routes(), version(bundle.taxonomy(), bundleYaml));
    }

    /**
     * The bundle holding the rules of a taxonomy file and a routes file: their texts, one after
     * the other. Valid YAML because the taxonomy has no {@code routes} key (a routes file with
     * other top-level keys fails to parse either way).
     */
    public static String bundleText(String taxonomyYaml, String routesYaml) {
        String taxonomy = taxonomyYaml.endsWith("\n") ? taxonomyYaml : taxonomyYaml + "\n";
        return taxonomy + routesYaml;
    }

    /** The built-in default rules as one bundle, e.g. for {@code rules publish} of the defaults. */
    public static String defaultBundleText() {
        return bundleText(resource(TAXONOMY_FILE), resource(ROUTES_FILE));
    }

    /** The bundle of two files, as {@link #bundleText}; errors name the file. */
    public static String readBundleText(Path taxonomyFile, Path routesFile) {
        return bundleText(readFile(taxonomyFile), readFile(routesFile));
    }

    /** Rules from two files; errors name the file and the place in it. */
    public static ScoringRules load(Path taxonomyFile, Path routesFile) {
        return parse(readFile(taxonomyFile), taxonomyFile.toString(), readFile(routesFile), routesFile.toString());
    }

    /**
     * Rules from text. The origins only label error messages (a file name, "rules.v1 record
     * builtin"...).
     */
    public static ScoringRules parse(
            String taxonomyYaml, String taxonomyOrigin, String routesYaml, String routesOrigin) {
        RulesLoader.Bundle bundle = RulesLoader.files(taxonomyYaml, taxonomyOrigin, routesYaml, routesOrigin);
        return new ScoringRules(
                bundle.taxonomy(), bundle.routes(), version(bundle.taxonomy(), bundleText(taxonomyYaml, routesYaml)));
    }

    private static String version(Taxonomy taxonomy, String bundleText) {
        return taxonomy.name() + "-" + taxonomy.version() + "-" + shortHash(bundleText);
    }

    private static String shortHash(String bundleText) {
        return Sha256.hex(bundleText).substring(0, 8);
    }

    private static String readFile(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new RulesException(file + ": file not found");
        }
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new RulesException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    private static String resource(String name) {
        String path = DEFAULTS_RESOURCE_DIR + name;
        try (InputStream in = ScoringRules.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new RulesException("classpath:" + path + ": missing from the scoring-stream jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read classpath:" + path, e);
        }
    }
}
