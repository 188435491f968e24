package io.newsradar.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsradar.avro.IngestChannel;
import io.newsradar.avro.NewsArticle;
import io.newsradar.schemas.article.ArticleMarks;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads articles from a JSON-lines file, one object per line (the same object is the push API's
 * body). Every field is optional, but an article needs a title or a body, and a url or else a
 * source and a guid:
 *
 * <ul>
 *   <li>{@code url} (string): link to the article; its canonical form gives the article id.
 *   <li>{@code guid} (string): the source's own id, used with {@code source} when there is no url.
 *   <li>{@code source} (string): outlet name; the url's host when absent.
 *   <li>{@code title} (string): plain text or HTML; derived from the body's first sentence when
 *       absent.
 *   <li>{@code body} (string), or {@code content} or {@code summary} when {@code body} is absent
 *       or blank: plain text or HTML.
 *   <li>{@code author} (string).
 *   <li>{@code publishedAt}: an ISO-8601 instant ({@code 2025-03-01T08:00:00Z}), an offset
 *       date-time ({@code 2025-03-01T09:00:00+01:00}) or epoch milliseconds (number); the
 *       fetch time when absent (recorded as publishedAtStatus MISSING).
 *   <li>{@code language} (string): a BCP 47 tag ({@code "en"}, {@code "ko"}, {@code "zh-TW"};
 *       {@code "en_us"} is read as {@code "en-US"}); detected from the text when absent.
 *   <li>{@code categories} (array of strings): the item's own categories; HTML is removed,
 *       duplicates dropped, at most 32 of at most 256 bytes kept.
 *   <li>{@code bodyKind} (string): {@code "full"} or {@code "summary"} (or the stored values
 *       {@code "FULL_TEXT"}, {@code "SUMMARY"}, {@code "UNKNOWN"}; any case): whether the body is
 *       the article's full text or only a summary; UNKNOWN when absent.
 * </ul>
 *
 * Unknown fields are ignored. A field of the wrong type is an error naming it.
 *
 * <p>Blank lines are skipped. A bad line becomes an {@link IngestError} naming the file and line
 * number; the lines after it are still read.
 */
public final class JsonLinesArticleReader {
    private static final String[] BODY_FIELDS = {"body", "content", "summary"};

    private final ArticleNormalizer normalizer;
    private final ObjectMapper mapper = new ObjectMapper()
            // "{...} garbage" on one line is a broken line, not an article.
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    public JsonLinesArticleReader(ArticleNormalizer normalizer) {
        this.normalizer = normalizer;
    }

    /**
     * Reads the whole file into memory; {@link #open(Path)} reads it line by line instead.
     *
     * @throws IOException when the file cannot be opened or read at all (the message names it)
     */
    public ArticleReadResult read(Path file) throws IOException {
        try (ArticleLines lines = open(file)) {
            return collect(lines);
        }
    }

    /** Reads from any reader, which stays open; {@code inputName} is what errors call the input. */
    public ArticleReadResult read(Reader in, String inputName) throws IOException {
        return collect(lines(in, inputName));
    }

