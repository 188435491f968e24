package io.newsradar.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.newsradar.avro.NewsArticle;
import io.newsradar.ingest.ArticleReadResult;
import io.newsradar.ingest.IngestError;
import io.newsradar.ingest.InvalidArticleException;
import io.newsradar.ingest.JsonLinesArticleReader;
import io.newsradar.ingest.NormalizedArticle;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Articles for a command that reads them without Kafka ({@code explain}): either one JSON object,
 * which may be pretty-printed over several lines, or JSON lines, in the article JSON that
 * {@code ingest --file} accepts. Parsing and normalisation are ingest's own
 * ({@link JsonLinesArticleReader}), so an article gets the id, hash and limits it would get there.
 */
final class ArticleInput {
    private ArticleInput() {}

    /**
     * Reads all of {@code in}. Errors name {@code inputName} and a line; they are never thrown,
     * so one bad record cannot cost the others.
     */
    static ArticleReadResult read(InputStream in, String inputName, JsonLinesArticleReader reader) throws IOException {
        String text = decode(in.readAllBytes());
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (text.isBlank()) {
            return new ArticleReadResult(inputName, List.of(), List.of());
        }
        int firstLine = firstNonBlankLine(text);
        try {
            // the whole input as one object: a pretty-printed article, or a file of one line
            NormalizedArticle one = reader.readOne(text);
            return new ArticleReadResult(
                    inputName, List.of(one.article()), List.of(), notes(inputName, firstLine, one.notes()));
        } catch (InvalidArticleException e) {
            boolean isOneJsonValue = !(e.getCause() instanceof JsonProcessingException);
            if (isOneJsonValue || looksPrettyPrinted(text, firstLine)) {
                return rejected(inputName, lineOf(e, firstLine), e.getMessage());
            }
        } catch (RuntimeException e) {
            return rejected(inputName, firstLine, "unexpected " + e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        // not one JSON value: JSON lines, each judged on its own
        return reader.read(new StringReader(text), inputName);
    }

    /**
     * A document whose first line is a lone "{" is one pretty-printed object, however broken: as
     * JSON lines every one of its lines would be reported, hiding the one real error.
     */
    private static boolean looksPrettyPrinted(String text, int firstLine) {
        String[] lines = text.split("\\R", firstLine + 1);
        return lines.length >= firstLine && lines[firstLine - 1].strip().equals("{");
    }

    /** The parser's line for a syntax error, else the line where the object starts. */
    private static int lineOf(InvalidArticleException e, int firstLine) {
        if (e.getCause() instanceof JsonProcessingException j
                && j.getLocation() != null
                && j.getLocation().getLineNr() > 0) {
            return j.getLocation().getLineNr();
        }
        return firstLine;
    }

    private static int firstNonBlankLine(String text) {
        String[] lines = text.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            if (!lines[i].isBlank()) {
                return i + 1;
            }
        }
        return 1;
    }

    private static ArticleReadResult rejected(String inputName, int line, String reason) {
        return new ArticleReadResult(
                inputName, List.<NewsArticle>of(), List.of(new IngestError(inputName, "line " + line, reason)));
    }

    private static List<IngestError> notes(String inputName, int line, List<String> notes) {
        return notes.stream()
                .map(n -> new IngestError(inputName, "line " + line, n))
                .toList();
    }

    /** UTF-8 with undecodable bytes as U+FFFD, as ingest reads files: one bad byte must not lose the input. */
    private static String decode(byte[] bytes) throws CharacterCodingException {
        return StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE)
                .decode(ByteBuffer.wrap(bytes))
                .toString();
    }
}
