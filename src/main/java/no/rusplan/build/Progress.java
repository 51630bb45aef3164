package no.rusplan.build;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.IntConsumer;

/**
 * Progress lines for long builds: once a counted stage has run for {@value #QUIET_MILLIS} ms,
 * at most one line per {@value #EVERY_MILLIS} ms with the count, the rate and the time left
 * ("Converting 1800/5000 pages, 410/s, about 8 s left"). Silent in CI and for short stages.
 */
public final class Progress {
    static final long QUIET_MILLIS = 2_000;
    static final long EVERY_MILLIS = 2_000;
    /** No output at all. */
    public static final Progress SILENT = new Progress(null);

    private final PrintWriter out;
    private long start;
    private long lastPrinted;
    /** The first item done, and when: rates are measured from there, so start-up costs do not skew them. */
    private long firstAt;
    private int firstDone = -1;

    private Progress(PrintWriter out) {
        this.out = out;
    }

    /** Progress to {@code out}, or {@link #SILENT} when the environment variable CI is set. */
    public static Progress to(PrintWriter out) {
        return System.getenv("CI") != null ? SILENT : new Progress(out);
    }

    /** A counter for a stage of {@code total} items; call it with the number done so far (from any thread). */
    public IntConsumer counter(String label, int total) {
        if (out == null) {
            return done -> { };
        }
        synchronized (this) {
            start = System.nanoTime();
            lastPrinted = start;
            firstDone = -1;
        }
        return done -> report(label, done, total);
    }

    private synchronized void report(String label, int done, int total) {
        long now = System.nanoTime();
        if (firstDone < 0) {
            firstDone = done;
            firstAt = now;
            return;
        }
        if ((now - start) / 1_000_000 < QUIET_MILLIS || (now - lastPrinted) / 1_000_000 < EVERY_MILLIS
                || done >= total || now == firstAt) {
            return;
        }
        double rate = (done - firstDone) / ((now - firstAt) / 1e9);
        double left = rate > 0 ? (total - done) / rate : 0;
        out.printf(Locale.ROOT, "%s %d/%d pages, %.0f/s, about %.0f s left%n", label, done, total, rate, left);
        out.flush();
        lastPrinted = now;
    }

    /** Ends the current stage. */
    public synchronized void done() {
        firstDone = -1;
    }
}
