package io.newsradar.scoring.dashboard;

import java.util.List;

/** Where the DLQ-count endpoint gets its figures. */
interface DlqCounter {
    /**
     * One count per dead-letter topic.
     *
     * @throws RuntimeException when the cluster cannot be asked; the endpoint answers 503
     */
    List<DlqCount> counts();

    /**
     * The records on one dead-letter topic.
     *
     * @param topic   the topic's name
     * @param records the records between the start of its partitions and their last stable offset,
     *                or -1 when the topic does not exist
     */
    record DlqCount(String topic, long records) {}
}
