package io.newsradar.ingest.service;

import io.newsradar.ingest.poll.PollOutcome;

/** A worker's report to the loop: the outcome of a poll under a lease, or the error the poll threw. */
record PollResult(FeedSchedule.Lease lease, PollOutcome outcome, Throwable error) {}
