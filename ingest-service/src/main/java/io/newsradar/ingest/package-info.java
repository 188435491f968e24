/**
 * Ingestion: turns articles from feeds (RSS/Atom), JSON-lines files and later HTTP pushes into
 * normalised {@link io.newsradar.avro.NewsArticle}s and publishes them to {@code news.raw.v1}.
 *
 * <p>Flow: a reader ({@link io.newsradar.ingest.FeedReader},
 * {@link io.newsradar.ingest.JsonLinesArticleReader}) builds {@link io.newsradar.ingest.RawArticle}s,
 * {@link io.newsradar.ingest.ArticleNormalizer} validates and normalises them (ids from
 * {@link io.newsradar.ingest.ArticleIds} under a versioned id scheme; size limits of
 * {@code ArticleLimits}: long bodies cut, oversized titles rejected; bidi controls removed),
 * {@link io.newsradar.ingest.ArticlePublisher} sends them. Before the first send the CLI checks
 * the cluster and the topic with {@link io.newsradar.ingest.BrokerPreflight}; the first send the
 * cluster fails stops the run ({@link io.newsradar.ingest.BrokerUnavailableException}).
 * Bad records become {@link io.newsradar.ingest.IngestError}s naming input, position and reason;
 * they never stop the records after them. {@link io.newsradar.ingest.IngestJobs} wires this for
 * the CLI.
 */
package io.newsradar.ingest;
