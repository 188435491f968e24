package io.newsradar.ingest;

import com.rometools.rome.io.XmlReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Decodes a feed document to text by the rules of RFC 7303 (XML media types), section 3: a byte
 * order mark decides; else the {@code charset} parameter of the HTTP Content-Type; else the XML
 * declaration's {@code encoding} (XML 1.0, 4.3.3 and appendix F); else UTF-8.
 *
 * <p>Why not ROME's content-type handling: it follows RFC 3023, which RFC 7303 obsoleted, and
 * reads {@code text/xml} without a charset as US-ASCII, so every non-ASCII letter of such a feed
 * became a replacement character (and its content hash changed).
 */
final class FeedCharset {
    /**
     * Labels that, as in browsers (WHATWG Encoding), mean windows-1252: the superset servers and
     * feeds mean when they say Latin-1 or ASCII (curly quotes and dashes at 0x80-0x9F).
     */
    private static final Set<String> WINDOWS_1252_LABELS =
            Set.of("us-ascii", "ascii", "iso-8859-1", "iso8859-1", "latin1", "l1", "windows-1252", "cp1252");

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private FeedCharset() {}

    /**
     * @param contentType the HTTP Content-Type, or null (a local file)
     * @throws IOException when the bytes cannot be decoded in the encoding they name
     */
    static String decode(byte[] xml, String contentType) throws IOException {
        Optional<Charset> http = charsetParameter(contentType);
        if (http.isPresent() && !startsWithByteOrderMark(xml)) {
            return decodeDeclaredUtf8Leniently(xml, http.get());
        }
        // No HTTP charset, or a BOM that overrides it: the document decides. Without a content
        // type ROME reads BOM, then the declaration, defaulting to UTF-8: RFC 7303's order.
        try (XmlReader reader = new XmlReader(new ByteArrayInputStream(xml), true)) {
            StringWriter w = new StringWriter(xml.length);
            reader.transferTo(w);
            if ("UTF-8".equalsIgnoreCase(reader.getEncoding()) && !isUtf8(xml)) {
                return new String(xml, WINDOWS_1252);
            }
            return w.toString();
        }
    }

    /** The charset the Content-Type names, when it names one Java knows. */
    static Optional<Charset> charsetParameter(String contentType) {
        if (contentType == null) {
            return Optional.empty();
        }
        for (String param : contentType.split(";")) {
            int eq = param.indexOf('=');
            if (eq < 0 || !param.substring(0, eq).strip().equalsIgnoreCase("charset")) {
                continue;
            }
            String label = param.substring(eq + 1).strip();
            if (label.length() >= 2 && label.startsWith("\"") && label.endsWith("\"")) {
                label = label.substring(1, label.length() - 1).strip();
            }
            if (WINDOWS_1252_LABELS.contains(label.toLowerCase(Locale.ROOT))) {
                return Optional.of(WINDOWS_1252);
            }
            try {
                return Optional.of(Charset.forName(label));
            } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
                // an unknown label tells us nothing: let the document decide
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /**
     * A document the server calls UTF-8 that is not valid UTF-8 is in practice windows-1252;
     * better its letters than replacement characters.
     */
    private static String decodeDeclaredUtf8Leniently(byte[] xml, Charset charset) {
        if (charset.equals(StandardCharsets.UTF_8) && !isUtf8(xml)) {
            return new String(xml, WINDOWS_1252);
        }
        return new String(xml, charset);
    }

    private static boolean startsWithByteOrderMark(byte[] b) {
        return startsWith(b, 0xEF, 0xBB, 0xBF) // UTF-8
                || startsWith(b, 0xFE, 0xFF) // UTF-16BE
                || startsWith(b, 0xFF, 0xFE) // UTF-16LE (and UTF-32LE)
                || startsWith(b, 0x00, 0x00, 0xFE, 0xFF); // UTF-32BE
    }

    private static boolean startsWith(byte[] b, int... prefix) {
        if (b.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((b[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean isUtf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
