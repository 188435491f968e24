package io.newsradar.schemas.hash;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 of text as lower-case hex: the one definition behind article ids, content hashes, feed
 * ids and rules versions, which keep as many leading hex digits as their scheme says.
 */
public final class Sha256 {
    private Sha256() {}

    /** The 64 hex digits of SHA-256 over the text's UTF-8 bytes. */
    public static String hex(String text) {
        return hex(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The 64 hex digits of SHA-256 over the bytes. */
    public static String hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
