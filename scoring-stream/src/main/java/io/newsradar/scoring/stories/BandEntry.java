package io.newsradar.scoring.stories;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Objects;
import org.apache.kafka.common.serialization.Serde;

/**
 * A member of a band bucket in {@code story-band-index}: an article, the story its band proposed
 * when it arrived, and its signature to compare later arrivals with.
 */
public record BandEntry(String articleId, StoryOrigin story, byte[] signature) {
    private static final int FORMAT = 1;
    private static final Serde<BandEntry> SERDE =
            Wire.serde("story band index entry", FORMAT, BandEntry::write, BandEntry::read);

    public BandEntry {
        Objects.requireNonNull(articleId, "articleId");
        Objects.requireNonNull(story, "story");
        Objects.requireNonNull(signature, "signature");
    }

    public static Serde<BandEntry> serde() {
        return SERDE;
    }

    private static void write(BandEntry e, DataOutputStream out) throws IOException {
        Wire.writeString(out, e.articleId);
        Wire.writeOrigin(out, e.story);
        Wire.writeBytes(out, e.signature);
    }

    private static BandEntry read(DataInputStream in) throws IOException {
        return new BandEntry(Wire.readString(in), Wire.readOrigin(in), Wire.readBytes(in));
    }
}
