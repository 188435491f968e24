package io.newsradar.ingest.service;

import io.newsradar.schemas.feeds.FeedRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies {@code feeds.v1} records to the schedule while the poller runs: a record adds or
 * updates its feed, a tombstone removes it (a poll in flight for it is then not committed); a
 * record that is not a feed record, or names another id than its key, is logged and skipped.
 */
final class FeedTopicRecords {
    private static final Logger log = LoggerFactory.getLogger(FeedTopicRecords.class);

    private FeedTopicRecords() {}

    static void apply(Iterable<ConsumerRecord<String, String>> records, FeedSchedule schedule) {
        for (ConsumerRecord<String, String> r : records) {
            if (r.key() == null) {
                log.warn("feed record without a key at {}-{}@{}: ignored", r.topic(), r.partition(), r.offset());
            } else if (r.value() == null) {
                schedule.remove(r.partition(), r.key());
                log.info("feed {} removed: no longer polled", r.key());
            } else {
                try {
                    FeedRecord feed = FeedRecord.fromJson(r.value());
                    if (!feed.id().equals(r.key())) {
                        log.warn(
                                "feed record at {}-{}@{} has key {} but id {}: ignored",
                                r.topic(),
                                r.partition(),
                                r.offset(),
                                r.key(),
                                feed.id());
                        continue;
                    }
                    schedule.put(r.partition(), feed);
                    log.debug("feed {} listed: {}", feed.id(), feed.url());
                } catch (IllegalArgumentException e) {
                    log.warn(
                            "feed record {} at {}-{}@{} ignored: {}",
                            r.key(),
                            r.topic(),
                            r.partition(),
                            r.offset(),
                            e.getMessage());
                }
            }
        }
    }
}
