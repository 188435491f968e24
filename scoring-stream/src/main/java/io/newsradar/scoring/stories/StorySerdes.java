package io.newsradar.scoring.stories;

import io.newsradar.scoring.Provisional;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Serde;

/** Serdes of the story records defined elsewhere: origins (the {@code article-stories} store) and assignments. */
public final class StorySerdes {
    private static final int ORIGIN_FORMAT = 1;
    private static final int ASSIGNMENT_FORMAT = 1;
    private static final Serde<StoryOrigin> ORIGIN =
            Wire.serde("story origin", ORIGIN_FORMAT, (o, out) -> Wire.writeOrigin(out, o), Wire::readOrigin);
    private static final int PROVISIONAL_FORMAT = 1;
    private static final Serde<Provisional> PROVISIONAL = Wire.serde(
            "provisional score", PROVISIONAL_FORMAT, (p, out) -> Wire.writeProvisional(out, p), Wire::readProvisional);
    private static final Serde<StoryAssignment> ASSIGNMENT = Wire.serde(
            "story assignment", ASSIGNMENT_FORMAT, StorySerdes::writeAssignment, StorySerdes::readAssignment);

    private StorySerdes() {}

    public static Serde<StoryOrigin> origin() {
        return ORIGIN;
    }

    /** The provisional scores waiting for their article's votes. */
    static Serde<Provisional> provisional() {
        return PROVISIONAL;
    }

    /** The {@code stories} repartition's values. */
    public static Serde<StoryAssignment> assignment() {
        return ASSIGNMENT;
    }

    private static void writeAssignment(StoryAssignment a, DataOutputStream out) throws IOException {
        Wire.writeString(out, a.storyId());
        Wire.writeOrigin(out, a.origin());
        Wire.writeString(out, a.articleId());
        out.writeInt(a.revision());
        out.writeInt(a.alsoProposed().size());
        for (String story : a.alsoProposed()) {
            Wire.writeString(out, story);
        }
        Wire.writeProvisional(out, a.provisional());
        Wire.writeString(out, a.retraction());
    }

    private static StoryAssignment readAssignment(DataInputStream in) throws IOException {
        String storyId = Wire.readString(in);
        StoryOrigin origin = Wire.readOrigin(in);
        String articleId = Wire.readString(in);
        int revision = in.readInt();
        int proposed = in.readInt();
        if (proposed < 0 || proposed > StorySettings.MAX_BANDS) {
            throw new IOException("a story assignment with " + proposed + " other proposals");
        }
        List<String> alsoProposed = new ArrayList<>(proposed);
        for (int i = 0; i < proposed; i++) {
            alsoProposed.add(Wire.readString(in));
        }
        return new StoryAssignment(
                storyId, origin, articleId, revision, alsoProposed, Wire.readProvisional(in), Wire.readString(in));
    }
}
