package io.newsradar.ingest.poll;

import io.newsradar.ingest.FetchException;
import java.util.Locale;

/** Why a poll did not get a feed, coarse enough to tag a metric with ({@link #tag()}). */
enum PollFailure {
    CONNECT,
    TIMEOUT,
    TOO_LARGE,
    REDIRECT,
    ENCODING,
    REQUEST,
    NETWORK,
    /** 429 or 503: the server asked us to come back later. */
    RETRY_LATER,
    HTTP_4XX,
    HTTP_5XX,
    /** Any other status that is neither a feed nor a 304 (a 3xx without Location, a 1xx). */
    HTTP_OTHER,
    /** The body is not an RSS, Atom or JSON feed (an HTML page, garbage, a refused DOCTYPE). */
    NOT_A_FEED,
    /** A file feed that is missing or cannot be read. */
    FILE,
    /** A bug on our side; the feed fails, the poller goes on. */
    INTERNAL;

    /** The metric tag value: the name in lower case. */
    String tag() {
        return name().toLowerCase(Locale.ROOT);
    }

    static PollFailure of(FetchException.Kind kind) {
        return switch (kind) {
            case CONNECT -> CONNECT;
            case TIMEOUT -> TIMEOUT;
            case TOO_LARGE -> TOO_LARGE;
            case REDIRECT -> REDIRECT;
            case ENCODING -> ENCODING;
            case REQUEST -> REQUEST;
            case NETWORK -> NETWORK;
        };
    }

    static PollFailure ofStatus(int status) {
        if (status == 429 || status == 503) {
            return RETRY_LATER;
        }
        if (status >= 400 && status <= 499) {
            return HTTP_4XX;
        }
        if (status >= 500 && status <= 599) {
            return HTTP_5XX;
        }
        return HTTP_OTHER;
    }
}
