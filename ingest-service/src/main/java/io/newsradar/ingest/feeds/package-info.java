/**
 * The feed list: which feeds the poller polls, how often, and what it says about their outlet.
 *
 * <p>{@link io.newsradar.ingest.feeds.FeedListLoader} reads and checks the YAML list
 * ({@code config/feeds.yaml}), reporting every problem at once;
 * {@link io.newsradar.ingest.feeds.OpmlImporter} turns a feed reader's OPML export into entries and
 * {@link io.newsradar.ingest.feeds.FeedListWriter} writes entries back as YAML (for
 * {@code feeds import}). {@link io.newsradar.ingest.feeds.FeedIds} derives the stable feed id that
 * keys a feed's state; {@link io.newsradar.ingest.feeds.FeedRecords} turns entries into the
 * {@code feeds.v1} records every writer of the list writes. Pure code: no Kafka, no HTTP.
 */
package io.newsradar.ingest.feeds;
