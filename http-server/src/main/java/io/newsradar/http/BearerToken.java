package io.newsradar.http;

import io.newsradar.schemas.config.Secrets;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The configured bearer token, kept only as its SHA-256 digest. A presented token is hashed the same
 * way and the two digests are compared with {@link MessageDigest#isEqual}, which takes the same time
 * wherever they differ; comparing fixed-length digests also hides the token's length. Never prints
 * the token: {@link #toString()} is redacted, and no message of this class includes it.
 */
public final class BearerToken {
    private final byte[] digest;

    private BearerToken(byte[] digest) {
        this.digest = digest;
    }

    /**
     * @throws IllegalArgumentException when the token cannot be sent in a header (blank, or with
     *     whitespace or control characters); the message names the setting, never the value
     */
    public static BearerToken of(String token, String settingName) {
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("setting '" + settingName + "' is blank: leave it unset for no token");
        }
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (c <= ' ' || c == 0x7f) {
                throw new IllegalArgumentException("setting '" + settingName
                        + "' holds whitespace or control characters, which a bearer token cannot carry");
            }
        }
        return new BearerToken(sha256(token));
    }

    /** True when {@code presented} is this token; constant time in the token's content and length. */
    public boolean matches(String presented) {
        if (presented == null) {
            return false;
        }
        return MessageDigest.isEqual(digest, sha256(presented));
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return "BearerToken" + Secrets.REDACTED;
    }
}
