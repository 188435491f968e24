package io.newsradar.ingest;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decodes a feed document to text, choosing its charset by this precedence:
 *
 * <ol>
 *   <li>A <b>byte order mark</b> decides, whatever the HTTP header or the XML declaration say (RFC
 *       7303 section 3; a BOM cannot be there by accident). UTF-8, UTF-16 and UTF-32, LE and BE.
 *   <li>Without a BOM, the <b>byte pattern</b> of the first characters (XML 1.0 appendix F): markup
 *       starts with ASCII, so {@code 3C 00 3F 00} is UTF-16LE, {@code 00 00 00 3C} UTF-32BE and so
 *       on; a label that calls such bytes ASCII-compatible is wrong.
 *   <li>The <b>HTTP charset</b> parameter and the <b>XML declaration</b> are candidates, in that
 *       order; with neither, UTF-8 (the XML default) is the only one. A candidate the bytes
 *       contradict (they do not decode in it without errors) is dropped. Of the rest, a
 *       <em>multi-byte</em> one (UTF-8, EUC-KR, Shift_JIS, ...) wins, because bytes that decode
 *       in it are strong evidence for it, while a single-byte charset (ISO-8859-1, windows-1252)
 *       decodes almost any bytes and proves nothing. This is what real feeds need: a server's
 *       default {@code text/xml; charset=ISO-8859-1} in front of a document that declares and is
 *       valid UTF-8 gives UTF-8; a server's default {@code charset=UTF-8} in front of a document
 *       declared and written in EUC-KR gives EUC-KR. Between two that both fit equally, the HTTP
 *       one wins (RFC 7303).
 *   <li>When only single-byte candidates fit and the text is not pure ASCII, <b>statistical
 *       detection</b> (juniversalchardet, Mozilla's detector) is asked; a multi-byte charset it
 *       names that decodes the bytes wins over the single-byte label (an EUC-KR page behind a
 *       server's default ISO-8859-1); otherwise the label stands.
 *   <li>When no candidate fits (nothing declared and not UTF-8, or every label contradicted by
 *       the bytes), the detector's charset, when it is multi-byte and decodes the bytes.
 *   <li>Else a label or the detector's charset in which all but a few bytes decode (at most one
 *       bad sequence per 100 non-ASCII bytes: a feed cut or joined mid-character), with those
 *       few replaced; else the detector's single-byte charset when it decodes the bytes; else
 *       windows-1252, which decodes every byte, so Latin letters survive instead of becoming
 *       replacement characters. Nothing is rejected here: a document that is
 *       not text is rejected by the XML parser after decoding, with its reason.
 * </ol>
 *
 * <p>Labels are read as browsers read them (WHATWG Encoding): ISO-8859-1 and US-ASCII mean
 * windows-1252; EUC-KR means windows-949, Shift_JIS windows-31j, GB2312 and GBK GB18030, Big5
 * Big5-HKSCS: the supersets that servers and feeds mean by those labels, which decode text in the
 * narrower charset to the same characters.
 *
 * <p>Why not ROME's content-type handling: it follows RFC 3023, which RFC 7303 obsoleted, reads
 * {@code text/xml} without a charset as US-ASCII, and trusts a label the bytes contradict.
 */
final class FeedCharset {
    /** What the detector reads at most: enough for any feed's first items, bounded for large ones. */
    private static final int DETECTION_SAMPLE_BYTES = 256 * 1024;

    /** See {@link #nearlyFitting}. */
    private static final int NON_ASCII_BYTES_PER_TOLERATED_ERROR = 100;

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final Charset UTF_32BE = Charset.forName("UTF-32BE");
    private static final Charset UTF_32LE = Charset.forName("UTF-32LE");

    private static final Pattern XML_DECLARATION_ENCODING =
            Pattern.compile("^\\s*<\\?xml\\s[^>]*?encoding\\s*=\\s*[\"']([A-Za-z0-9._:-]+)[\"']");

    private FeedCharset() {}

    /**
     * The text of the document and how its charset was chosen.
     *
     * @param charset the charset the text was decoded in
     * @param reason  which rule chose it, for logs and error messages
     */
    record Decoded(String text, Charset charset, String reason) {}

    /**
     * @param contentType the HTTP Content-Type, or null (a local file)
     * @throws IOException never today; kept so a stricter rule can reject a document
     */
    static String decode(byte[] xml, String contentType) throws IOException {
        return decodeExplained(xml, contentType).text();
    }

    /** As {@link #decode}, saying which charset was chosen and why. */
    static Decoded decodeExplained(byte[] xml, String contentType) {
        Optional<Decoded> unicode = byByteOrderMark(xml).or(() -> byBytePattern(xml));
        if (unicode.isPresent()) {
            return unicode.get();
        }
        List<Candidate> candidates = new ArrayList<>();
        charsetParameter(contentType).ifPresent(cs -> candidates.add(new Candidate(cs, "HTTP charset")));
        declaredEncoding(xml).ifPresent(cs -> candidates.add(new Candidate(cs, "XML declaration")));
        if (candidates.isEmpty()) {
            candidates.add(new Candidate(StandardCharsets.UTF_8, "XML default (nothing declared)"));
        }
        List<Candidate> fitting = new ArrayList<>();
        List<Candidate> contradicted = new ArrayList<>();
        List<String> wrong = new ArrayList<>();
        for (Candidate c : candidates) {
            if (!CharsetLabels.isAsciiCompatible(c.charset())) {
                // no BOM and no UTF-16/32 byte pattern: the label cannot be right at all
                wrong.add(c.origin() + " " + c.charset().name());
            } else if (decodesStrictly(xml, c.charset())) {
                fitting.add(c);
            } else {
                contradicted.add(c);
                wrong.add(c.origin() + " " + c.charset().name());
            }
        }
        for (Candidate c : fitting) {
            if (CharsetLabels.isMultiByte(c.charset())) {
                return decoded(xml, c.charset(), c.origin());
            }
        }
        Optional<Charset> detected = isAscii(xml) ? Optional.empty() : detect(xml);
        boolean detectedFits = detected.isPresent() && decodesStrictly(xml, detected.get());
        if (!fitting.isEmpty()) {
            Candidate label = fitting.get(0);
            if (detectedFits && CharsetLabels.isMultiByte(detected.get())) {
                return decoded(
                        xml,
                        detected.get(),
                        "detected; " + label.origin() + " " + label.charset().name()
                                + " is single-byte and proves nothing");
            }
            return decoded(xml, label.charset(), label.origin());
        }
        String why = "the bytes contradict " + String.join(" and ", wrong);
        if (detectedFits && CharsetLabels.isMultiByte(detected.get())) {
            return decoded(xml, detected.get(), "detected; " + why);
        }
        if (detected.isPresent() && !detectedFits) {
            contradicted.add(new Candidate(detected.get(), "detected"));
        }
        // a label with a stray byte beats a single-byte guess, which fits anything
        Optional<Decoded> nearly = nearlyFitting(xml, contradicted);
        if (nearly.isPresent()) {
            return nearly.get();
        }
        if (detectedFits) {
            return decoded(xml, detected.get(), "detected; " + why);
        }
        return new Decoded(new String(xml, WINDOWS_1252), WINDOWS_1252, "windows-1252 fallback; " + why);
    }

    /**
     * A charset in which all but a few bytes decode: at most one bad sequence per {@value
     * #NON_ASCII_BYTES_PER_TOLERATED_ERROR} non-ASCII bytes, the kind of damage a feed cut or
     * concatenated mid-character has. Its few bad sequences become replacement characters, which
     * beats reading a whole Korean feed as windows-1252 for one stray byte. The candidate with the
     * fewest bad sequences wins; on a tie, the earlier (HTTP, then declaration, then detection).
     */
    private static Optional<Decoded> nearlyFitting(byte[] xml, List<Candidate> candidates) {
        long nonAscii = 0;
        for (byte b : xml) {
            nonAscii += b < 0 ? 1 : 0;
        }
        Candidate best = null;
        Lenient bestText = null;
        for (Candidate c : candidates) {
            Lenient text = decodeLeniently(xml, c.charset());
            boolean tolerable = text.errors() * NON_ASCII_BYTES_PER_TOLERATED_ERROR <= nonAscii;
            if (tolerable && (bestText == null || text.errors() < bestText.errors())) {
                best = c;
                bestText = text;
            }
        }
        if (best == null) {
            return Optional.empty();
        }
        return Optional.of(new Decoded(
                bestText.text(),
                best.charset(),
                best.origin() + ", " + bestText.errors() + " undecodable byte sequence(s) replaced"));
    }

    /** Text decoded with bad sequences replaced, and how many there were. */
    private record Lenient(String text, long errors) {}

    /**
     * Decodes with each malformed or unmappable sequence replaced by U+FFFD, but never lets a bad
     * sequence swallow an ASCII byte after it (as WHATWG decoders do): a stray lead byte before
     * {@code </title>} must not eat its '&lt;', or one bad byte would break the XML.
     */
    static Lenient decodeLeniently(byte[] bytes, Charset charset) {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 16);
        long errors = 0;
        while (true) {
            CoderResult r = decoder.decode(in, out, true);
            if (r.isError()) {
                errors++;
                int skip = 1;
                while (skip < r.length() && bytes[in.position() + skip] < 0) {
                    skip++;
                }
                in.position(in.position() + skip);
                if (!out.hasRemaining()) {
                    out = grow(out);
                }
                out.put('\uFFFD');
                decoder.reset();
            } else if (r.isOverflow()) {
                out = grow(out);
            } else {
                break; // underflow: every byte consumed
            }
        }
        while (decoder.flush(out).isOverflow()) {
            out = grow(out);
        }
        out.flip();
        return new Lenient(out.toString(), errors);
    }

    private static CharBuffer grow(CharBuffer out) {
        CharBuffer bigger = CharBuffer.allocate(out.capacity() * 2 + 16);
        out.flip();
        return bigger.put(out);
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
            // an unknown label tells us nothing: let the document decide
            return CharsetLabels.forLabel(label);
        }
        return Optional.empty();
    }

    /** The encoding an ASCII-compatible document's XML declaration names, when Java knows it. */
    static Optional<Charset> declaredEncoding(byte[] xml) {
        String head = new String(xml, 0, Math.min(xml.length, 1024), StandardCharsets.ISO_8859_1);
        Matcher m = XML_DECLARATION_ENCODING.matcher(head);
        return m.find() ? CharsetLabels.forLabel(m.group(1)) : Optional.empty();
    }

    private record Candidate(Charset charset, String origin) {}

    private static Optional<Decoded> byByteOrderMark(byte[] b) {
        // UTF-32LE's mark starts with UTF-16LE's: test it first
        if (startsWith(b, 0xFF, 0xFE, 0x00, 0x00)) {
            return Optional.of(decodedAfter(b, 4, UTF_32LE));
        }
        if (startsWith(b, 0x00, 0x00, 0xFE, 0xFF)) {
            return Optional.of(decodedAfter(b, 4, UTF_32BE));
        }
        if (startsWith(b, 0xEF, 0xBB, 0xBF)) {
            return Optional.of(decodedAfter(b, 3, StandardCharsets.UTF_8));
        }
        if (startsWith(b, 0xFE, 0xFF)) {
            return Optional.of(decodedAfter(b, 2, StandardCharsets.UTF_16BE));
        }
        if (startsWith(b, 0xFF, 0xFE)) {
            return Optional.of(decodedAfter(b, 2, StandardCharsets.UTF_16LE));
        }
        return Optional.empty();
    }

    private static Decoded decodedAfter(byte[] b, int bomLength, Charset charset) {
        String text = new String(b, bomLength, b.length - bomLength, charset);
        return new Decoded(text, charset, "byte order mark");
    }

    /**
     * UTF-16 or UTF-32 without a BOM, recognised by where the zero bytes of the first (ASCII)
     * characters fall: '&lt;' or whitespace in UTF-16BE is {@code 00 xx}, in UTF-32LE {@code xx 00
     * 00 00}.
     */
    private static Optional<Decoded> byBytePattern(byte[] b) {
        if (b.length < 4 || (b[0] != 0 && b[1] != 0)) {
            return Optional.empty();
        }
        Charset cs;
        if (b[0] == 0 && b[1] == 0 && b[2] == 0 && b[3] != 0) {
            cs = UTF_32BE;
        } else if (b[0] != 0 && b[1] == 0 && b[2] == 0 && b[3] == 0) {
            cs = UTF_32LE;
        } else if (b[0] == 0 && b[1] != 0 && b[2] == 0 && b[3] != 0) {
            cs = StandardCharsets.UTF_16BE;
        } else if (b[0] != 0 && b[1] == 0 && b[2] != 0 && b[3] == 0) {
            cs = StandardCharsets.UTF_16LE;
        } else {
            return Optional.empty();
        }
        return Optional.of(new Decoded(new String(b, cs), cs, "byte pattern of the first characters (no BOM)"));
    }

    /** The detector's charset, when it names an ASCII-compatible one Java knows. */
    private static Optional<Charset> detect(byte[] xml) {
        var detector = new org.mozilla.universalchardet.UniversalDetector();
        detector.handleData(xml, 0, Math.min(xml.length, DETECTION_SAMPLE_BYTES));
        detector.dataEnd();
        String name = detector.getDetectedCharset();
        if (name == null) {
            return Optional.empty();
        }
        return CharsetLabels.forLabel(name).filter(CharsetLabels::isAsciiCompatible);
    }

    private static Decoded decoded(byte[] xml, Charset charset, String reason) {
        return new Decoded(new String(xml, charset), charset, reason);
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

    private static boolean isAscii(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }

    /** Whether every byte is part of a character the charset defines. */
    static boolean decodesStrictly(byte[] bytes, Charset charset) {
        try {
            charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
