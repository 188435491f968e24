package io.newsradar.scoring.stories;

import io.newsradar.scoring.Provisional;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Objects;
import org.apache.kafka.common.serialization.Serde;

/**
 * What one band of an article revision proposes as its story, keyed by article id on the
 * {@code story-votes} repartition; or a retraction passed through the band stage.
 *
 * @param articleId   the article
 * @param revision    its revision (0 for a retraction)
 * @param band        the band that voted
 * @param bandCount   how many votes the article's revision gets in all
 * @param proposal    the smallest story origin among the article's own and those of the similar
 *                    articles in the band's bucket (null for a retraction)
 * @param provisional the article scored at coverage 1, on band 0's vote only
 * @param retraction  why the article was taken down; null for a vote
 */
public record BandVote(
        String articleId,
        int revision,
        int band,
        int bandCount,
        StoryOrigin proposal,
        Provisional provisional,
        String retraction) {
    private static final int FORMAT = 1;
    private static final Serde<BandVote> SERDE = Wire.serde("story band vote", FORMAT, BandVote::write, BandVote::read);

    public BandVote {
        Objects.requireNonNull(articleId, "articleId");
        if (retraction == null) {
            Objects.requireNonNull(proposal, "proposal");
        }
    }

    /** A band record's vote for {@code proposal}. */
    public static BandVote of(BandRecord r, StoryOrigin proposal) {
        return new BandVote(r.articleId(), r.revision(), r.band(), r.bandCount(), proposal, r.provisional(), null);
    }

    public static BandVote retraction(String articleId, String reason) {
        return new BandVote(articleId, 0, 0, 0, null, null, Objects.requireNonNull(reason, "reason"));
    }

    public boolean isRetraction() {
        return retraction != null;
    }

    public static Serde<BandVote> serde() {
        return SERDE;
    }

    private static void write(BandVote v, DataOutputStream out) throws IOException {
        Wire.writeString(out, v.articleId);
        Wire.writeString(out, v.retraction);
        if (v.isRetraction()) {
            return;
        }
        out.writeInt(v.revision);
        out.writeByte(v.band);
        out.writeByte(v.bandCount);
        Wire.writeOrigin(out, v.proposal);
        Wire.writeProvisional(out, v.provisional);
    }

    private static BandVote read(DataInputStream in) throws IOException {
        String articleId = Wire.readString(in);
        String retraction = Wire.readString(in);
        if (retraction != null) {
            return retraction(articleId, retraction);
        }
        int revision = in.readInt();
        int band = in.readUnsignedByte();
        int bandCount = in.readUnsignedByte();
        StoryOrigin proposal = Wire.readOrigin(in);
        return new BandVote(articleId, revision, band, bandCount, proposal, Wire.readProvisional(in), null);
    }
}
