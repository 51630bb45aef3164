package no.rusplan.build;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** How long each stage of a build took, in the order they ran ("read 0.3 s, bake 12.1 s, …"). */
public final class PhaseTimes {
    private final Map<String, Duration> phases = new LinkedHashMap<>();
    private final java.util.Set<String> alongside = new java.util.HashSet<>();
    private long start = System.nanoTime();

    /** Ends the running phase under {@code name} and starts the next. */
    public void end(String name) {
        long now = System.nanoTime();
        phases.merge(name, Duration.ofNanos(now - start), Duration::plus);
        start = now;
    }

    /**
     * Records {@code name}, which ran alongside the running phase (and is part of its time), as
     * "name 3.1 s (alongside)"; the running phase goes on.
     */
    public void alongside(String name, Duration took) {
        alongside.add(name);
        phases.merge(name, took, Duration::plus);
    }

    @Override
    public String toString() {
        return phases.entrySet().stream()
                .map(e -> String.format(Locale.ROOT, "%s %.1f s%s", e.getKey(), e.getValue().toNanos() / 1e9,
                        alongside.contains(e.getKey()) ? " (alongside)" : ""))
                .collect(Collectors.joining(", "));
    }
}
