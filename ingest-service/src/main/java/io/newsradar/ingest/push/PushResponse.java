package io.newsradar.ingest.push;

import java.util.List;

/**
 * The body of a 202: the id of every accepted article, and the reason for every rejected line,
 * plus what the normaliser changed in an accepted article (a body cut to the size limit...).
 */
record PushResponse(List<Accepted> accepted, List<Rejected> rejected, List<Note> notes) {
    record Accepted(int line, String id) {}

    record Rejected(int line, String reason) {}

    record Note(int line, String note) {}
}
