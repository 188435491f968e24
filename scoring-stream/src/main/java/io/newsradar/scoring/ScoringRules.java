package io.newsradar.scoring;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * Everything the scoring stream needs to judge an article: the taxonomy (tags and score
 * weights), the routes, and the version string stamped on every output record so a score can be
 * traced back to the exact rules that produced it.
 *
 * <p>The version is {@code <taxonomy name>-<taxonomy version>-<8 hex of SHA-256 over both files'
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
        Taxonomy taxonomy = RulesLoader.taxonomy(taxonomyYaml, taxonomyOrigin);
        List<Route> routes = RulesLoader.routes(routesYaml, routesOrigin, taxonomy);
        String version = taxonomy.name() + "-" + taxonomy.version() + "-" + shortHash(taxonomyYaml, routesYaml);
        return new ScoringRules(taxonomy, routes, version);
    }

    private static String shortHash(String taxonomyYaml, String routesYaml) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(taxonomyYaml.getBytes(StandardCharsets.UTF_8));
            // a separator byte that cannot occur in text, so moving lines between files changes the hash
            sha.update((byte) 0);
            sha.update(routesYaml.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest(), 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
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
