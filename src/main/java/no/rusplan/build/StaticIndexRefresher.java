package no.rusplan.build;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Keeps the static search index ({@code /search/}) up to date in {@code serve --watch}, without
 * slowing the next change down. After a rebuild of some pages has been served and open pages
 * reloaded, {@link SiteBuild#refreshStaticIndex} runs on a thread of its own once nothing has
 * changed for {@link #QUIET} (at 5,000 pages it takes about a second of both cores, which a
 * change saved meanwhile would otherwise wait for); a change seen while it runs stops it, and
 * it runs again after the next quiet spell. Only the newest rebuild's refresh runs; one that a
 * full build overtook is dropped (the full build wrote the static index itself), and a full
 * build waits for a refresh that is writing into the published site.
 */
public final class StaticIndexRefresher implements AutoCloseable {
    /** How long nothing must change before the static index is refreshed. */
    public static final Duration QUIET = Duration.ofMillis(1500);

    private record Task(SiteBuild build, SiteBuild.Outcome outcome, long generation) {
    }

    private final ScheduledThreadPoolExecutor thread = new ScheduledThreadPoolExecutor(1, runnable -> {
        Thread refresher = new Thread(runnable, "rusplan-static-index");
        refresher.setDaemon(true);
        return refresher;
    });
    private final AtomicReference<Task> pending = new AtomicReference<>();
    /** Counts changes seen: a refresh stops when it moves. */
    private final AtomicLong changes = new AtomicLong();
    private final Object publishing = new Object();
    private final PrintWriter out;
    private final PrintWriter err;
    private long generation; // guarded by publishing: how many full builds ran

    public StaticIndexRefresher(PrintWriter out, PrintWriter err) {
        thread.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        this.out = out;
        this.err = err;
    }

    /** A change was seen and is about to be rebuilt: a refresh in progress stops, and none starts for a while. */
    public void changeSeen() {
        changes.incrementAndGet();
    }

    /** Refreshes the static index from {@code outcome} after a quiet spell, unless a newer rebuild or a full build comes first. */
    public void submit(SiteBuild build, SiteBuild.Outcome outcome) {
        if (outcome.staticIndexCurrent()) {
            return;
        }
        long seen;
        synchronized (publishing) {
            seen = generation;
        }
        pending.set(new Task(build, outcome, seen));
        schedule();
    }

    /** Runs {@code fullBuild} when no refresh is writing, and drops the refreshes submitted before it. */
    public <T> T fullBuild(Supplier<T> fullBuild) {
        synchronized (publishing) {
            generation++;
            return fullBuild.get();
        }
    }

    private void schedule() {
        long changesNow = changes.get();
        thread.schedule(() -> runIfQuiet(changesNow), QUIET.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Runs the newest task if nothing changed since {@code changesBefore} (else a later schedule does). */
    private void runIfQuiet(long changesBefore) {
        if (changes.get() != changesBefore) {
            if (pending.get() != null) {
                schedule();
            }
            return;
        }
        Task task = pending.getAndSet(null);
        if (task == null) {
            return;
        }
        synchronized (publishing) {
            if (task.generation() != generation) {
                return; // a full build published since: its static index is current
            }
            long start = System.nanoTime();
            try {
                int pages = task.build().refreshStaticIndex(task.outcome(), () -> changes.get() != changesBefore)
                        .entries().orElseThrow().size();
                out.println(String.format(Locale.ROOT, "Static search index (/search/) refreshed: %d pages in %.1f s",
                        pages, (System.nanoTime() - start) / 1e9));
                out.flush();
            } catch (CancellationException e) {
                out.println("Static search index (/search/) refresh stopped by a change: again when nothing has changed for "
                        + QUIET.toMillis() / 1000.0 + " s");
                out.flush();
                pending.compareAndSet(null, task); // unless a newer rebuild's is waiting: the next quiet spell
                schedule();
            } catch (java.io.IOException | RuntimeException e) {
                err.println("Could not refresh the static search index (/search/); it stays as it was until the next full build: " + e);
                err.flush();
            }
        }
    }

    /** Stops: none starts any more; one in progress is left to finish (it replaces the manifest in one step or not at all). */
    @Override
    public void close() {
        thread.shutdown();
    }
}
