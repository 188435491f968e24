package io.newsradar.ingest.push;

import io.newsradar.avro.IngestChannel;
import io.newsradar.ingest.InvalidArticleException;
import io.newsradar.ingest.JsonLinesArticleReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a push body into {@link PushLine}s with the one normaliser every source goes through
 * ({@link JsonLinesArticleReader#readOne}: the same fields as a line of {@code ingest --file}),
 * marked with channel {@code PUSH}. A batch is split on line feeds (a byte that never occurs inside
 * a UTF-8 character), so one undecodable or broken line costs only itself; blank lines are skipped
 * but counted, so line numbers match the client's file.
 */
final class PushParser {
    private static final String ARRAY_HINT =
            " (send a batch as " + PushFormat.BATCH_TYPES.get(0) + ", one article object per line)";

    private final JsonLinesArticleReader reader;

    PushParser(JsonLinesArticleReader reader) {
        this.reader = reader;
    }

    List<PushLine> parse(PushFormat format, byte[] body) {
        return format == PushFormat.SINGLE ? List.of(single(body)) : batch(body);
    }

    private PushLine single(byte[] body) {
        String text;
        try {
            text = utf8(body, 0, body.length);
        } catch (CharacterCodingException e) {
            return PushLine.rejected(1, "the body is not valid UTF-8");
        }
        text = withoutBom(text);
        if (text.isBlank()) {
            return PushLine.rejected(1, "the body is empty: expected one article as a JSON object");
        }
        return read(1, text, true);
    }

    private List<PushLine> batch(byte[] body) {
        List<PushLine> lines = new ArrayList<>();
        int start = 0;
        int lineNo = 0;
        while (start < body.length) {
            int end = indexOf(body, (byte) '\n', start);
            lineNo++;
            int stop = end > start && body[end - 1] == '\r' ? end - 1 : end;
            try {
                String line = utf8(body, start, stop);
                if (lineNo == 1) {
                    line = withoutBom(line);
                }
                if (!line.isBlank()) {
                    lines.add(read(lineNo, line, false));
                }
            } catch (CharacterCodingException e) {
                lines.add(PushLine.rejected(lineNo, "the line is not valid UTF-8"));
            }
            start = end + 1;
        }
        return lines;
    }

    private PushLine read(int lineNo, String json, boolean single) {
        try {
            return PushLine.accepted(lineNo, reader.readOne(json, IngestChannel.PUSH));
        } catch (InvalidArticleException e) {
            String reason = e.getMessage();
            if (single && reason.startsWith("expected a JSON object, got array")) {
                reason += ARRAY_HINT;
            }
            return PushLine.rejected(lineNo, reason);
        } catch (RuntimeException e) {
            // whatever else one article triggers, it must not cost the others (nor kill the request)
            return PushLine.rejected(lineNo, "unexpected " + e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private static String utf8(byte[] bytes, int from, int to) throws CharacterCodingException {
        return StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes, from, to - from))
                .toString();
    }

    private static String withoutBom(String s) {
        return s.startsWith("\uFEFF") ? s.substring(1) : s;
    }

    private static int indexOf(byte[] bytes, byte b, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return bytes.length;
    }
}
