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
    private boolean printed;

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
            printed = false;
        }
        return done -> report(label, done, total);
    }

    private synchronized void report(String label, int done, int total) {
        long now = System.nanoTime();
        long elapsedMillis = (now - start) / 1_000_000;
        if (elapsedMillis < QUIET_MILLIS || (now - lastPrinted) / 1_000_000 < EVERY_MILLIS || done >= total) {
            return;
        }
        double rate = done / (elapsedMillis / 1000.0);
        double left = rate > 0 ? (total - done) / rate : 0;
        out.printf(Locale.ROOT, "%s %d/%d pages, %.0f/s, about %.0f s left%n", label, done, total, rate, left);
        out.flush();
        lastPrinted = now;
        printed = true;
    }

    /** Ends the current stage (prints nothing; kept for symmetry with {@link #counter}). */
    public synchronized void done() {
        printed = false;
    }
}
