package io.newsradar.scoring;

/** A sentence of an article's body, with its place in the body (end exclusive). */
public record Sentence(String text, int start, int end) {

    public boolean contains(Hit hit) {
        return hit.start() >= start && hit.end() <= end;
    }
}
