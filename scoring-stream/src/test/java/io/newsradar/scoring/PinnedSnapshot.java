package io.newsradar.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsradar.avro.NewsArticle;
import io.newsradar.scoring.eval.EvalCorpus;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Function;

/**
 * A text pinned in a test resource, for tests that must notice any change of results made for
 * speed: lines written out for the team's own texts, and one digest line ({@code eval ...}) per
 * block of the shared evaluation texts when they are there (../shared/eval, not in the
 * repository). Without them, the {@code eval} lines are left out of the comparison.
 */
public final class PinnedSnapshot {
    private static final int BLOCK = 100;

    private PinnedSnapshot() {}

    /**
     * Compares {@code actual} with the resource, or rewrites the resource's source file when the
     * system property {@code updateProperty} is true (after a change MEANT to change results).
     */
    public static void assertMatches(Class<?> test, String resource, String updateProperty, String actual)
            throws IOException {
        if (Boolean.getBoolean(updateProperty)) {
            Path file = Path.of("src", "test", "resources").resolve(resource);
            Files.createDirectories(file.getParent());
            Files.writeString(file, actual, StandardCharsets.UTF_8);
            System.out.println(test.getSimpleName() + ": snapshot rewritten: " + file.toAbsolutePath());
            return;
        }
        String expected = read(test, resource);
        if (!evalTextsPresent()) {
            // the eval blocks cannot be recomputed here: compare the rest
            System.out.println(
                    test.getSimpleName() + ": evaluation texts absent, comparing the written-out lines only");
            expected = withoutEvalLines(expected);
        }
        assertThat(actual).isEqualTo(expected);
    }

    /** The shared evaluation texts as articles (AG News, then the headlines), or none when absent. */
    public static List<NewsArticle> evalArticles() {
        if (!evalTextsPresent()) {
            return List.of();
        }
        Path dir = evalDir();
        List<NewsArticle> all = new ArrayList<>();
        all.addAll(EvalCorpus.agnews(dir.resolve(EvalCorpus.AGNEWS_FILE))
                .articles()
                .values());
        all.addAll(EvalCorpus.fwd(dir.resolve(EvalCorpus.FWD_FILE)).articles().values());
        return all;
    }

    /**
     * One line per block of 100 articles: {@code eval <label >first-id +n digest}, the digest over
     * what {@code describe} writes for the block's articles.
     *
     * @param label written after {@code eval}, or null for none
     */
    public static String evalBlocks(String label, List<NewsArticle> eval, Function<NewsArticle, String> describe) {
        StringBuilder out = new StringBuilder();
        for (int from = 0; from < eval.size(); from += BLOCK) {
            StringBuilder block = new StringBuilder();
            List<NewsArticle> part = eval.subList(from, Math.min(eval.size(), from + BLOCK));
            part.forEach(a -> block.append(describe.apply(a)));
            out.append("eval ")
                    .append(label == null ? "" : label + " ")
                    .append(part.get(0).getId())
                    .append(" +")
                    .append(part.size())
                    .append(' ')
                    .append(digest(block.toString()))
                    .append('\n');
        }
        return out.toString();
    }

    private static boolean evalTextsPresent() {
        return EvalCorpus.missing(evalDir()) == null;
    }

    private static Path evalDir() {
        Path root = EvalCorpus.repositoryRoot(Path.of(""));
        return EvalCorpus.evalDir(root, System.getProperty(EvalCorpus.DIR_PROPERTY));
    }

    private static String read(Class<?> test, String resource) throws IOException {
        try (InputStream in = test.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as("the pinned snapshot " + resource).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String withoutEvalLines(String text) {
        StringBuilder out = new StringBuilder();
        text.lines()
                .filter(l -> !l.startsWith("eval "))
                .forEach(l -> out.append(l).append('\n'));
        return out.toString();
    }

    private static String digest(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
