/**
 * The continuous ingest service's Kafka runtime: {@link io.newsradar.ingest.service.FeedPollerService}
 * polls the feeds of the {@code feeds.v1} partitions the ingest group assigns it, through any
 * {@link io.newsradar.ingest.poll.FeedPoll}, and writes each poll's articles and the feed's new
 * state in one transaction; {@link io.newsradar.ingest.service.FeedListPublisher} is the one writer
 * of the feed list on {@code feeds.v1} (it tombstones a feed's old partition when its host changes),
 * and {@link io.newsradar.ingest.service.CompactedTopic} reads a compacted topic whole.
 */
package io.newsradar.ingest.service;
