package io.newsradar.scoring.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsradar.avro.IngestChannel;
import io.newsradar.avro.NewsArticle;
import io.newsradar.schemas.hash.Sha256;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The texts of the labelled items. They are not in the repository (their licences do not allow
 * it, eval/LABELLING.md): they are read from the shared evaluation folder, by default
 * {@code ../shared/eval} next to the repository root, or a folder given explicitly.
 */
public final class EvalCorpus {
    /** System property naming the shared evaluation folder explicitly. */
    public static final String DIR_PROPERTY = "newsradar.eval.dir";

    public static final String AGNEWS_FILE = "news/agnews_test_sample5000.jsonl";
    public static final String FWD_FILE = "news/fwd_news_headlines_sample2000.json";

    /** AG items carry no date; a fixed one in their year keeps runs identical (tags ignore it). */
    static final Instant AGNEWS_DATE = Instant.parse("2004-09-01T00:00:00Z");

    private static final ObjectMapper JSON = new ObjectMapper();

    private EvalCorpus() {}

    /** A stratum and id of the shared file, in file order (to re-derive the sample). */
    public record SourceRow(String group, String id) {}

    /** The shared file's items: the articles by id, and the rows in file order. */
    public record Texts(Map<String, NewsArticle> articles, List<SourceRow> rows) {}

    /** The repository root: the nearest folder from {@code start} up that holds eval/LABELLING.md. */
    public static Path repositoryRoot(Path start) {
        for (Path p = start.toAbsolutePath().normalize(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("eval").resolve("LABELLING.md"))) {
                return p;
            }
        }
        throw new IllegalStateException("no repository root (a folder with eval/LABELLING.md) above " + start);
    }

    /** The explicit folder when {@code explicitDir} is set, else {@code <root>/../shared/eval}. */
    public static Path evalDir(Path repositoryRoot, String explicitDir) {
        if (explicitDir != null && !explicitDir.isBlank()) {
            return Path.of(explicitDir).toAbsolutePath().normalize();
        }
        return repositoryRoot
                .resolve("..")
                .resolve("shared")
                .resolve("eval")
                .toAbsolutePath()
                .normalize();
    }

    /**
     * Why the evaluation cannot run on {@code evalDir}, or null when both files are there. The
     * message names the missing files and how to point the run at them.
     */
    public static String missing(Path evalDir) {
        List<String> absent = new ArrayList<>();
        for (String f : List.of(AGNEWS_FILE, FWD_FILE)) {
            if (!Files.isRegularFile(evalDir.resolve(f))) {
                absent.add(evalDir.resolve(f).toString());
            }
        }
        if (absent.isEmpty()) {
            return null;
        }
        return "evaluation texts not found: " + String.join(", ", absent)
                + " missing. They are not in the repository; put the shared evaluation folder at"
                + " ../shared/eval next to the repository root, or pass -D" + DIR_PROPERTY + "=DIR";
    }

    /** AG News: title plus description (decoded, see {@link AgNewsText}) as the body. */
    public static Texts agnews(Path file) {
        Map<String, NewsArticle> articles = new LinkedHashMap<>();
        List<SourceRow> rows = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int n = 0;
            while ((line = in.readLine()) != null) {
                n++;
                if (line.isBlank()) {
                    continue;
                }
                JsonNode j = JSON.readTree(line);
                String id = required(j, "id", file, n);
                String title = AgNewsText.decode(required(j, "title", file, n));
                String body = AgNewsText.decode(required(j, "description", file, n));
                articles.put(id, article(id, "agnews", title, body, AGNEWS_DATE));
                rows.add(new SourceRow(required(j, "label_name", file, n), id));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return new Texts(articles, rows);
    }

    /** The fwd headlines: the title alone, an empty body (the set is labelled on titles only). */
    public static Texts fwd(Path file) {
        Map<String, NewsArticle> articles = new LinkedHashMap<>();
        List<SourceRow> rows = new ArrayList<>();
        try {
            JsonNode array = JSON.readTree(file.toFile());
            int n = 0;
            for (JsonNode j : array) {
                n++;
                String id = "fwd-" + required(j, "source_index", file, n);
                Instant published = j.hasNonNull("timestamp")
                        ? Instant.ofEpochSecond(j.get("timestamp").asLong())
                        : AGNEWS_DATE;
                articles.put(
                        id, article(id, "fwd", required(j, "title", file, n).strip(), "", published));
                rows.add(new SourceRow(required(j, "category", file, n), id));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return new Texts(articles, rows);
    }

    static NewsArticle article(String id, String source, String title, String body, Instant publishedAt) {
        return NewsArticle.newBuilder()
                .setId(id)
                .setSource(source)
                .setTitle(title)
                .setBody(body)
                .setPublishedAt(publishedAt)
                .setFetchedAt(publishedAt)
                .setContentHash(sha256(title + "\n" + body))
                .setChannel(IngestChannel.FILE)
                .build();
    }

    static String sha256(String s) {
        return Sha256.hex(s);
    }

    private static String required(JsonNode j, String field, Path file, int item) {
        if (!j.hasNonNull(field)) {
            throw new IllegalArgumentException(file + " item " + item + ": missing " + field);
        }
        return j.get(field).asText();
    }
}
