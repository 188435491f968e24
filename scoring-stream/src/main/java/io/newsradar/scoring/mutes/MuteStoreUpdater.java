package io.newsradar.scoring.mutes;

import io.newsradar.schemas.mutes.MuteRecord;
import io.newsradar.schemas.topics.Topics;
import io.newsradar.scoring.TextStoreUpdater;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The processor of the global {@code mutes.v1} store ({@link TextStoreUpdater}): the store keeps
 * the topic's text, the {@link MuteDirectory} the parsed mutes. A tombstone unmutes; so does a
 * record under the key that cannot be read. A mute whose value gives another key is refused:
 * an unmute under the key it is stored at would not reach it.
 */
public final class MuteStoreUpdater extends TextStoreUpdater<MuteRecord> {
    private static final Logger LOG = LoggerFactory.getLogger(MuteStoreUpdater.class);

    private final MuteDirectory directory;

    public MuteStoreUpdater(String storeName, MuteDirectory directory) {
        super(storeName, Topics.MUTES.name());
        this.directory = Objects.requireNonNull(directory, "directory");
    }

    @Override
    protected MuteRecord parse(String key, String value) {
        MuteRecord mute = MuteRecord.fromJson(value);
        if (!mute.key().equals(key)) {
            // another writer's key scheme: an unmute under the key would not reach this mute
            throw new IllegalArgumentException("its key would be " + mute.key());
        }
        return mute;
    }

    @Override
    protected void accept(String key, MuteRecord mute) {
        directory.put(mute);
        LOG.info("{} muted until {}{}", key, mute.untilText(), mute.reason().isEmpty() ? "" : ": " + mute.reason());
    }

    @Override
    protected void remove(String key) {
        directory.remove(key);
        LOG.info("{} unmuted", key);
    }

    @Override
    protected void countRejected() {
        directory.countRejected();
    }

    @Override
    protected Logger log() {
        return LOG;
    }
}
