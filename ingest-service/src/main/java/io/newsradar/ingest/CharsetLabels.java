package io.newsradar.ingest;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Charset labels as browsers read them (WHATWG Encoding): each label maps to the superset that the
 * servers and feeds using it actually write, which decodes text in the narrower charset to the same
 * characters. Without this a Korean feed labelled EUC-KR that uses one of CP949's extra syllables,
 * or a "gb2312" feed with a GBK character, would fail strict decoding and be taken for another
 * charset.
 */
final class CharsetLabels {
    private static final Map<String, String> SUPERSETS = Map.ofEntries(
            // Latin-1 and ASCII labels mean windows-1252 (curly quotes and dashes at 0x80-0x9F)
            Map.entry("us-ascii", "windows-1252"),
            Map.entry("ascii", "windows-1252"),
            Map.entry("iso-8859-1", "windows-1252"),
            Map.entry("iso8859-1", "windows-1252"),
            Map.entry("iso_8859-1", "windows-1252"),
            Map.entry("latin1", "windows-1252"),
            Map.entry("l1", "windows-1252"),
            Map.entry("cp1252", "windows-1252"),
            // Korean
            Map.entry("euc-kr", "x-windows-949"),
            Map.entry("ks_c_5601-1987", "x-windows-949"),
            Map.entry("korean", "x-windows-949"),
            Map.entry("cp949", "x-windows-949"),
            Map.entry("windows-949", "x-windows-949"),
            // Japanese
            Map.entry("shift_jis", "windows-31j"),
            Map.entry("shift-jis", "windows-31j"),
            Map.entry("sjis", "windows-31j"),
            Map.entry("x-sjis", "windows-31j"),
            Map.entry("ms_kanji", "windows-31j"),
            // Simplified Chinese
            Map.entry("gb2312", "GB18030"),
            Map.entry("gbk", "GB18030"),
            Map.entry("x-gbk", "GB18030"),
            Map.entry("euc-cn", "GB18030"),
            Map.entry("cp936", "GB18030"),
            // Traditional Chinese
            Map.entry("big5", "Big5-HKSCS"),
            Map.entry("cn-big5", "Big5-HKSCS"),
            Map.entry("x-x-big5", "Big5-HKSCS"));

    private CharsetLabels() {}

    /** The charset a label means; empty for a label Java does not know (it tells us nothing). */
    static Optional<Charset> forLabel(String label) {
        if (label == null || label.isBlank()) {
            return Optional.empty();
        }
        String key = label.strip().toLowerCase(Locale.ROOT);
        String name = SUPERSETS.getOrDefault(key, label.strip());
        try {
            return Optional.of(Charset.forName(name));
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            // a JRE without the extended charsets: the label's own charset, when there is one
            try {
                return Optional.of(Charset.forName(label.strip()));
            } catch (IllegalCharsetNameException | UnsupportedCharsetException again) {
                return Optional.empty();
            }
        }
    }

    /** Whether ASCII text (XML markup) is written in it as ASCII bytes: not UTF-16/32. */
    static boolean isAsciiCompatible(Charset charset) {
        if (!charset.canEncode()) {
            return false;
        }
        String probe = "<?xml";
        return java.util.Arrays.equals(probe.getBytes(charset), probe.getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * Whether it writes some characters as several bytes, so that arbitrary bytes are unlikely to
     * decode in it without errors (UTF-8, EUC-KR, Shift_JIS, ...). A single-byte charset decodes
     * nearly any bytes.
     */
    static boolean isMultiByte(Charset charset) {
        return charset.canEncode() && charset.newEncoder().maxBytesPerChar() > 1.0f;
    }
}
