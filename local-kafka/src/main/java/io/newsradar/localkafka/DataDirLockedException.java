package io.newsradar.localkafka;

import java.nio.file.Path;
import java.util.Optional;

/** A broker (in this process or another) holds the lock of a data dir. */
public class DataDirLockedException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    private final transient Path dataDir;
    private final Long holderPid;

    DataDirLockedException(Path dataDir, Optional<Long> holderPid) {
        super("a Kafka broker is running on data dir " + dataDir + " (pid "
                + holderPid.map(String::valueOf).orElse("unknown") + ")");
        this.dataDir = dataDir;
        this.holderPid = holderPid.orElse(null);
    }

    public Path dataDir() {
        return dataDir;
    }

    public Optional<Long> holderPid() {
        return Optional.ofNullable(holderPid);
    }

    /** "pid 1234" or "pid unknown", for messages. */
    public String holderDescription() {
        return "pid " + holderPid().map(String::valueOf).orElse("unknown");
    }
}
