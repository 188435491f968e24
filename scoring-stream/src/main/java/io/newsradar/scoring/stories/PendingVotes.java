package io.newsradar.scoring.stories;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.apache.kafka.common.serialization.Serde;

/**
 * The votes of one article revision received so far ({@code story-votes-pending}): which bands
 * voted (a bit per band; at most {@link StorySettings#MAX_BANDS} of them), the distinct stories
 * proposed, and whether band 0's provisional score is in. The provisional score itself is kept
 * once in a store of its own ({@code story-votes-pending-provisional}): this entry is rewritten
 * with every vote, and each rewrite goes to the changelog. {@code firstVoteMs} is the stream time
 * of the first vote and {@code firstVoteWallMs} the processing (wall-clock) time, so an entry whose
 * other votes never come (a band record dead-lettered on the way) can be dropped once both a story
 * window of stream time and a long processing time have passed (see {@link StoryChooser}).
 */
record PendingVotes(
        int bandCount,
        long bandsReceived,
        List<StoryOrigin> proposals,
        boolean provisionalIn,
        long firstVoteMs,
        long firstVoteWallMs) {
    private static final int FORMAT = 1;
    private static final Serde<PendingVotes> SERDE =
            Wire.serde("pending story votes", FORMAT, PendingVotes::write, PendingVotes::read);

    PendingVotes {
        if (bandCount < 1 || bandCount > StorySettings.MAX_BANDS) {
            throw new IllegalArgumentException("band count must be 1 to " + StorySettings.MAX_BANDS + ": " + bandCount);
        }
        proposals = List.copyOf(new TreeSet<>(proposals)); // distinct, smallest first
    }

    static PendingVotes none(int bandCount, long now) {
        return none(bandCount, now, now);
    }

    static PendingVotes none(int bandCount, long streamNow, long wallNow) {
        return new PendingVotes(bandCount, 0L, List.of(), false, streamNow, wallNow);
    }

    /** With one more vote; a band voting twice (it cannot under exactly-once) counts once. */
    PendingVotes with(BandVote vote) {
        if (vote.bandCount() != bandCount) {
            throw new IllegalStateException("article " + vote.articleId() + " revision " + vote.revision()
                    + ": a vote of band " + vote.band() + " says " + vote.bandCount() + " bands, earlier ones "
                    + bandCount);
        }
        List<StoryOrigin> all = new ArrayList<>(proposals);
        all.add(vote.proposal());
        return new PendingVotes(
                bandCount,
                bandsReceived | (1L << vote.band()),
                all,
                provisionalIn || vote.provisional() != null,
                firstVoteMs,
                firstVoteWallMs);
    }

    boolean complete() {
        return Long.bitCount(bandsReceived) == bandCount && provisionalIn;
    }

    /** The merge rule: the smallest story origin proposed, whatever order the votes came in. */
    StoryOrigin smallest() {
        return proposals.get(0);
    }

    static Serde<PendingVotes> serde() {
        return SERDE;
    }

    private static void write(PendingVotes p, DataOutputStream out) throws IOException {
        out.writeByte(p.bandCount);
        out.writeLong(p.bandsReceived);
        out.writeByte(p.proposals.size());
        for (StoryOrigin o : p.proposals) {
            Wire.writeOrigin(out, o);
        }
        out.writeBoolean(p.provisionalIn);
        out.writeLong(p.firstVoteMs);
        out.writeLong(p.firstVoteWallMs);
    }

    private static PendingVotes read(DataInputStream in) throws IOException {
        int bandCount = in.readUnsignedByte();
        long received = in.readLong();
        int n = in.readUnsignedByte();
        List<StoryOrigin> proposals = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            proposals.add(Wire.readOrigin(in));
        }
        return new PendingVotes(bandCount, received, proposals, in.readBoolean(), in.readLong(), in.readLong());
    }
}