    /**
     * Opens a file to be read one line at a time, with the bytes read so far against its size
     * (for progress). The caller closes it.
     *
     * @throws IOException when the file cannot be opened (the message names it)
     */
    public ArticleLines open(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toAbsolutePath().toString(), null, "no such file");
        }
        long size = Files.size(file);
        CountingInputStream bytes = new CountingInputStream(Files.newInputStream(file));
        // Undecodable bytes become U+FFFD instead of aborting the whole file mid-way.
        var decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        BufferedReader in = new BufferedReader(new InputStreamReader(bytes, decoder));
        return new ArticleLines(in, file.toString(), this::readOne, bytes::count, size);
    }

    /** Any reader, read one line at a time; {@code inputName} is what errors call the input. */
    public ArticleLines lines(Reader in, String inputName) {
        BufferedReader lines = in instanceof BufferedReader b ? b : new BufferedReader(in);
        return new ArticleLines(lines, inputName, this::readOne, () -> -1L, -1L);
    }

    private static ArticleReadResult collect(ArticleLines lines) throws IOException {
        List<NewsArticle> articles = new ArrayList<>();
        List<IngestError> errors = new ArrayList<>();
        List<IngestError> notes = new ArrayList<>();
        ArticleLines.ArticleLine line;
        while ((line = lines.next()) != null) {
            if (line.article() != null) {
                articles.add(line.article().article());
                notes.addAll(line.notes());
            } else {
                errors.add(line.error());
            }
        }
        return new ArticleReadResult(lines.inputName(), articles, errors, notes);
    }

    /**
     * One article from the text of one JSON object, which may span several lines (a pretty-printed
     * file): the same fields, defaults and normalisation as one line of {@link #read(Path)}.
     *
     * @throws InvalidArticleException with the reason; when the text is not one JSON value (not
     *     JSON, or more than one value) the message starts with "not valid JSON" and the cause is
     *     the parser's exception, whose location names the line
     */
    public NormalizedArticle readOne(String json) {
        return readOne(json, IngestChannel.FILE);
    }

    /**
     * {@link #readOne(String)} for an article that entered by {@code channel} (the push API reads
     * its bodies here, so a pushed article is normalised exactly as a file line is).
     */
    public NormalizedArticle readOne(String json, IngestChannel channel) {
        return normalizer.normalizeWithNotes(parseLine(json, channel));
    }

    RawArticle parseLine(String line) {
        return parseLine(line, IngestChannel.FILE);
    }

    private RawArticle parseLine(String line, IngestChannel channel) {
        JsonNode node;
        try {
            node = mapper.readTree(line);
        } catch (JsonProcessingException e) {
            // the cause keeps the parser's location, for inputs where one object spans lines
            throw new InvalidArticleException("not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (node == null || !node.isObject()) {
            throw new InvalidArticleException("expected a JSON object, got " + describe(node));
        }
        String body = null;
        for (String field : BODY_FIELDS) {
            body = text(node, field);
            if (body != null && !body.isBlank()) {
                break;
            }
        }
        return new RawArticle(
                text(node, "url"),
                text(node, "guid"),
                text(node, "source"),
                text(node, "title"),
                body,
                text(node, "author"),
                text(node, "language"),
                instant(node, "publishedAt"),
                null,
                channel,
                strings(node, "categories"),
                bodyKind(node, "bodyKind"),
                null);
    }

    private static List<String> strings(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return List.of();
        }
        if (!v.isArray()) {
            throw new InvalidArticleException("field '" + field + "' must be an array of strings, got " + describe(v));
        }
        List<String> values = new ArrayList<>(v.size());
        for (int i = 0; i < v.size(); i++) {
            JsonNode e = v.get(i);
            if (!e.isTextual()) {
                throw new InvalidArticleException(
                        "field '" + field + "' must be an array of strings, but element " + i + " is " + describe(e));
            }
            values.add(e.textValue());
        }
        return values;
    }

    /** The body kind as the stored constant; an unrecognised value is an error, not a guess. */
    private static String bodyKind(JsonNode node, String field) {
        String value = text(node, field);
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.strip().toUpperCase(Locale.ROOT)) {
            case "FULL", "FULL_TEXT" -> ArticleMarks.FULL_TEXT;
            case "SUMMARY" -> ArticleMarks.SUMMARY;
            case "UNKNOWN" -> ArticleMarks.UNKNOWN;
            default ->
                throw new InvalidArticleException("field '" + field
                        + "' must be \"full\" or \"summary\" (or FULL_TEXT, SUMMARY, UNKNOWN), got '" + value + "'");
        };
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw new InvalidArticleException("field '" + field + "' must be a string, got " + describe(v));
        }
        return v.textValue();
    }

    private static Instant instant(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isIntegralNumber()) {
            return Instant.ofEpochMilli(v.longValue());
        }
        if (!v.isTextual()) {
            throw new InvalidArticleException(
                    "field '" + field + "' must be an ISO-8601 date-time string, got " + describe(v));
        }
        String s = v.textValue().strip();
        if (s.isEmpty()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException notOffset) {
            try {
                return Instant.parse(s);
            } catch (DateTimeParseException e) {
                throw new InvalidArticleException("field '" + field + "' is not an ISO-8601 instant or offset "
                        + "date-time (e.g. 2025-03-01T08:00:00Z): '" + s + "'");
            }
        }
    }

    private static String describe(JsonNode v) {
        if (v == null || v.isMissingNode()) {
            return "nothing";
        }
        return v.getNodeType().name().toLowerCase(Locale.ROOT);
    }
}
