package dev.wasmbuild.server;

/**
 * The pause after a failed accept, for one accepting thread. It starts short, so a single passing
 * error (a connection reset while queued) costs next to nothing, and doubles up to a cap, so a
 * machine out of file descriptors is not spun on; downloads finishing free descriptors within
 * seconds, so the cap stays short. A run of failures ("burst") is reported once, by its first.
 */
final class AcceptBackoff {
    static final long FIRST_MILLIS = 5;
    static final long MAX_MILLIS = 1_000;

    private int failures;
    private long delay = FIRST_MILLIS;

    /** Records a failure; true for the first of a burst, the one to report. */
    boolean failed() {
        return ++failures == 1;
    }

    /** How long to wait before the next attempt; each call doubles the next, up to the cap. */
    long delayMillis() {
        long now = delay;
        delay = Math.min(MAX_MILLIS, delay * 2);
        return now;
    }

    /** Records a success and ends the burst; returns how many attempts had failed in it. */
    int succeeded() {
        int burst = failures;
        failures = 0;
        delay = FIRST_MILLIS;
        return burst;
    }
}
