package io.newsradar.cli;

/** What a replay did with one dead letter: done, or refused and why; printed one line per record. */
record DlqReplayOutcome(DeadLetter deadLetter, boolean done, String text) {
    static DlqReplayOutcome done(DeadLetter d, String what) {
        return new DlqReplayOutcome(d, true, what);
    }

    static DlqReplayOutcome refused(DeadLetter d, String why) {
        return new DlqReplayOutcome(d, false, why);
    }

    String line() {
        return deadLetter.record().topic() + " " + deadLetter.position() + ": " + (done ? "" : "refused: ") + text;
    }
}
