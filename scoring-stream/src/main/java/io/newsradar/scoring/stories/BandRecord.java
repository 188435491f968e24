package io.newsradar.scoring.stories;

import io.newsradar.scoring.Provisional;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Objects;
import org.apache.kafka.common.serialization.Serde;

/**
 * One band of one article revision, keyed by its band key on the {@code story-bands}
 * repartition, or a retraction travelling the same path (keyed {@code retract:<article id>}).
 *
 * @param articleId   the article
 * @param revision    its revision (0 for a retraction)
 * @param origin      the story the article would start on its own (null for a retraction)
 * @param signature   the article's whole signature, to compare with the bucket's members
 * @param band        the band index of this record
 * @param bandCount   how many band records the article sent: the chooser waits for all of them
 * @param provisional the article scored at coverage 1, on band 0 only (the article travels once)
 * @param retraction  why the article was taken down; null for an article
 */
public record BandRecord(
        String articleId,
        int revision,
        StoryOrigin origin,
        byte[] signature,
        int band,
        int bandCount,
        Provisional provisional,
        String retraction) {
    private static final int FORMAT = 1;
    private static final Serde<BandRecord> SERDE =
            Wire.serde("story band record", FORMAT, BandRecord::write, BandRecord::read);

    public BandRecord {
        Objects.requireNonNull(articleId, "articleId");
        if (retraction == null) {
            Objects.requireNonNull(origin, "origin");
            Objects.requireNonNull(signature, "signature");
            if (band < 0 || band >= bandCount) {
                throw new IllegalArgumentException("band " + band + " of " + bandCount);
            }
        }
    }

    /** The retraction of an article, to pass the band stage untouched. */
    public static BandRecord retraction(String articleId, String reason) {
        return new BandRecord(articleId, 0, null, null, 0, 0, null, Objects.requireNonNull(reason, "reason"));
    }

    public boolean isRetraction() {
        return retraction != null;
    }

    /** The key a retraction of {@code articleId} travels under on the band repartition. */
    public static String retractionKey(String articleId) {
        return "retract:" + articleId;
    }

    public static Serde<BandRecord> serde() {
        return SERDE;
    }

    private static void write(BandRecord r, DataOutputStream out) throws IOException {
        Wire.writeString(out, r.articleId);
        Wire.writeString(out, r.retraction);
        if (r.isRetraction()) {
            return;
        }
        out.writeInt(r.revision);
        Wire.writeOrigin(out, r.origin);
        Wire.writeBytes(out, r.signature);
        out.writeByte(r.band);
        out.writeByte(r.bandCount);
        Wire.writeProvisional(out, r.provisional);
    }

    private static BandRecord read(DataInputStream in) throws IOException {
        String articleId = Wire.readString(in);
        String retraction = Wire.readString(in);
        if (retraction != null) {
            return retraction(articleId, retraction);
        }
        int revision = in.readInt();
        StoryOrigin origin = Wire.readOrigin(in);
        byte[] signature = Wire.readBytes(in);
        int band = in.readUnsignedByte();
        int bandCount = in.readUnsignedByte();
        return new BandRecord(articleId, revision, origin, signature, band, bandCount, Wire.readProvisional(in), null);
    }
}
